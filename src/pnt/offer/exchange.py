"""Exchange with the ecosystem: JSON-LD shaped like UiTdatabank events, iCalendar, CSV.

Export and import are each other's inverse: exporting activities and importing the result
for the same organisation changes nothing. Parsing here never writes; it turns a file into
rows of clean values (or errors with line and column), and `services.import_activities`
applies them all or nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.geo.models import Municipality
from pnt.offer.forms import validate_activity_values
from pnt.offer.models import Activity
from pnt.offer.vocabulary import ActivityType, Goal, Theme

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
LEVEL_CODES = {0: "none", 1: "A1", 2: "A2", 3: "B1", 4: "B2"}
UITDATABANK_CONTEXT = "https://io.uitdatabank.be/contexts/event.jsonld"
PNT_NS = "https://pnt.vlaanderen.example/ns#"
FLAGS = (
    "childcare",
    "wheelchair_access",
    "transport_help",
    "women_only",
    "first_visit_accompanied",
    "family_friendly",
    "dutch_context",
    "with_others",
    "meets_new_people",
    "lasting_contacts",
    "is_formal_lesson",
)
STATUS_TO_UITDATABANK = {
    "draft": "Unavailable",
    "published": "Available",
    "full": "Available",
    "paused": "TemporarilyUnavailable",
    "ended": "Unavailable",
}


@dataclass
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("line %(line)s, column %(column)s: %(message)s") % {
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


@dataclass
class ParsedRow:
    line: int
    external_id: str
    data: dict[str, Any]
    status: str = Activity.Status.DRAFT
    columns: dict[str, str] = field(default_factory=dict)  # field → column, for messages


# --- values ------------------------------------------------------------------------------------


def _tz() -> dt.tzinfo:
    return timezone.get_default_timezone()


def _bool(raw: str) -> bool:
    value = str(raw).strip().lower()
    if value in ("1", "yes", "ja", "true", "y", "j", "x"):
        return True
    if value in ("", "0", "no", "nee", "false", "n"):
        return False
    raise ValueError(_("write yes or no"))


def _int_or_none(raw: str) -> int | None:
    raw = str(raw).strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise ValueError(_("not a whole number")) from None


def _decimal_or_none(raw: str) -> Decimal | None:
    raw = str(raw).strip().replace(",", ".")
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValueError(_("not a number")) from None
    if not value.is_finite():  # "NaN", "Infinity": found by tests/security/test_fuzz_import.py
        raise ValueError(_("not a number"))
    return value


def _float_or_none(raw: str) -> float | None:
    value = _decimal_or_none(raw)
    return None if value is None else float(value)


def _date_or_none(raw: str) -> dt.date | None:
    raw = str(raw).strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw[:10])
    except ValueError:
        raise ValueError(_("not a date (YYYY-MM-DD)")) from None


def _time_or_none(raw: str) -> dt.time | None:
    raw = str(raw).strip()
    if not raw:
        return None
    try:
        return dt.time.fromisoformat(raw)
    except ValueError:
        raise ValueError(_("not a time (HH:MM)")) from None


def _choice(choices) -> Callable[[str], str]:
    allowed = {value for value, _label in choices}

    def parse(raw: str) -> str:
        value = str(raw).strip()
        if value not in allowed:
            raise ValueError(
                _("unknown value %(v)r; use one of: %(a)s")
                % {"v": value, "a": ", ".join(sorted(allowed))}
            )
        return value

    return parse


def _choices_list(choices) -> Callable[[str], list[str]]:
    one = _choice(choices)

    def parse(raw: str) -> list[str]:
        return [one(part) for part in str(raw).split(";") if part.strip()]

    return parse


def _level(raw: str) -> int:
    value = str(raw).strip()
    for number, code in LEVEL_CODES.items():
        if value.lower() in (code.lower(), str(number)):
            return number
    raise ValueError(_("use none, A1, A2, B1 or B2"))


def _weekday(raw: str) -> int | None:
    value = str(raw).strip().lower()
    if not value:
        return None
    if value in DAYS:
        return DAYS.index(value)
    raise ValueError(_("use a day name in English: monday … sunday"))


def _municipality(raw: str) -> Municipality:
    code = str(raw).strip()
    found = Municipality.objects.current().filter(nis_code=code).first()
    if found is None:
        raise ValueError(_("no current municipality has NIS code %(code)r") % {"code": code})
    return found


# --- CSV -----------------------------------------------------------------------------------------


def _text(attr: str) -> Callable[[Activity], str]:
    """An exporter: the attribute as text, "" for None."""

    def export(a: Activity) -> str:
        value = getattr(a, attr)
        if value is None:
            return ""
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, float):
            return repr(value)
        return str(value)

    return export


def _english(key: str) -> Callable[[Activity], str]:
    return lambda a: (a.translations or {}).get("en", {}).get(key, "")


def _flag(attr: str) -> Callable[[Activity], str]:
    return lambda a: "yes" if getattr(a, attr) else "no"


# column, model field, parser, exporter
CSV_COLUMNS: list[tuple[str, str, Callable[[str], Any], Callable[[Activity], str]]] = [
    ("external_id", "external_id", str.strip, _text("external_id")),
    ("title", "title", str.strip, _text("title")),
    ("description", "description", str.strip, _text("description")),
    ("title_en", "title_en", str.strip, _english("title")),
    ("description_en", "description_en", str.strip, _english("description")),
    ("type", "type", _choice(ActivityType.choices), _text("type")),
    ("themes", "themes", _choices_list(Theme.choices), lambda a: ";".join(a.themes)),
    ("goals", "goals", _choices_list(Goal.choices), lambda a: ";".join(a.goals)),
    ("dutch_level", "dutch_level", _level, lambda a: LEVEL_CODES[a.dutch_level]),
    ("municipality_nis", "municipality", _municipality, lambda a: a.municipality.nis_code),
    ("address", "address", str.strip, _text("address")),
    ("latitude", "latitude", _float_or_none, _text("latitude")),
    ("longitude", "longitude", _float_or_none, _text("longitude")),
    ("schedule", "schedule_kind", _choice(Activity.ScheduleKind.choices), _text("schedule_kind")),
    ("start_date", "start_date", _date_or_none, _text("start_date")),
    ("end_date", "end_date", _date_or_none, _text("end_date")),
    ("weekday", "weekday", _weekday, lambda a: "" if a.weekday is None else DAYS[a.weekday]),
    ("start_time", "start_time", _time_or_none, _text("start_time")),
    ("end_time", "end_time", _time_or_none, _text("end_time")),
    ("hours_per_session", "hours_per_session", _decimal_or_none, _text("hours_per_session")),
    ("total_hours", "total_hours", _decimal_or_none, _text("total_hours")),
    ("capacity", "capacity", _int_or_none, _text("capacity")),
    ("price", "price_kind", _choice(Activity.PriceKind.choices), _text("price_kind")),
    ("price_eur", "price_eur", _decimal_or_none, _text("price_eur")),
    ("price_uitpas_eur", "price_uitpas_eur", _decimal_or_none, _text("price_uitpas_eur")),
    ("min_age", "min_age", _int_or_none, _text("min_age")),
    ("max_age", "max_age", _int_or_none, _text("max_age")),
    *[(flag, flag, _bool, _flag(flag)) for flag in FLAGS],
    ("status", "status", _choice(Activity.Status.choices), _text("status")),
]
REQUIRED_COLUMNS = {"external_id", "title", "type", "municipality_nis", "schedule", "capacity"}
DEFAULTS = {"hours_per_session": Decimal("2"), "total_hours": Decimal("20"), "dutch_level": 0}


def export_csv(activities: Iterable[Activity]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c[0] for c in CSV_COLUMNS])
    for activity in activities:
        writer.writerow([c[3](activity) for c in CSV_COLUMNS])
    return out.getvalue()


def csv_template() -> str:
    """The header line and one example row, to fill in a spreadsheet."""
    example = {
        "external_id": "praattafel-putte-2025",
        "title": "Praattafel in de bib",
        "description": "Elke dinsdag praten we samen Nederlands bij een koffie.",
        "type": "conversation_table",
        "themes": "language;reading",
        "goals": "learn_dutch;meet_people",
        "dutch_level": "A1",
        "municipality_nis": "12029",
        "address": "Markt 1, 2580 Putte",
        "schedule": "weekly",
        "start_date": "2025-09-02",
        "end_date": "2026-06-30",
        "weekday": "tuesday",
        "start_time": "14:00",
        "end_time": "16:00",
        "hours_per_session": "2",
        "total_hours": "20",
        "capacity": "12",
        "price": "free",
        "status": "draft",
    }
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c[0] for c in CSV_COLUMNS])
    writer.writerow(
        [
            example.get(
                c[0],
                "yes"
                if c[0] in ("dutch_context", "with_others", "meets_new_people", "lasting_contacts")
                else "no"
                if c[0] in FLAGS
                else "",
            )
            for c in CSV_COLUMNS
        ]
    )
    return out.getvalue()


def parse_csv(text: str) -> tuple[list[ParsedRow], list[RowError]]:
    """Rows of clean values, or the errors of every bad row (line numbers as in the file)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = set(reader.fieldnames or [])
    missing = REQUIRED_COLUMNS - header
    if missing:
        return [], [RowError(1, c, _("this column is missing")) for c in sorted(missing)]
    rows, errors = [], []
    for number, record in enumerate(reader, start=2):
        row, row_errors = _parse_record(number, record)
        rows.append(row)
        errors.extend(row_errors)
    return rows, errors


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _parse_record(line: int, record: dict[str, str]) -> tuple[ParsedRow, list[RowError]]:
    data: dict[str, Any] = dict(DEFAULTS)
    errors: list[RowError] = []
    columns = {}
    for column, name, parse, _export in CSV_COLUMNS:
        columns[name] = column
        raw = record.get(column)
        if raw is None or (raw.strip() == "" and name in DEFAULTS):
            continue
        if CONTROL_CHARACTERS.search(raw):
            # A NUL byte cannot be stored in PostgreSQL, and no control character belongs
            # in an activity's text: say which cell, rather than fail on saving.
            errors.append(
                RowError(line, column, _("this value holds an invisible control character"))
            )
            continue
        try:
            data[name] = parse(raw)
        except ValueError as exc:
            errors.append(RowError(line, column, str(exc)))
    return _finish(line, data, columns, errors)


