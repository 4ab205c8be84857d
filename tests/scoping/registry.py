"""Every web page (by URL name) and every API operation (by operation id), and what each
role must get from it. `test_scoping_registry.py` fails when a URL or operation exists
without an entry here; `test_scoping_matrix.py` runs every entry for every role.

Three kinds of entry:

- `Listing(name, kind)`: a list of objects of `kind`. Each role gets 200 and sees exactly
  the objects `world.SEES[kind][role]` (web: their names are on the page; API: their ids
  are the response, no more, no less).
- `Detail(name, kind, kwargs)`: one object of `kind`; `kwargs(obj)` fills the URL. 200 for
  every object the role sees, 404 (never 403) for every other. With `method="post"`,
  `data=…` and `status=302` it is an action on one object (each test runs in a savepoint,
  so what it writes is undone).
- `Page(name, status=…, anonymous=…)`: nothing personal, or not tied to one object; the
  status every signed-in role gets and the one an anonymous visitor gets.

`status` may differ per role: `per_role(200, provider_staff_aster=404, no_membership=404)`.
A role whose status is not 200 is only checked for that status. Anonymous visitors are
redirected to the login page (web) or get 401 (API), except on entries marked `public=True`,
where the `anonymous` row of SEES applies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.scoping.world import SIGNED_IN

LOGIN = "login"  # the outcome "redirected to the login page"

Status = int | str  # a status code, or LOGIN


def per_role(default: Status, **overrides: Status) -> dict[str, Status]:
    """A status for every signed-in role: `per_role(200, no_membership=404)`."""
    unknown = set(overrides) - set(SIGNED_IN)
    if unknown:
        raise ValueError(f"Unknown roles {unknown}; the roles are {SIGNED_IN}")
    return {role: overrides.get(role, default) for role in SIGNED_IN}


def by_pk(argument: str = "pk") -> Callable[[Any], dict[str, Any]]:
    return lambda obj: {argument: obj.pk}


def by_slug(obj) -> dict[str, Any]:
    return {"slug": obj.slug}


@dataclass(frozen=True)
class Listing:
    name: str
    kind: str
    public: bool = False
    # False when the list also holds reference data outside the world (municipalities).
    exact: bool = True
    # A role whose status is not 200 (e.g. `per_role(200, provider_staff_aster=404)`) is
    # only checked for that status.
    status: Status | dict[str, Status] = 200


@dataclass(frozen=True)
class Detail:
    name: str
    kind: str
    kwargs: Callable[[Any], dict[str, Any]] = field(default_factory=by_pk)
    public: bool = False
    # For actions on one object: `method="post", data={...}, status=302`. Objects in scope
    # answer `status`, all others 404. Each test runs in a savepoint, so writes are undone.
    method: str = "get"
    data: dict[str, Any] | None = None
    status: Status | dict[str, Status] = 200


@dataclass(frozen=True)
class Page:
    name: str
    status: Status | dict[str, Status] = 200
    anonymous: Status = LOGIN
    kwargs: dict[str, Any] = field(default_factory=dict)
    method: str = "get"
    data: dict[str, Any] | None = None


Entry = Listing | Detail | Page

# Provider staff see their participants' first names but never open or change their file.
NOT_PROVIDER_STAFF = per_role(200, provider_staff_aster=404)
NOT_PROVIDER_302 = per_role(302, provider_staff_aster=404)


def _with_first_activity(newcomer) -> dict[str, Any]:
    from pnt.offer.models import Activity

    return {"pk": newcomer.pk, "activity_pk": Activity.objects.order_by("pk").first().pk}


# --- web pages, by URL name ----------------------------------------------------------------

WEB: list[Entry] = [
    Page("home", status=302, anonymous=302),  # to the dashboard, or the public catalogue
    Page("health", anonymous=200),
    Page("dashboard"),
    Page("login", status=302, anonymous=200),  # a signed-in user goes to the dashboard
    Page("logout", method="post", status=LOGIN, anonymous=LOGIN),  # logged out: to the login
    Page("password_reset", anonymous=200),
    Page("password_reset_done", anonymous=200),
    # An invalid link shows the "link no longer valid" page.
    Page("password_reset_confirm", anonymous=200, kwargs={"uidb64": "AA", "token": "x-y"}),
    Page("password_reset_complete", anonymous=200),
    Listing("region_list", "region"),
    Detail("region_detail", "region", by_slug),
    Listing("activity_list", "activity"),
    Detail("activity_detail", "activity"),
    Listing("provider_list", "provider"),
    Detail("provider_detail", "provider"),
    Listing("public_catalogue", "published_activity", public=True),
    Detail("public_activity", "published_activity", public=True),
    Listing("newcomer_list", "newcomer"),
    Detail("newcomer_detail", "newcomer"),
    Listing("volunteer_list", "volunteer"),
    Detail("volunteer_detail", "volunteer"),
    # trajectories: intake, the file, enrolments, the ledger, proofs, the caseload
    Page("intake_new", status=per_role(200, provider_staff_aster=404, no_membership=404)),
    Detail("intake_edit", "newcomer", status=NOT_PROVIDER_STAFF),
    Detail("newcomer_move", "newcomer", method="post", data={}, status=NOT_PROVIDER_302),
    Detail(
        "note_add", "newcomer", method="post", data={"text": "Gebeld."}, status=NOT_PROVIDER_302
    ),
    Detail(
        "next_action",
        "newcomer",
        method="post",
        data={"next_action": "Bellen"},
        status=NOT_PROVIDER_302,
    ),
    Detail("enrol", "newcomer", method="post", data={}, status=NOT_PROVIDER_302),
    Detail(
        "proof_request", "newcomer", _with_first_activity, method="post", status=NOT_PROVIDER_302
    ),
    # Only completed trajectories have a final overview; nobody in the world has one.
    Detail("overview_pdf", "newcomer", method="head", status=404),
    Detail(
        "enrolment_action",
        "enrolment",
        lambda e: {"pk": e.pk, "action": "finish"},
        method="post",
        status=302,
    ),
    Listing("coach_dashboard", "newcomer", status=per_role(200, provider_staff_aster=404)),
    Page("completed_export", status=per_role(200, provider_staff_aster=404)),
    Page("participants_index"),
    Detail("activity_participants", "managed_activity"),
    Detail("session_add", "managed_activity", method="post", data={}, status=302),
    Detail("sessions_plan", "managed_activity", method="post", status=302),
    Detail("attendance_sheet", "session"),
    Detail("proof_detail", "proof"),
    Detail("proof_pdf", "proof", method="head"),
    # Only the newcomer's counsellor (or an admin) accepts; this proof is not confirmed yet.
    Detail("proof_accept", "proof", method="post", status=per_role(404, admin=302)),
]

# --- API operations, by operation id (see /api/openapi.json) ---------------------------------

API: list[Entry] = [
    Page("pnt_accounts_api_me", anonymous=401),
    Listing("pnt_geo_api_list_municipalities", "municipality", public=True, exact=False),
    Detail(
        "pnt_geo_api_get_municipality",
        "municipality",
        lambda m: {"nis_code": m.nis_code},
        public=True,
    ),
    Listing("pnt_geo_api_list_regions", "region"),
    Detail("pnt_geo_api_get_region", "region", by_slug),
    Listing("pnt_offer_api_list_activities", "activity"),
    Detail("pnt_offer_api_get_activity", "activity", by_pk("activity_id")),
    Listing("pnt_offer_api_list_providers", "provider"),
    Detail("pnt_offer_api_get_provider", "provider", by_pk("provider_id")),
    Listing("pnt_trajectories_api_list_newcomers", "newcomer"),
    Detail("pnt_trajectories_api_get_newcomer", "newcomer", by_pk("newcomer_id")),
    Listing("pnt_buddies_api_list_volunteers", "volunteer"),
    Detail("pnt_buddies_api_get_volunteer", "volunteer", by_pk("volunteer_id")),
    Page(
        "pnt_trajectories_api_create_newcomer",
        method="post",
        anonymous=401,
        data={"first_name": "Zora", "last_name": "Matrix", "municipality_nis_code": "12025"},
        status=per_role(201, provider_staff_aster=404, no_membership=404),
    ),
    Detail(
        "pnt_trajectories_api_get_trajectory",
        "newcomer",
        by_pk("newcomer_id"),
        status=NOT_PROVIDER_STAFF,
    ),
    Detail(
        "pnt_trajectories_api_move_newcomer",
        "newcomer",
        by_pk("newcomer_id"),
        method="post",
        data={"municipality_nis_code": "00000", "moved_on": "2025-01-01"},
        status=per_role(400, provider_staff_aster=404),
    ),
    Detail(
        "pnt_trajectories_api_list_notes",
        "newcomer",
        by_pk("newcomer_id"),
        status=NOT_PROVIDER_STAFF,
    ),
    Detail(
        "pnt_trajectories_api_add_note",
        "newcomer",
        by_pk("newcomer_id"),
        method="post",
        data={"text": "Gebeld."},
        status=per_role(201, provider_staff_aster=404),
    ),
    Detail("pnt_trajectories_api_list_newcomer_enrolments", "newcomer", by_pk("newcomer_id")),
    # Unknown ids: every signed-in role gets 404 (the enrolment flow is in tests/trajectories).
    Page(
        "pnt_trajectories_api_request_enrolment",
        method="post",
        anonymous=401,
        status=404,
        data={"newcomer_id": 0, "activity_id": 0},
    ),
    Detail(
        "pnt_trajectories_api_change_enrolment",
        "enrolment",
        lambda e: {"enrolment_id": e.pk, "action": "finish"},
        method="post",
    ),
    Detail(
        "pnt_trajectories_api_list_activity_enrolments", "managed_activity", by_pk("activity_id")
    ),
    Detail("pnt_trajectories_api_list_sessions", "managed_activity", by_pk("activity_id")),
    Detail(
        "pnt_trajectories_api_add_session",
        "managed_activity",
        by_pk("activity_id"),
        method="post",
        data={"date": "2000-01-01", "start": "10:00", "end": "09:00"},
        status=400,
    ),
    Detail("pnt_trajectories_api_list_attendance", "session", by_pk("session_id")),
    Detail(
        "pnt_trajectories_api_record_attendance",
        "session",
        by_pk("session_id"),
        method="post",
        data={"marks": []},
    ),
    Listing(
        "pnt_trajectories_api_caseload", "newcomer", status=per_role(200, provider_staff_aster=404)
    ),
    # An unknown activity: 404 for all (requesting proofs is covered in tests/trajectories).
    Detail(
        "pnt_trajectories_api_request_proof",
        "newcomer",
        by_pk("newcomer_id"),
        method="post",
        data={"activity_id": 0},
        status=404,
    ),
    Detail("pnt_trajectories_api_get_proof", "proof", by_pk("proof_id")),
    Detail(
        "pnt_trajectories_api_confirm_proof",
        "proof",
        by_pk("proof_id"),
        method="post",
        data={"name": "An Peeters"},
        status=per_role(404, admin=200, provider_staff_aster=200),
    ),
    Detail(
        "pnt_trajectories_api_accept_proof",
        "proof",
        by_pk("proof_id"),
        method="post",
        status=per_role(404, admin=400),
    ),
]

# --- what the registry does not cover, and why -----------------------------------------------

# URL namespaces tested elsewhere: the Django admin (tests/accounts/test_admin_access.py) and
# the API, whose operations are listed above by operation id.
IGNORED_NAMESPACES = {"admin", "api"}
# Named URLs without personal data or scope: the language switcher.
IGNORED_URL_NAMES = {"set_language"}

# The buddy project's entries live next to its tests (tests/buddies/scoping_world.py).
from tests.buddies.scoping_registry import BUDDY_API, BUDDY_WEB  # noqa: E402

WEB += BUDDY_WEB
API += BUDDY_API

# The offer's entries live next to its tests (tests/offer/scoping_registry.py).
from tests.offer.scoping_registry import OFFER_API, OFFER_WEB  # noqa: E402

WEB += OFFER_WEB
API += OFFER_API

# Requests for a place from the public catalogue (tests/placerequests/scoping_world.py).
from tests.placerequests.scoping_registry import (  # noqa: E402
    PLACE_REQUEST_API,
    PLACE_REQUEST_WEB,
)

WEB += PLACE_REQUEST_WEB
API += PLACE_REQUEST_API

# Data protection and the second factor (tests/privacy/scoping_registry.py).
from tests.privacy.scoping_registry import PRIVACY_API, PRIVACY_WEB  # noqa: E402

WEB += PRIVACY_WEB
API += PRIVACY_API

# Inclusion: the plain-Dutch check of the activity editor (tests/inclusion/scoping_registry.py).
from tests.inclusion.scoping_registry import INCLUSION_WEB  # noqa: E402

WEB += INCLUSION_WEB

# Follow-on, unmet demand and information pages (tests/outreach/scoping_world.py).
from tests.outreach.scoping_registry import OUTREACH_API, OUTREACH_WEB  # noqa: E402

WEB += OUTREACH_WEB
API += OUTREACH_API

# Reports: who may open which region's, municipality's and provider's report
# (tests/reporting/scoping_world.py).
from tests.reporting.scoping_registry import REPORTING_API, REPORTING_WEB  # noqa: E402

WEB += REPORTING_WEB
API += REPORTING_API

# Matching: recommendations on the newcomer's page and allocation rounds
# (tests/trajectories/scoping_world_matching.py).
from tests.trajectories.scoping_registry_matching import MATCHING_API, MATCHING_WEB  # noqa: E402

WEB += MATCHING_WEB
API += MATCHING_API

# Own words: the public "describe what you like" box and the coach's page
# (tests/semantic/scoping_registry.py).
from tests.semantic.scoping_registry import OWN_WORDS_WEB  # noqa: E402

WEB += OWN_WORDS_WEB

# The network's own work: partners, agreements, meetings, the plan, practices, funding
# (tests/network/scoping_world.py).
from tests.network.scoping_registry import NETWORK_API, NETWORK_WEB  # noqa: E402

WEB += NETWORK_WEB
API += NETWORK_API
