"""Import (valid, invalid, re-import, dry run), export round trip, iCalendar."""

from __future__ import annotations

import json

import pytest
from django.forms.models import model_to_dict

from pnt.offer.exchange import (
    csv_template,
    export_csv,
    export_ical,
    export_jsonld,
    parse_csv,
    parse_jsonld,
)
from pnt.offer.models import Activity
from pnt.offer.services import import_activities
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

COMPARED = [
    "title", "description", "translations", "type", "themes", "goals", "dutch_level",
    "municipality", "address", "latitude", "longitude", "schedule_kind", "start_date",
    "end_date", "weekday", "start_time", "end_time", "hours_per_session", "total_hours",
    "capacity", "price_kind", "price_eur", "price_uitpas_eur", "min_age", "max_age",
    "childcare", "wheelchair_access", "transport_help", "women_only",
    "first_visit_accompanied", "family_friendly", "dutch_context", "with_others",
    "meets_new_people", "lasting_contacts", "is_formal_lesson", "status", "external_id",
]  # fmt: skip


def _import(user, provider, text, *, kind="csv", dry_run=False):
    rows, errors = (parse_csv if kind == "csv" else parse_jsonld)(text)
    return import_activities(user=user, provider=provider, rows=rows, errors=errors,
                             dry_run=dry_run)  # fmt: skip


def test_the_template_imports_as_it_is(aster, aster_staff):
    plan = _import(aster_staff, aster, csv_template())
    assert plan.ok and plan.applied and plan.created == ["Praattafel in de bib"]
    activity = Activity.objects.get(external_id="praattafel-putte-2025")
    assert activity.provider == aster and activity.municipality.nis_code == "12029"


def test_a_dry_run_shows_what_would_change_and_writes_nothing(aster, aster_staff):
    plan = _import(aster_staff, aster, csv_template(), dry_run=True)
    assert plan.created == ["Praattafel in de bib"] and not plan.applied
    assert not Activity.objects.exists()


def test_re_import_updates_and_never_duplicates(aster, aster_staff):
    _import(aster_staff, aster, csv_template())
    changed = csv_template().replace(",12,", ",15,")
    dry = _import(aster_staff, aster, changed, dry_run=True)
    assert dry.updated == [("Praattafel in de bib", ["capacity"])]
    _import(aster_staff, aster, changed)
    assert Activity.objects.get().capacity == 15
    again = _import(aster_staff, aster, changed)
    assert again.unchanged == ["Praattafel in de bib"] and Activity.objects.count() == 1


def test_every_bad_row_is_reported_with_line_and_column_and_nothing_is_written(aster, aster_staff):
    header, good = csv_template().splitlines()
    bad_type = good.replace("conversation_table", "karaoke").replace("putte-2025", "a")
    bad_dates = good.replace("2026-06-30", "2020-01-01").replace("putte-2025", "b")
    text = "\n".join([header, good, bad_type, bad_dates]) + "\n"
    plan = _import(aster_staff, aster, text)
    assert not plan.applied and not Activity.objects.exists()
    found = {(e.line, e.column) for e in plan.errors}
    assert found == {(3, "type"), (4, "end_date")}
    assert "karaoke" in str(plan.errors[0])


def test_the_same_id_twice_in_one_file_is_an_error(aster, aster_staff):
    header, good = csv_template().splitlines()
    plan = _import(aster_staff, aster, "\n".join([header, good, good]))
    assert [(e.line, e.column) for e in plan.errors] == [(3, "external_id")]


def test_a_control_character_in_a_cell_is_reported_not_stored(aster, aster_staff):
    header, good = csv_template().splitlines()
    plan = _import(aster_staff, aster, "\n".join([header, good.replace("Praat", "Pr\x00aat", 1)]))
    assert not plan.applied and not Activity.objects.exists()
    assert [(e.line, e.column) for e in plan.errors] == [(2, "title")]


def test_missing_columns_are_named(aster, aster_staff):
    plan = _import(aster_staff, aster, "title,type\nX,sport\n")
    assert {e.column for e in plan.errors} == {"external_id", "municipality_nis", "schedule",
                                                "capacity"}  # fmt: skip


