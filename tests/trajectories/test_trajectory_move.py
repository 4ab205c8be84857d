"""A move hands the file over: history kept, the old area loses access, the new one gains."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from pnt.accounts.models import Role
from pnt.trajectories import services
from pnt.trajectories.errors import TrajectoryError
from pnt.trajectories.models import Move, Newcomer, Trajectory
from tests.factories import municipality, region, user_with_role

pytestmark = pytest.mark.django_db


def test_moving_to_another_region_changes_who_can_see_the_newcomer(newcomer, coach, login):
    coach_kempen = user_with_role(Role.COACH, region=region("kempen"))
    officer_mechelen = user_with_role(Role.MUNICIPAL_OFFICER, municipality=municipality("12025"))
    url = reverse("newcomer_detail", args=[newcomer.pk])
    assert login(coach).get(url).status_code == 200
    assert login(officer_mechelen).get(url).status_code == 200
    assert login(coach_kempen).get(url).status_code == 404

    services.move_newcomer(
        newcomer=newcomer, to_municipality=municipality("13040"), moved_on=dt.date(2025, 5, 1),
        by=coach, note="Verhuisd naar Turnhout",
    )  # fmt: skip

    assert login(coach).get(url).status_code == 404
    assert login(officer_mechelen).get(url).status_code == 404
    assert login(coach_kempen).get(url).status_code == 200
    assert not Newcomer.objects.visible_to(coach).filter(pk=newcomer.pk).exists()


def test_a_move_keeps_the_history_and_releases_a_coach_from_elsewhere(newcomer, coach):
    services.move_newcomer(
        newcomer=newcomer,
        to_municipality=municipality("13040"),
        moved_on=dt.date(2025, 5, 1),
        by=coach,
    )
    newcomer.refresh_from_db()
    move = Move.objects.get(newcomer=newcomer)
    assert move.from_municipality.nis_code == "12025"
    assert move.to_municipality.nis_code == "13040"
    assert move.previous_coach == coach
    assert newcomer.coach is None
    assert newcomer.counsellor is not None  # the agency's counsellor follows the person


def test_a_move_within_the_region_keeps_the_coach(newcomer, coach):
    services.move_newcomer(
        newcomer=newcomer,
        to_municipality=municipality("12029"),
        moved_on=dt.date(2025, 5, 1),
        by=coach,
    )
    newcomer.refresh_from_db()
    assert newcomer.coach == coach
    assert newcomer.trajectory.status == Trajectory.Status.SEARCHING


def test_moving_to_the_same_municipality_is_refused(newcomer, coach):
    with pytest.raises(TrajectoryError, match="already lives"):
        services.move_newcomer(
            newcomer=newcomer, to_municipality=municipality("12025"),
            moved_on=dt.date(2025, 5, 1), by=coach,
        )  # fmt: skip
    assert not Move.objects.exists()


def test_move_page_records_the_move_and_leaves_when_out_of_scope(newcomer, coach, login):
    response = login(coach).post(
        reverse("newcomer_move", args=[newcomer.pk]),
        {"to_municipality": municipality("13040").pk, "moved_on": "2025-05-01"},
    )
    assert response.status_code == 302 and response.url == reverse("newcomer_list")
