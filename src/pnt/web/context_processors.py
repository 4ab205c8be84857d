"""Navigation entries shown to the logged-in user, by role."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from pnt.accounts.models import Role
from pnt.accounts.scoping import scope_for


def navigation(request: HttpRequest) -> dict:
    scope = scope_for(getattr(request, "user", None))
    items: list[tuple[str, str]] = []
    if not scope.user_id:
        public = [
            (reverse("public_catalogue"), _("Activities")),
            (reverse("info_index"), _("About the PNT")),
        ]
        return {
            "nav_items": public,
            "nav_groups": [_group(request.path, "", [item]) for item in public],
            "scope": scope,
            "STAFF_LANGUAGES": settings.STAFF_LANGUAGES,
        }
    people: list[tuple[str, str]] = []
    offer: list[tuple[str, str]] = [(reverse("activity_list"), _("Offer"))]
    network: list[tuple[str, str]] = []
    if scope.is_admin or scope.area_municipality_ids or scope.is_counsellor:
        people.append((reverse("coach_dashboard"), _("Caseload")))
    if scope.is_admin or scope.area_municipality_ids or scope.is_counsellor or scope.provider_ids:
        people.append((reverse("newcomer_list"), _("Newcomers")))
    if scope.provider_ids:
        people.append((reverse("participants_index"), _("Attendance")))
    if scope.is_admin or scope.area_municipality_ids:
        people.append((reverse("place_request_list"), _("Requests")))
    if scope.is_admin or scope.area_municipality_ids or scope.is_counsellor:
        people.append((reverse("follow_on_list"), _("Follow-on")))
    elif scope.provider_ids:
        offer.append((reverse("regular_offer_list"), _("Follow-on")))
    if scope.is_admin or scope.area_municipality_ids or scope.provider_ids:
        offer.append((reverse("provider_list"), _("Providers")))
    if scope.is_admin or scope.region_ids or scope.area_municipality_ids:
        offer.append((reverse("offer_coverage"), _("Coverage")))
        offer.append((reverse("demand"), _("Demand")))
    if scope.is_admin or scope.coordinator_region_ids:
        offer.append((reverse("allocation_round_list"), _("Allocation")))
        offer.append((reverse("matching_weights_list"), _("Matching weights")))
    if scope.is_admin or scope.is_staff_anywhere:
        network.append((reverse("network_home"), _("Network")))
    if scope.is_admin or scope.region_ids:
        network.append((reverse("region_list"), _("Regions")))
    if scope.is_admin or scope.coordinator_region_ids:
        network.append((reverse("privacy_index"), _("Privacy")))
    if scope.is_admin:
        network.append((reverse("admin:index"), _("Administration")))
    groups: list[tuple[str, list[tuple[str, str]]]] = [
        ("", [(reverse("dashboard"), _("Dashboard"))])
    ]
    groups.append((_("Newcomers"), people))
    groups.append((_("Offer"), offer))
    if scope.is_admin or scope.region_ids:
        groups.append(("", [(reverse("buddy_board"), _("Buddies"))]))
    if scope.is_admin or scope.area_municipality_ids or scope.provider_ids:
        groups.append(("", [(reverse("report_index"), _("Reports"))]))
    groups.append((_("Network"), network))
    nav_groups = [_group(request.path, label, entries) for label, entries in groups if entries]
    items = [item for group in nav_groups for item in group["items"]]
    return {
        "nav_items": items,
        "nav_groups": nav_groups,
        "scope": scope,
        "Role": Role,
        "STAFF_LANGUAGES": settings.STAFF_LANGUAGES,
    }


def _group(path: str, label: str, items: list[tuple[str, str]]) -> dict:
    """One menu entry: a plain link, or (several items) a drop-down named `label`."""
    current = any(path == url or (url != "/" and path.startswith(url)) for url, _label in items)
    return {
        "label": label if len(items) > 1 else items[0][1],
        "url": items[0][0],
        "items": items,
        "single": len(items) == 1,
        "current": current,
    }
