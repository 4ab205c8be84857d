"""The trajectory indicators on a hand-built Rivierenland (figures worked out by hand).

In Q2 2024, Mechelen:
  Amal    opened 10 Jan, obligation 1 Jan, started 11 Apr (101 days), compulsory
  Bilal   opened 1 Mar, obligation 20 Feb, started 1 May (71 days), 40 h on 20 Jun (50 days)
  Chen    opened 15 Apr, no obligation date, started 25 Apr (10 days from opening), voluntary
  Dara    started Nov 2023, stopped 15 Mar 2024 (before the quarter)
  Emre    opened 5 Jul 2024 (after the quarter)
  Farah   opened 1 Feb, voluntary, stopped 10 May without starting
Turnhout (Kempen): Goran opened 1 Apr, obligation 1 Mar, started 2 Apr (32 days).
"""

from __future__ import annotations

import pytest

from pnt.reporting.families import trajectories
from pnt.reporting.scopes import flanders, for_municipality, for_region
from pnt.trajectories.models import Move
from tests.factories import municipality, region
from tests.reporting.helpers import Q2, D, trajectory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories():
    trajectory(opened=D(2024, 1, 10), obligation=D(2024, 1, 1), started=D(2024, 4, 11))
    trajectory(opened=D(2024, 3, 1), obligation=D(2024, 2, 20), started=D(2024, 5, 1),
               completed=D(2024, 6, 20))  # fmt: skip
    trajectory(opened=D(2024, 4, 15), started=D(2024, 4, 25), compulsory=False)
    trajectory(opened=D(2023, 10, 1), obligation=D(2023, 9, 1), started=D(2023, 11, 1),
               stopped=D(2024, 3, 15))  # fmt: skip
    trajectory(opened=D(2024, 7, 5))
    trajectory(opened=D(2024, 2, 1), stopped=D(2024, 5, 10), compulsory=False)
    trajectory("13040", opened=D(2024, 4, 1), obligation=D(2024, 3, 1), started=D(2024, 4, 2))


def rivierenland(period=Q2):
    return trajectories(for_region(region("rivierenland")), period)


def test_in_pnt_counts_trajectories_open_during_the_quarter(stories):
    assert rivierenland()["in_pnt"] == 4  # Amal, Bilal, Chen, Farah


def test_in_pnt_splits_compulsory_and_voluntary(stories):
    figures = rivierenland()
    assert (figures["in_pnt_compulsory"], figures["in_pnt_voluntary"]) == (2, 2)


def test_started_counts_first_hours_in_the_quarter(stories):
    assert rivierenland()["started"] == 3  # Amal, Bilal, Chen


def test_completed_counts_40_hours_reached_in_the_quarter(stories):
    assert rivierenland()["completed"] == 1  # Bilal


def test_stopped_counts_stops_in_the_quarter(stories):
    assert rivierenland()["stopped"] == 1  # Farah (Dara stopped in Q1)


def test_stopped_in_the_quarter_before_is_counted_there(stories):
    assert rivierenland(Q2.previous())["stopped"] == 1  # Dara


def test_median_days_to_start_is_the_middle_of_an_odd_count(stories):
    assert rivierenland()["median_days_to_start"] == 71  # 10, 71, 101


def test_median_days_to_start_averages_the_middle_two_of_an_even_count(stories):
    assert trajectories(flanders(), Q2)["median_days_to_start"] == 51.5  # 10, 32 | 71, 101


def test_days_to_start_distribution(stories):
    buckets = rivierenland()["days_to_start"]
    assert buckets == {"0-30": 1, "31-60": 0, "61-90": 1, "91-180": 1, "181+": 0}


def test_median_days_to_completion(stories):
    assert rivierenland()["median_days_to_completion"] == 50  # 1 May → 20 Jun


def test_median_is_none_without_cases(stories):
    assert rivierenland(Q2.year_earlier())["median_days_to_completion"] is None


def test_share_reached_40h_is_completed_over_started_by_the_end(stories):
    # Started by 30 June: Amal, Bilal, Chen, Dara; of them Bilal reached 40 h.
    assert rivierenland()["share_reached_40h"] == 0.25


def test_scope_of_one_municipality_leaves_the_others_out(stories):
    figures = trajectories(for_municipality(municipality("12029")), Q2)  # Putte
    assert (figures["in_pnt"], figures["started"], figures["median_days_to_start"]) == (0, 0, None)


def test_moved_counts_moves_out_of_the_scope_in_the_quarter():
    moving = trajectory(opened=D(2024, 1, 1)).newcomer
    Move.objects.create(newcomer=moving, moved_on=D(2024, 5, 2),
                        from_municipality=municipality("12025"),
                        to_municipality=municipality("13040"))  # fmt: skip
    assert (rivierenland()["moved"], trajectories(for_region(region("kempen")), Q2)["moved"]) == (
        1,
        0,
    )