def _finish(
    line: int, data: dict[str, Any], columns: dict[str, str], errors: list[RowError]
) -> tuple[ParsedRow, list[RowError]]:
    for name in ("external_id", "title"):
        column = columns.get(name, name)
        if not data.get(name) and not any(e.column == column for e in errors):
            errors.append(RowError(line, column, _("this value is required")))
    english = {k: data.pop(f"{k}_en", "") for k in ("title", "description")}
    data["translations"] = (
        {"en": {k: v for k, v in english.items() if v}} if any(english.values()) else {}
    )
    validate_activity_values(
        data, lambda f, msg: errors.append(RowError(line, columns.get(f, f), str(msg)))
    )
    if data.get("latitude") is None and data.get("longitude") is None:
        # No coordinates given: the municipality's centre is used, and nothing "changes".
        data.pop("latitude", None)
        data.pop("longitude", None)
    status = data.pop("status", Activity.Status.DRAFT)
    external_id = data.pop("external_id", "")
    return ParsedRow(line, external_id, data, status, columns), errors


# --- JSON-LD (UiTdatabank event shape) ----------------------------------------------------------


def _local(day: dt.date, time: dt.time | None) -> str:
    moment = dt.datetime.combine(day, time or dt.time(0, 0))
    return timezone.make_aware(moment, _tz()).isoformat()


