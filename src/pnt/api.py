"""The JSON API: one NinjaAPI instance; each domain app contributes its router."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja import NinjaAPI
from ninja.security import HttpBearer, django_auth

from pnt.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer pnt_…` — the token acts with its user's scope."""

    def authenticate(self, request: HttpRequest, token: str):
        try:
            api_token = ApiToken.objects.select_related("user").get(
                key_hash=ApiToken.hash(token), revoked_at__isnull=True
            )
        except ApiToken.DoesNotExist:
            return None
        user = api_token.user
        if not user.is_active:
            return None
        if api_token.read_only and request.method not in ("GET", "HEAD", "OPTIONS"):
            return None
        ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=timezone.now())
        request.user = user
        request.api_token = api_token  # type: ignore[attr-defined]
        return user


api = NinjaAPI(
    title="pnt API",
    version="1",
    description=(
        "JSON API of pnt. Authenticate with a session (browser) or with "
        "`Authorization: Bearer <token>`. Every list is scoped to what the caller may see; "
        "objects outside that scope answer 404."
    ),
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)


def _register_routers() -> None:
    from pnt.accounts.api import router as accounts_router
    from pnt.buddies.api import router as buddies_router
    from pnt.geo.api import router as geo_router
    from pnt.network.api import router as network_router
    from pnt.offer.api import router as offer_router
    from pnt.outreach.api import router as outreach_router
    from pnt.placerequests.api import router as placerequests_router
    from pnt.privacy.api import router as privacy_router
    from pnt.reporting.api import router as reporting_router
    from pnt.trajectories.api import router as trajectories_router

    api.add_router("/accounts", accounts_router)
    api.add_router("/geo", geo_router)
    api.add_router("/offer", offer_router)
    api.add_router("/privacy", privacy_router)
    api.add_router("/trajectories", trajectories_router)
    api.add_router("/trajectories", "pnt.trajectories.api_matching.router")
    api.add_router("/buddies", buddies_router)
    api.add_router("/reporting", reporting_router)
    api.add_router("/network", network_router)
    api.add_router("/place-requests", placerequests_router)
    api.add_router("/outreach", outreach_router)


_register_routers()
