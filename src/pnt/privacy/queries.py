"""Who may handle data protection requests about whom (outside that: 404)."""

from __future__ import annotations

from django.db import models
from django.http import Http404

from pnt.accounts.scoping import scope_for

# URL word → model label, for the pages about one person.
KINDS = {"newcomers": "trajectories.Newcomer", "volunteers": "buddies.Volunteer"}


def model_for(kind: str) -> type[models.Model]:
    from django.apps import apps

    if kind not in KINDS:
        raise Http404
    return apps.get_model(KINDS[kind])


def handles_requests(user) -> bool:
    """Admins and regional coordinators answer data subject requests."""
    scope = scope_for(user)
    return scope.is_admin or bool(scope.coordinator_region_ids)


def subjects(user, kind: str) -> models.QuerySet:
    """The newcomers or volunteers about whom the user may answer requests: all (admin) or
    those living in the regions the user coordinates."""
    model = model_for(kind)
    scope = scope_for(user)
    if scope.is_admin:
        return model.objects.all()
    if not scope.coordinator_region_ids:
        return model.objects.none()
    return model.objects.filter(municipality__regions__in=scope.coordinator_region_ids).distinct()


def search(user, text: str, limit: int = 25) -> dict[str, list]:
    """People whose name or e-mail contains the text, per kind, within the user's scope."""
    text = text.strip()
    if len(text) < 2:
        return {kind: [] for kind in KINDS}
    q = (
        models.Q(first_name__icontains=text)
        | models.Q(last_name__icontains=text)
        | models.Q(email__iexact=text)
    )
    if text.isdigit():
        q |= models.Q(pk=int(text))
    return {
        kind: list(subjects(user, kind).filter(q).select_related("municipality")[:limit])
        for kind in KINDS
    }