def _calendar(a: Activity) -> dict[str, Any]:
    hours = []
    if a.weekday is not None and a.start_time:
        hours = [
            {
                "dayOfWeek": [DAYS[a.weekday]],
                "opens": a.start_time.strftime("%H:%M"),
                "closes": (a.end_time or a.start_time).strftime("%H:%M"),
            }
        ]
    kind = a.schedule_kind
    if kind == Activity.ScheduleKind.SINGLE and a.start_date:
        return {
            "calendarType": "single",
            "startDate": _local(a.start_date, a.start_time),
            "endDate": _local(a.end_date or a.start_date, a.end_time or a.start_time),
        }
    if kind == Activity.ScheduleKind.SERIES and a.start_date and a.end_date:
        day, subs = a.start_date, []
        while day <= a.end_date and len(subs) < 200:
            subs.append(
                {
                    "@type": "Event",
                    "startDate": _local(day, a.start_time),
                    "endDate": _local(day, a.end_time or a.start_time),
                }
            )
            day += dt.timedelta(days=7)
        return {
            "calendarType": "multiple",
            "startDate": _local(a.start_date, a.start_time),
            "endDate": _local(a.end_date, a.end_time),
            "subEvent": subs,
        }
    if kind == Activity.ScheduleKind.WEEKLY and a.start_date and a.end_date:
        return {
            "calendarType": "periodic",
            "startDate": _local(a.start_date, None),
            "endDate": _local(a.end_date, dt.time(23, 59)),
            "openingHours": hours,
        }
    return {"calendarType": "permanent", **({"openingHours": hours} if hours else {})}