def _variety(provider):
    return [
        ActivityFactory(provider=provider, title="Wekelijks",
                        translations={"en": {"title": "Weekly"}}, themes=["cooking", "music"],
                        goals=["meet_people"], dutch_level=2,
                        min_age=16, childcare=True, address="Markt 1"),
        ActivityFactory(provider=provider, title="Eenmalig", schedule_kind="single",
                        end_date=None, price_kind="uitpas", price_eur="12.50",
                        price_uitpas_eur="2.50", status="draft"),
        ActivityFactory(provider=provider, title="Reeks", schedule_kind="series", type="sport",
                        price_kind="paid", price_eur="5.00", women_only=True, status="paused"),
        ActivityFactory(provider=provider, title="Buddy", schedule_kind="appointment",
                        type="buddy", weekday=None, start_time=None, end_time=None,
                        start_date=None, end_date=None, max_age=30),
    ]  # fmt: skip


def _snapshot(provider):
    return sorted(
        (model_to_dict(a, fields=COMPARED) for a in provider.activities.all()),
        key=lambda d: d["external_id"],
    )


@pytest.mark.parametrize("kind", ["csv", "jsonld"])
def test_export_then_import_gives_the_same_activities(aster, aster_staff, kind):
    activities = _variety(aster)
    before = _snapshot(aster)
    text = export_csv(activities) if kind == "csv" else export_jsonld(activities)
    unchanged = _import(aster_staff, aster, text, kind=kind, dry_run=True)
    assert unchanged.ok and len(unchanged.unchanged) == 4, unchanged.updated
    Activity.objects.all().delete()
    plan = _import(aster_staff, aster, text, kind=kind)
    assert plan.ok and len(plan.created) == 4
    assert _snapshot(aster) == before


def test_the_jsonld_is_shaped_like_uitdatabank_events(aster):
    activities = _variety(aster)
    events = {e["name"]["nl"]: e for e in json.loads(export_jsonld(activities))}
    assert events["Wekelijks"]["calendarType"] == "periodic"
    assert events["Wekelijks"]["openingHours"][0]["dayOfWeek"] == ["tuesday"]
    assert events["Eenmalig"]["calendarType"] == "single"
    assert events["Reeks"]["calendarType"] == "multiple" and events["Reeks"]["subEvent"]
    assert events["Buddy"]["calendarType"] == "permanent"
    assert events["Eenmalig"]["priceInfo"][1] == {
        "category": "uitpas", "name": {"nl": "UiTPAS kansentarief"}, "price": 2.5,
        "priceCurrency": "EUR",
    }  # fmt: skip
    assert events["Wekelijks"]["bookingAvailability"]["capacity"] == 10
    assert events["Wekelijks"]["typicalAgeRange"] == "16-"
    assert events["Wekelijks"]["organizer"]["name"]["nl"] == "Ontmoetingshuis Aster"
    assert events["Wekelijks"]["location"]["address"]["nl"]["addressLocality"] == "Mechelen"


def test_bad_json_is_reported_with_its_position(aster, aster_staff):
    plan = _import(aster_staff, aster, '[{"name": }]', kind="jsonld")
    assert plan.errors and plan.errors[0].line == 1


def test_the_icalendar_feed_has_a_weekly_rule_and_leaves_out_appointments(aster):
    text = export_ical(_variety(aster), name="Aster")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 3  # the buddy project has no dates
    assert "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_public_feeds_answer(client, aster):
    activity = ActivityFactory(provider=aster)
    ics = client.get(f"/catalogus/aanbieder/{aster.pk}/agenda.ics")
    assert ics["Content-Type"].startswith("text/calendar") and activity.title in ics.text
    nis = client.get(f"/catalogus/gemeente/{activity.municipality.nis_code}/agenda.ics")
    assert activity.title in nis.text
    assert client.get("/api/offer/export.jsonld").json()[0]["name"]["nl"] == activity.title
