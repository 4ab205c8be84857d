"""The quarterly report as shown: comparisons, suppression outside one's own scope, and
the municipality's figures hidden exactly as in its region's table."""

from __future__ import annotations

import pytest

from pnt.reporting.periods import Quarter
from pnt.reporting.report import build_report, present, scalar_cells
from pnt.reporting.scopes import for_municipality, for_region, is_own_scope
from tests.factories import municipality, region, user_with_role
from tests.reporting.helpers import Q2, D, trajectory

pytestmark = pytest.mark.django_db


def _started(nis: str, count: int, day=None, compulsory=True) -> None:
    day = day or D(2024, 5, 1)
    for _ in range(count):
        trajectory(nis, opened=D(2024, 4, 1), started=day, compulsory=compulsory)


def _cells(scope, key, suppress=True, index=0):
    return scalar_cells(build_report(scope, Q2, trend=False), suppress)[index][key]


def test_the_report_compares_with_the_quarter_before_and_a_year_earlier():
    report = build_report(for_region(region("rivierenland")), Q2, trend=False)
    assert report.periods == [Q2, Quarter(2024, 1), Quarter(2023, 2)]


def test_the_quarter_before_holds_its_own_figures():
    _started("12025", 6, day=D(2024, 2, 1))
    report = build_report(for_region(region("rivierenland")), Q2, trend=False)
    assert (report.value("started", 0), report.value("started", 1)) == (0, 6)


def test_a_small_count_is_suppressed_outside_ones_scope():
    _started("12025", 3)
    assert _cells(for_region(region("rivierenland")), "started").display == "<5"


def test_a_small_count_is_exact_inside_ones_scope():
    _started("12025", 3)
    assert _cells(for_region(region("rivierenland")), "started", suppress=False).display == "3"


def test_compulsory_and_voluntary_cannot_give_each_other_away():
    _started("12025", 3, compulsory=False)
    _started("12025", 20)
    compulsory = _cells(for_region(region("rivierenland")), "in_pnt_compulsory")
    voluntary = _cells(for_region(region("rivierenland")), "in_pnt_voluntary")
    total = _cells(for_region(region("rivierenland")), "in_pnt")
    assert voluntary.display == "<5"
    assert compulsory.hidden or total.hidden  # 23 − 20 would reveal the 3


def test_the_region_table_by_municipality_hides_a_second_municipality():
    _started("12025", 30)  # Mechelen
    _started("12029", 2)  # Putte
    _started("12009", 12)  # Duffel
    table = present(build_report(for_region(region("rivierenland")), Q2, trend=False), True)[-1]
    shown = {row.label: row.cells[1].display for row in table.rows}  # column "started"
    assert shown["Putte"] == "<5"
    assert shown["Duffel"] == "x"  # 44 − 30 − 12 would reveal Putte's 2
    assert shown["Total"] == "44"


def test_a_municipality_report_hides_what_its_region_table_hides():
    """Duffel's own report must not print the 12 that the region table hides."""
    _started("12025", 30)
    _started("12029", 2)
    _started("12009", 12)
    assert _cells(for_municipality(municipality("12009")), "started").display == "x"


def test_a_municipality_figure_not_needed_for_protection_is_shown():
    _started("12025", 30)
    _started("12029", 2)
    _started("12009", 12)
    assert _cells(for_municipality(municipality("12025")), "started").display == "30"


def test_the_days_to_start_table_adds_up_to_the_started_total():
    for day in (D(2024, 4, 10), D(2024, 6, 15)):  # 9 and 75 days after opening
        _started("12025", 6, day=day)
    tables = present(build_report(for_region(region("rivierenland")), Q2, trend=False), False)
    table = next(t for t in tables if t.key == "days_to_start")
    assert [row.cells[0].value for row in table.rows if not row.total] == [6, 0, 6, 0, 0]
    assert table.rows[-1].cells[0].value == 12


def test_own_scope_for_a_coordinator_is_their_region():
    user = user_with_role("coordinator", region=region("rivierenland"))
    assert is_own_scope(user, for_region(region("rivierenland")))
    assert not is_own_scope(user, for_region(region("kempen")))


def test_a_municipal_officer_sees_the_region_suppressed():
    user = user_with_role("municipal_officer", municipality=municipality("12029"))
    assert is_own_scope(user, for_municipality(municipality("12029")))
    assert not is_own_scope(user, for_region(region("rivierenland")))
