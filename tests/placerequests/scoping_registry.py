"""Scoping-matrix entries of the public request form and the staff's request pages."""

from __future__ import annotations

from tests.scoping.registry import Detail, Listing, by_pk, per_role

NOT_STAFF = {"provider_staff_aster": 404, "counsellor": 404, "no_membership": 404}

PLACE_REQUEST_WEB = [
    Detail("place_request_new", "published_activity", public=True),
    Detail("place_request_sent", "published_activity", public=True),
    Listing("place_request_list", "place_request", status=per_role(200, **NOT_STAFF)),
    Detail("place_request_detail", "place_request", status=per_role(200, **NOT_STAFF)),
    Detail(
        "place_request_close",
        "place_request",
        method="post",
        data={"outcome": "declined"},
        status=per_role(302, **NOT_STAFF),
    ),
]

PLACE_REQUEST_API = [
    Listing(
        "pnt_placerequests_api_list_place_requests",
        "place_request",
        status=per_role(200, **NOT_STAFF),
    ),
    Detail(
        "pnt_placerequests_api_get_place_request",
        "place_request",
        by_pk("request_id"),
        status=per_role(200, **NOT_STAFF),
    ),
    Detail(
        "pnt_placerequests_api_close_place_request",
        "place_request",
        by_pk("request_id"),
        method="post",
        data={"outcome": "declined"},
        status=per_role(200, **NOT_STAFF),
    ),
]
