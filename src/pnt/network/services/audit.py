"""Corrections in the network space go to the audit log: who changed which fields of a
meeting, group or agreement. The values themselves are left out — minutes, notes and
member lists may carry personal details, and the log should not copy them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models

from pnt.accounts.audit import record_access
from pnt.accounts.models import User


def snapshot(obj: models.Model, fields: Iterable[str], many: Iterable[str] = ()) -> dict[str, Any]:
    """The values to compare before and after a change: plain fields as they are, foreign
    keys by id, files by their stored name, many-to-many fields as sets of ids."""
    values: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        value = getattr(obj, field.attname)
        values[name] = value.name if isinstance(field, models.FileField) else value
    for name in many:
        values[name] = set(getattr(obj, name).values_list("pk", flat=True))
    return values


def record_change(
    *, by: User, obj: models.Model, before: Mapping[str, Any], after: Mapping[str, Any]
) -> list[str]:
    """Append one 'change' entry naming the fields that changed; nothing changed, nothing
    logged. Returns the names of the changed fields."""
    changed = [name for name, value in after.items() if before.get(name) != value]
    if changed:
        record_access(user=by, action="change", obj=obj, detail="changed: " + ", ".join(changed))
    return changed
