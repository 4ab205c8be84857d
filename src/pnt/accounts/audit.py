"""Recording access to personal records in the append-only audit log."""

from __future__ import annotations

from django.db import models

from pnt.accounts.models import AuditEntry


def municipality_id_of(obj: models.Model) -> int | None:
    """The municipality of the person a record is about: the record's own (a newcomer, a
    volunteer) or its newcomer's (an enrolment, a pair, a request, a proof)."""
    for path in ("municipality_id", "newcomer", "volunteer"):
        value = getattr(obj, path, None)
        if path == "municipality_id":
            if value is not None:
                return value
        elif value is not None and getattr(value, "municipality_id", None) is not None:
            return value.municipality_id
    return None


def record_access(
    *, user, action: str, obj: models.Model, via: str = "web", detail: str = ""
) -> AuditEntry:
    """Append one audit entry: who did what to which personal record, and through what."""
    return AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        via=via,
        detail=detail[:255],
        municipality_id=municipality_id_of(obj),
    )