def _price_info(a: Activity) -> list[dict[str, Any]]:
    base = Decimal("0") if a.price_kind == Activity.PriceKind.FREE else (a.price_eur or Decimal(0))
    info = [
        {
            "category": "base",
            "name": {"nl": "Basistarief"},
            "price": float(base),
            "priceCurrency": "EUR",
        }
    ]
    if a.price_kind == Activity.PriceKind.UITPAS and a.price_uitpas_eur is not None:
        info.append(
            {
                "category": "uitpas",
                "name": {"nl": "UiTPAS kansentarief"},
                "price": float(a.price_uitpas_eur),
                "priceCurrency": "EUR",
            }
        )
    return info


def _age_range(a: Activity) -> str:
    return (
        f"{a.min_age if a.min_age is not None else ''}-{a.max_age if a.max_age is not None else ''}"
    )


def activity_jsonld(a: Activity, base_url: str = "") -> dict[str, Any]:
    """One activity as a UiTdatabank-shaped event; what UiTdatabank lacks sits under `pnt:`."""
    names = {"nl": a.title}
    descriptions = {"nl": a.description}
    for language, text in (a.translations or {}).items():
        if text.get("title"):
            names[language] = text["title"]
        if text.get("description"):
            descriptions[language] = text["description"]
    taken = getattr(a, "taken", 0) or 0
    provider = a.provider
    return {
        "@context": [UITDATABANK_CONTEXT, {"pnt": PNT_NS}],
        "@id": f"{base_url}/catalogus/{a.pk}/",
        "@type": "Event",
        "mainLanguage": "nl",
        "name": names,
        "description": descriptions,
        **_calendar(a),
        "location": {
            "@type": "Place",
            "name": {"nl": a.address or a.municipality.name_nl},
            "address": {
                "nl": {
                    "streetAddress": a.address,
                    "addressLocality": a.municipality.name_nl,
                    "addressCountry": "BE",
                }
            },
            "geo": {"latitude": a.latitude, "longitude": a.longitude},
            "pnt:nisCode": a.municipality.nis_code,
        },
        "organizer": {
            "@type": "Organizer",
            "name": {"nl": provider.name},
            "contactPoint": {
                "email": [provider.email] if provider.email else [],
                "phone": [provider.phone] if provider.phone else [],
            },
        },
        "priceInfo": _price_info(a),
        "bookingAvailability": {
            "type": "Available" if taken < a.capacity and a.status != "full" else "Unavailable",
            "capacity": a.capacity,
            "availability": max(0, a.capacity - taken),
        },
        "status": {"type": STATUS_TO_UITDATABANK[a.status]},
        "typicalAgeRange": _age_range(a),
        "audience": {"audienceType": "everyone"},
        "terms": [{"id": a.type, "label": str(a.get_type_display()), "domain": "eventtype"}]
        + [{"id": t, "label": str(dict(Theme.choices)[t]), "domain": "theme"} for t in a.themes],
        "pnt:externalId": a.external_id,
        "pnt:details": _details(a),
    }


def _details(a: Activity) -> dict[str, Any]:
    return {
        "status": a.status,
        "type": a.type,
        "themes": list(a.themes),
        "goals": list(a.goals),
        "dutchLevel": LEVEL_CODES[a.dutch_level],
        "schedule": a.schedule_kind,
        "startDate": a.start_date.isoformat() if a.start_date else None,
        "endDate": a.end_date.isoformat() if a.end_date else None,
        "weekday": None if a.weekday is None else DAYS[a.weekday],
        "startTime": a.start_time.strftime("%H:%M") if a.start_time else None,
        "endTime": a.end_time.strftime("%H:%M") if a.end_time else None,
        "hoursPerSession": str(a.hours_per_session),
        "totalHours": str(a.total_hours),
        "price": a.price_kind,
        "priceEur": None if a.price_eur is None else str(a.price_eur),
        "priceUitpasEur": None if a.price_uitpas_eur is None else str(a.price_uitpas_eur),
        "minAge": a.min_age,
        "maxAge": a.max_age,
        **{_camel(flag): getattr(a, flag) for flag in FLAGS},
        "verdict": a.verdict,
        "validated": a.validated_at is not None,
    }


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def export_jsonld(activities: Iterable[Activity], base_url: str = "") -> str:
    return json.dumps(
        [activity_jsonld(a, base_url) for a in activities], ensure_ascii=False, indent=2
    )


