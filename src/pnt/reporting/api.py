"""JSON API of pnt.reporting: the indicator definitions and the quarterly figures of a region,
municipality or provider (aggregates only, always suppressed), scoped like the pages."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from pnt.reporting import scopes
from pnt.reporting.indicators import INDICATORS
from pnt.reporting.periods import Quarter
from pnt.reporting.report import Table, build_report, present
from pnt.reporting.scopes import ReportScope

router = Router(tags=["reporting"])


class ReportingIndicatorOut(Schema):
    key: str
    label: str
    doc: str
    unit: str
    family: str
    breakdown: str
    personal: bool
    snapshot: bool
    framework: str
    source: str


class QuarterlyReportOut(Schema):
    id: int
    kind: str
    key: str
    name: str
    quarter: str
    columns: list[str]
    suppression_threshold: int
    indicators: dict[str, dict[str, Any]]
    tables: dict[str, dict[str, Any]]


@router.get("/indicators", response=list[ReportingIndicatorOut])
def list_indicators(request: HttpRequest) -> list[dict]:
    """Every indicator: what it means in plain words, its unit, source and EU/Flemish use."""
    return [
        {**{f: getattr(i, f) for f in ReportingIndicatorOut.model_fields}, "label": str(i.label),
         "doc": str(i.doc)}
        for i in INDICATORS
    ]  # fmt: skip


def _quarter(quarter: str | None) -> Quarter:
    if not quarter:
        return Quarter.last_complete()
    try:
        return Quarter.parse(quarter)
    except ValueError as error:
        raise HttpError(400, str(error)) from None


def _cells(cells) -> dict[str, Any]:
    return {
        "values": [_json(c.shown) for c in cells],
        "display": [c.display for c in cells],
        "hidden": [c.hidden for c in cells],
    }


def _json(value):
    from decimal import Decimal

    return float(value) if isinstance(value, Decimal) else value


def _table(table: Table) -> dict[str, Any]:
    return {
        "title": table.title,
        "columns": table.columns,
        "rows": [{"key": row.key, "label": row.label, **_cells(row.cells)} for row in table.rows],
    }


def _report(scope: ReportScope, pk: int, quarter: str | None) -> dict[str, Any]:
    from django.conf import settings

    period = _quarter(quarter)
    report = build_report(scope, period, trend=False)
    tables = present(report, suppress=True)
    indicators = {
        row.key: _cells(row.cells)
        for table in tables
        if table.key != "by_municipality"
        for row in table.rows
        if row.key and not row.total
    }
    periods = report.periods
    return {
        "id": pk,
        "kind": scope.kind,
        "key": scope.key,
        "name": scope.name,
        "quarter": str(period),
        "columns": [str(p) for p in periods],
        "suppression_threshold": settings.PNT_SUPPRESSION_THRESHOLD,
        "indicators": indicators,
        "tables": {t.key: _table(t) for t in tables if any(r.total for r in t.rows)},
    }


@router.get("/regions/{slug}", response=QuarterlyReportOut)
def region_report(request: HttpRequest, slug: str, quarter: str | None = None) -> dict:
    """The region's figures for the quarter (default: the last complete one), the quarter
    before and a year earlier. Small counts are always suppressed."""
    scope = scopes.region_scope(request.user, slug)
    return _report(scope, scope.region.pk, quarter)


@router.get("/municipalities/{nis_code}", response=QuarterlyReportOut)
def municipality_report(request: HttpRequest, nis_code: str, quarter: str | None = None) -> dict:
    scope = scopes.municipality_scope(request.user, nis_code)
    return _report(scope, scope.municipality.pk, quarter)


@router.get("/providers/{provider_id}", response=QuarterlyReportOut)
def provider_report(request: HttpRequest, provider_id: int, quarter: str | None = None) -> dict:
    scope = scopes.provider_scope(request.user, provider_id)
    return _report(scope, provider_id, quarter)


@router.get("/flanders", response=QuarterlyReportOut)
def flanders_report(request: HttpRequest, quarter: str | None = None) -> dict:
    """All of Flanders (administrators)."""
    return _report(scopes.flanders_scope(request.user), 0, quarter)
