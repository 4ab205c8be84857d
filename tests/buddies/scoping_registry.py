"""The buddy project's entries in the scoping registry (see tests/scoping/README.md); the
objects they are tried on are made by :mod:`tests.buddies.scoping_world`."""

from __future__ import annotations

from django.utils import timezone

from tests.scoping.registry import Detail, Listing, Page, by_pk, by_slug, per_role

_TODAY = timezone.localdate().isoformat()
_NO_KEY = {"key": "x" * 32}

BUDDY_WEB = [
    Page("buddy_signup", anonymous=200),
    Page("buddy_signup_thanks", anonymous=200),
    # A key that opens nothing; what a real key opens is tested in tests/buddies.
    Page("buddy_meeting_link", status=404, anonymous=404, kwargs=_NO_KEY),
    Page("buddy_meeting_link_evaluation", status=404, anonymous=404, kwargs=_NO_KEY),
    Listing("buddy_board", "buddy_request"),
    Detail("volunteer_intake", "volunteer"),
    Detail("volunteer_status", "volunteer", method="post", data={"status": "paused"}, status=302),
    Detail(
        "buddy_request_new",
        "newcomer",
        lambda n: {"newcomer_pk": n.pk},
        status=per_role(200, provider_staff_aster=404),
    ),
    Listing("buddy_round_list", "buddy_round"),
    Detail("buddy_round", "buddy_round"),
    Detail("buddy_round_close", "buddy_round", method="post", data={}, status=302),
    Detail("buddy_round_swap", "buddy_round", method="post", data={}, status=302),
    Detail(
        "buddy_proposal_decide",
        "buddy_proposal",
        lambda p: {"pk": p.pk, "action": "reject"},
        method="post",
        data={},
        status=302,
    ),
    Listing("buddy_pair_list", "buddy_pair"),
    Detail("buddy_pair", "buddy_pair"),
    Detail(
        "buddy_pair_action",
        "buddy_pair",
        lambda p: {"pk": p.pk, "action": "link"},
        method="post",
        data={},
        status=302,
    ),
]

BUDDY_API = [
    Listing("pnt_buddies_api_list_requests", "buddy_request"),
    Listing("pnt_buddies_api_list_rounds", "buddy_round"),
    Detail("pnt_buddies_api_get_round", "buddy_round", by_pk("round_id")),
    # The only region without an open round: only the administrator may start one there.
    Page(
        "pnt_buddies_api_start_round",
        method="post",
        anonymous=401,
        data={"region": "kruibeke-temse-zwijndrecht"},
        status=per_role(404, admin=201),
    ),
    # Neither newcomer is still waiting, so accepting is refused (422) — but only in scope.
    Detail(
        "pnt_buddies_api_accept_proposal",
        "buddy_proposal",
        by_pk("proposal_id"),
        method="post",
        status=422,
    ),
    Detail(
        "pnt_buddies_api_reject_proposal", "buddy_proposal", by_pk("proposal_id"), method="post"
    ),
    Listing("pnt_buddies_api_list_pairs", "buddy_pair"),
    Detail("pnt_buddies_api_get_pair", "buddy_pair", by_pk("pair_id")),
    Detail(
        "pnt_buddies_api_log_meeting",
        "buddy_pair",
        by_pk("pair_id"),
        method="post",
        data={"date": _TODAY, "hours": "1.5", "what": "Wandeling"},
        status=201,
    ),
    Detail("pnt_buddies_api_shortage", "region", by_slug),
]