def parse_jsonld(text: str) -> tuple[list[ParsedRow], list[RowError]]:
    """Events (a list, one event, or a `member` list) as rows; "line" is the event's number."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [RowError(exc.lineno, str(exc.colno), _("this is not valid JSON"))]
    if isinstance(document, dict):
        document = document.get("member", [document])
    if not isinstance(document, list):
        return [], [RowError(1, "-", _("expected a list of events"))]
    rows, errors = [], []
    for number, event in enumerate(document, start=1):
        if not isinstance(event, dict):
            errors.append(RowError(number, "-", _("expected an event object")))
            continue
        row, row_errors = _parse_event(number, event)
        rows.append(row)
        errors.extend(row_errors)
    return rows, errors


def _event_record(event: dict[str, Any]) -> dict[str, str]:
    """The event flattened into the CSV template's columns (strings), then parsed the same way."""
    details = event.get("pnt:details") or {}
    location = event.get("location") or {}
    geo = location.get("geo") or {}
    names, texts = event.get("name") or {}, event.get("description") or {}
    prices = {p.get("category"): p.get("price") for p in event.get("priceInfo") or []}
    record = {
        "external_id": event.get("pnt:externalId") or event.get("@id") or "",
        "title": names.get("nl", ""),
        "description": texts.get("nl", ""),
        "title_en": names.get("en", ""),
        "description_en": texts.get("en", ""),
        "municipality_nis": location.get("pnt:nisCode", ""),
        "address": ((location.get("address") or {}).get("nl") or {}).get("streetAddress", ""),
        "latitude": geo.get("latitude"),
        "longitude": geo.get("longitude"),
        "capacity": (event.get("bookingAvailability") or {}).get("capacity"),
        "type": _event_type(event),
        "themes": ";".join(t["id"] for t in event.get("terms") or [] if t.get("domain") == "theme"),
        **_event_schedule(event),
        **_event_price(prices),
        **_event_ages(event.get("typicalAgeRange") or "-"),
    }
    mapped = {
        "goals": ";".join(details.get("goals") or []),
        "dutch_level": details.get("dutchLevel"),
        "schedule": details.get("schedule"),
        "start_date": details.get("startDate"),
        "end_date": details.get("endDate"),
        "weekday": details.get("weekday"),
        "start_time": details.get("startTime"),
        "end_time": details.get("endTime"),
        "hours_per_session": details.get("hoursPerSession"),
        "total_hours": details.get("totalHours"),
        "price": details.get("price"),
        "price_eur": details.get("priceEur"),
        "price_uitpas_eur": details.get("priceUitpasEur"),
        "min_age": details.get("minAge"),
        "max_age": details.get("maxAge"),
        "status": details.get("status"),
        "type": details.get("type"),
        **{flag: details.get(_camel(flag)) for flag in FLAGS},
    }
    if details:  # our own export: its details are exact, an empty value included
        record.update(mapped)
    return {
        k: "" if v is None else (("yes" if v else "no") if isinstance(v, bool) else str(v))
        for k, v in record.items()
    }


def _event_type(event: dict[str, Any]) -> str:
    known = set(ActivityType.values)
    for term in event.get("terms") or []:
        if term.get("domain") == "eventtype" and term.get("id") in known:
            return term["id"]
    return ActivityType.OTHER


