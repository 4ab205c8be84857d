"""The matching's entries in the scoping registry (see tests/scoping/README.md): the
recommendations on the newcomer's page, the coordinator's allocation rounds and the matching
weights of their region. The rounds they are tried on are made by
:mod:`tests.trajectories.scoping_world_matching`; the regions are the world's own."""

from __future__ import annotations

from tests.scoping.registry import (
    NOT_PROVIDER_302,
    NOT_PROVIDER_STAFF,
    Detail,
    Listing,
    Page,
    by_pk,
    by_slug,
    per_role,
)

COORDINATORS = per_role(404, admin=200, coordinator_rivierenland=200)
COORDINATORS_302 = per_role(404, admin=302, coordinator_rivierenland=302)


def _with_assignment(round_) -> dict:
    return {"pk": round_.pk, "assignment_pk": round_.assignments.first().pk}


MATCHING_WEB = [
    Detail("newcomer_recommendations", "newcomer", status=NOT_PROVIDER_STAFF),
    # No activity chosen: back to the newcomer's page with a message, nothing requested.
    Detail("newcomer_take_activities", "newcomer", method="post", data={}, status=NOT_PROVIDER_302),
    Listing("allocation_round_list", "allocation_round", status=COORDINATORS),
    Detail("allocation_round", "allocation_round"),
    Detail("allocation_round_progress", "allocation_round"),
    Detail(
        "allocation_assignment_remove",
        "allocation_round",
        _with_assignment,
        method="post",
        status=302,
    ),
    Detail("allocation_round_confirm", "allocation_round", method="post", status=302),
    Detail("allocation_round_discard", "allocation_round", method="post", status=302),
    # The matching weights: only a region's coordinator (and the administrator); a coach or
    # officer of the region sees the region elsewhere, never its weights.
    Listing("matching_weights_list", "region", status=COORDINATORS),
    Detail("matching_weights", "region", by_slug, status=COORDINATORS),
    Detail("matching_weights_reset", "region", by_slug, method="post", status=COORDINATORS_302),
]

MATCHING_API = [
    Detail(
        "pnt_trajectories_api_matching_recommendations",
        "newcomer",
        by_pk("newcomer_id"),
        status=NOT_PROVIDER_STAFF,
    ),
    Detail(
        "pnt_trajectories_api_matching_plan",
        "newcomer",
        by_pk("newcomer_id"),
        status=NOT_PROVIDER_STAFF,
    ),
    Listing("pnt_trajectories_api_matching_list_allocation_rounds", "allocation_round"),
    Detail(
        "pnt_trajectories_api_matching_get_allocation_round", "allocation_round", by_pk("round_id")
    ),
    # The only region without an open round: only the administrator may start one there.
    Page(
        "pnt_trajectories_api_matching_start_allocation_round",
        method="post",
        anonymous=401,
        data={"region": "kruibeke-temse-zwijndrecht"},
        status=per_role(404, admin=201),
    ),
    Detail(
        "pnt_trajectories_api_matching_confirm_allocation_round",
        "allocation_round",
        by_pk("round_id"),
        method="post",
    ),
    Detail(
        "pnt_trajectories_api_matching_get_matching_weights", "region", by_slug, status=COORDINATORS
    ),  # fmt: skip
    Detail(
        "pnt_trajectories_api_matching_set_matching_weights",
        "region",
        by_slug,
        method="put",
        data={"weights": {"interests": 4}},
        status=COORDINATORS,
    ),
]
