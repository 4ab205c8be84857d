"""Data protection in the API: a person's data for a data subject request, the audit log.
For admins and regional coordinators; anything else answers 404."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from pnt.accounts.audit import record_access
from pnt.privacy import audit_log, export, queries
from pnt.privacy.audit_log import AuditFilter

router = Router(tags=["privacy"])


class ExportSection(Schema):
    title: str
    rows: list[dict[str, Any]]


class ExportOut(Schema):
    id: int  # the person's id
    subject: dict[str, Any]
    exported_at: str
    sections: dict[str, ExportSection]


def _export(request: HttpRequest, kind: str, pk: int) -> dict:
    if not queries.handles_requests(request.user):
        raise Http404
    subject = get_object_or_404(queries.subjects(request.user, kind), pk=pk)
    document = {"id": subject.pk, **json.loads(export.as_json(subject))}
    record_access(user=request.user, action="export", obj=subject, via="api", detail="privacy")
    return document


@router.get(
    "/newcomers/{newcomer_id}/export",
    response=ExportOut,
    summary="Everything held about one newcomer (data subject request)",
)
def export_newcomer(request: HttpRequest, newcomer_id: int) -> dict:
    return _export(request, "newcomers", newcomer_id)


@router.get(
    "/volunteers/{volunteer_id}/export",
    response=ExportOut,
    summary="Everything held about one volunteer (data subject request)",
)
def export_volunteer(request: HttpRequest, volunteer_id: int) -> dict:
    return _export(request, "volunteers", volunteer_id)


class AuditEntryOut(Schema):
    id: int
    at: dt.datetime
    username: str | None
    action: str
    object_type: str
    object_id: str
    via: str
    detail: str

    @staticmethod
    def resolve_username(obj) -> str | None:
        return obj.user.username if obj.user else None


class AuditQuery(Schema):
    action: str = ""
    object_type: str = ""
    object_id: str = ""
    username: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int = 100


@router.get("/audit", response=list[AuditEntryOut], summary="The audit log (admins, coordinators)")
def list_audit_entries(request: HttpRequest, filters: Query[AuditQuery]) -> list:
    if not audit_log.can_read_audit_log(request.user):
        raise Http404
    values = filters.dict()
    limit = max(1, min(int(values.pop("limit") or 100), 1000))
    entries = AuditFilter(**values).apply(audit_log.visible_entries(request.user))
    return list(entries.order_by("-at", "-pk")[:limit])