def _event_schedule(event: dict[str, Any]) -> dict[str, Any]:
    kind = event.get("calendarType")
    start, end = event.get("startDate") or "", event.get("endDate") or ""
    hours = (event.get("openingHours") or [{}])[0]
    out: dict[str, Any] = {"start_date": start[:10], "end_date": end[:10]}
    if kind == "single":
        out.update(schedule="single", start_time=start[11:16], end_time=end[11:16])
    elif kind == "multiple":
        first = (event.get("subEvent") or [{}])[0]
        out.update(
            schedule="series",
            start_time=(first.get("startDate") or "")[11:16],
            end_time=(first.get("endDate") or "")[11:16],
        )
    elif kind == "periodic" or hours:
        out.update(
            schedule="weekly",
            weekday=(hours.get("dayOfWeek") or [""])[0],
            start_time=hours.get("opens"),
            end_time=hours.get("closes"),
        )
    else:
        out.update(schedule="appointment")
    return out


def _event_price(prices: dict[str, Any]) -> dict[str, Any]:
    base, uitpas = prices.get("base"), prices.get("uitpas")
    if uitpas is not None:
        return {"price": "uitpas", "price_eur": base, "price_uitpas_eur": uitpas}
    if base:
        return {"price": "paid", "price_eur": base}
    return {"price": "free"}


def _event_ages(text: str) -> dict[str, str]:
    low, _sep, high = str(text).partition("-")
    return {"min_age": low.strip(), "max_age": high.strip()}


def _parse_event(number: int, event: dict[str, Any]) -> tuple[ParsedRow, list[RowError]]:
    record = _event_record(event)
    if not record.get("municipality_nis"):
        return ParsedRow(number, record.get("external_id", ""), {}), [
            RowError(
                number, "location.pnt:nisCode", _("the NIS code of the municipality is missing")
            )
        ]
    return _parse_record(number, record)


# --- iCalendar -----------------------------------------------------------------------------------

# Written by hand: an activity is one VEVENT with at most a weekly RRULE, which takes fewer
# lines than adapting a library's object model, and keeps pnt free of one more dependency.
VTIMEZONE = """BEGIN:VTIMEZONE
TZID:Europe/Brussels
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE"""
ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts, start = [], 0
    while start < len(data):
        end = min(len(data), start + (75 if not parts else 74))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # never split a character
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start = end
    return "\r\n ".join(parts)


def _first_on_weekday(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _vevent(a: Activity, base_url: str, stamp: str) -> list[str] | None:
    if a.schedule_kind == Activity.ScheduleKind.APPOINTMENT or not a.start_time:
        return None
    start_day = a.start_date or timezone.localdate()
    rule = None
    if a.schedule_kind in (Activity.ScheduleKind.WEEKLY, Activity.ScheduleKind.SERIES):
        if a.weekday is None:
            return None
        start_day = _first_on_weekday(start_day, a.weekday)
        rule = f"RRULE:FREQ=WEEKLY;BYDAY={ICAL_DAYS[a.weekday]}"
        if a.end_date:
            rule += f";UNTIL={a.end_date:%Y%m%d}T225959Z"
    end_time = a.end_time or a.start_time
    lines = [
        "BEGIN:VEVENT",
        f"UID:{a.external_id}@pnt",
        f"DTSTAMP:{stamp}",
        f"DTSTART;TZID=Europe/Brussels:{start_day:%Y%m%d}T{a.start_time:%H%M%S}",
        f"DTEND;TZID=Europe/Brussels:{start_day:%Y%m%d}T{end_time:%H%M%S}",
        *([rule] if rule else []),
        f"SUMMARY:{_escape(a.title)}",
        f"DESCRIPTION:{_escape(a.description)}",
        f"LOCATION:{_escape(', '.join(p for p in (a.address, a.municipality.name_nl) if p))}",
        *([f"GEO:{a.latitude:.6f};{a.longitude:.6f}"] if a.latitude is not None else []),
        f"ORGANIZER;CN={_escape(a.provider.name)}:mailto:{a.provider.email or 'info@invalid'}",
        f"URL:{base_url}/catalogus/{a.pk}/",
        "END:VEVENT",
    ]
    return lines


def export_ical(activities: Iterable[Activity], *, name: str, base_url: str = "") -> str:
    """An iCalendar feed (RFC 5545) of the dated activities; "by appointment" ones are left out."""
    stamp = timezone.now().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//pnt//offer//NL",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(name)}",
        "X-WR-TIMEZONE:Europe/Brussels",
        *VTIMEZONE.splitlines(),
    ]
    for activity in activities:
        lines.extend(_vevent(activity, base_url, stamp) or [])
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
