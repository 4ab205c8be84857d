"""Reading the audit log: who may see which entries, filters, the entries about one person,
and the CSV export for a data subject request."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django.db import models

from pnt.accounts.models import AuditEntry
from pnt.accounts.scoping import scope_for
from pnt.geo.models import Municipality


def can_read_audit_log(user) -> bool:
    scope = scope_for(user)
    return scope.is_admin or bool(scope.coordinator_region_ids)


def visible_entries(user) -> models.QuerySet[AuditEntry]:
    """Admins see every entry; a region's coordinator the entries about people who lived in
    the region when the entry was made; everybody else nothing."""
    scope = scope_for(user)
    entries = AuditEntry.objects.select_related("user")
    if scope.is_admin:
        return entries.all()
    if not scope.coordinator_region_ids:
        return entries.none()
    area = Municipality.objects.filter(regions__in=scope.coordinator_region_ids).values("pk")
    return entries.filter(municipality__in=area)


def subject_refs(obj: models.Model) -> list[tuple[str, str]]:
    """The records that are about one newcomer or volunteer: the person and the records
    built around them (enrolments, requests, pairs, proofs)."""
    from pnt.buddies.models import BuddyRequest, Pair, Volunteer
    from pnt.trajectories.models import Enrolment, Newcomer, ParticipationProof

    refs = [(obj._meta.label_lower, str(obj.pk))]
    if isinstance(obj, Newcomer):
        related = [
            (Enrolment, Enrolment.objects.filter(newcomer=obj)),
            (ParticipationProof, ParticipationProof.objects.filter(newcomer=obj)),
            (BuddyRequest, BuddyRequest.objects.filter(newcomer=obj)),
            (Pair, Pair.objects.filter(newcomer=obj)),
        ]
    elif isinstance(obj, Volunteer):
        related = [(Pair, Pair.objects.filter(volunteer=obj))]
    else:
        related = []
    for model, queryset in related:
        label = model._meta.label_lower
        refs += [(label, str(pk)) for pk in queryset.values_list("pk", flat=True)]
    return refs


def entries_about(obj: models.Model) -> models.QuerySet[AuditEntry]:
    q = models.Q(pk__in=[])
    by_type: dict[str, list[str]] = {}
    for label, pk in subject_refs(obj):
        by_type.setdefault(label, []).append(pk)
    for label, pks in by_type.items():
        q |= models.Q(object_type=label, object_id__in=pks)
    return AuditEntry.objects.filter(q).select_related("user")


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    username: str = ""
    since: dt.date | None = None
    until: dt.date | None = None

    def apply(self, entries: models.QuerySet[AuditEntry]) -> models.QuerySet[AuditEntry]:
        if self.action:
            entries = entries.filter(action=self.action)
        if self.object_type:
            entries = entries.filter(object_type=self.object_type)
        if self.object_id:
            entries = entries.filter(object_id=self.object_id)
        if self.username:
            entries = entries.filter(user__username=self.username)
        if self.since:
            entries = entries.filter(at__date__gte=self.since)
        if self.until:
            entries = entries.filter(at__date__lte=self.until)
        return entries


CSV_COLUMNS = ["at", "user", "action", "object_type", "object_id", "via", "detail"]


def entries_csv(entries: models.QuerySet[AuditEntry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for entry in entries.order_by("at", "pk").iterator():
        writer.writerow(
            [
                entry.at.isoformat(),
                entry.user.username if entry.user else "",
                entry.action,
                entry.object_type,
                entry.object_id,
                entry.via,
                _safe_cell(entry.detail),
            ]
        )
    return out.getvalue()


def _safe_cell(text: str) -> str:
    """No formula injection when the CSV is opened in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
