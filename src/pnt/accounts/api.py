"""API about the caller: who am I and what is my scope."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

router = Router(tags=["accounts"])


class MembershipOut(Schema):
    role: str
    region_id: int | None
    municipality_id: int | None
    provider_id: int | None


class MeOut(Schema):
    username: str
    full_name: str
    memberships: list[MembershipOut]


@router.get("/me", response=MeOut, summary="The authenticated user and their roles")
def me(request: HttpRequest) -> dict:
    user = request.user
    return {
        "username": user.username,
        "full_name": user.get_full_name(),
        "memberships": list(
            user.memberships.values("role", "region_id", "municipality_id", "provider_id")
        ),
    }
