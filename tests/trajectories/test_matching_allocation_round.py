"""Allocation rounds of a region: start (computed by the worker), preview, adjust, confirm
into offered places — never beyond capacity — and scoped to the region's coordinators."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pnt.accounts.models import Role
from pnt.trajectories import allocation_services
from pnt.trajectories.allocation_services import AllocationError
from pnt.trajectories.models import Enrolment
from pnt.trajectories.models_allocation import AllocationAssignment, AllocationRound
from tests.factories import EnrolmentFactory, region, user_with_role
from tests.trajectories.matching_world import (
    MECHELEN,
    SKW,
    activity_in,
    cook_who_bikes,
    cooking_nearby,
)

pytestmark = pytest.mark.django_db
R = AllocationRound.Status


@pytest.fixture
def coordinator(db):
    return user_with_role(Role.COORDINATOR, region=region("rivierenland"))


@pytest.fixture
def crowd():
    """Four cooks wait; the cooking group has two places, a choir in SKW has two more."""
    start = timezone.localdate() - dt.timedelta(days=200)
    cooks = [
        cook_who_bikes(first_name=name, last_name="Wacht", obligation_start=start + dt.timedelta(i))
        for i, name in enumerate(["Amal", "Bilal", "Chen", "Dana"])
    ]
    cooking = cooking_nearby(capacity=2)
    choir = activity_in(SKW, "Zangkoor Sint-Katelijne-Waver", themes=["music", "cooking"],
                        capacity=2, weekday=3)  # fmt: skip
    return cooks, cooking, choir


def _start(coordinator, django_capture_on_commit_callbacks, **parameters) -> AllocationRound:
    with django_capture_on_commit_callbacks(execute=True):
        round_ = allocation_services.start_allocation_round(
            region=region("rivierenland"), by=coordinator, parameters=parameters
        )
    round_.refresh_from_db()
    return round_


@pytest.fixture
def started(coordinator, crowd, django_capture_on_commit_callbacks):
    return _start(coordinator, django_capture_on_commit_callbacks)


def test_a_started_round_is_computed_by_the_worker_into_a_preview(started):
    assert started.status == R.READY
    assert started.progress == 100
    assert started.newcomers_count == 4
    assert started.places_count == 4


def test_the_preview_never_gives_more_places_than_an_activity_has(started, crowd):
    _cooks, cooking, choir = crowd
    for activity in (cooking, choir):
        assert started.assignments.filter(activity=activity).count() <= 2


def test_the_preview_gives_each_newcomer_at_most_k_places(
    coordinator, crowd, django_capture_on_commit_callbacks
):
    round_ = _start(coordinator, django_capture_on_commit_callbacks, k=2)
    cooks, _cooking, _choir = crowd
    for cook in cooks:
        assert round_.assignments.filter(newcomer=cook).count() <= 2


def test_the_preview_compares_with_first_come_first_served(started):
    assert started.fcfs_placed == 4
    assert started.total_fit >= started.fcfs_fit > 0


def test_the_round_beats_first_come_first_served_when_the_first_in_line_could_go_elsewhere(
    coordinator, django_capture_on_commit_callbacks
):
    # Amal waits longest and also sings; Bilal only cooks. One place in each activity.
    start = timezone.localdate() - dt.timedelta(days=100)
    cook_who_bikes(first_name="Amal", interests=["cooking", "music"], obligation_start=start)
    bilal = cook_who_bikes(first_name="Bilal", obligation_start=start + dt.timedelta(1))
    cooking = cooking_nearby(capacity=1)
    activity_in(MECHELEN, "Zangkoor Mechelen", themes=["music"], capacity=1, weekday=3)

    round_ = _start(coordinator, django_capture_on_commit_callbacks)

    assert round_.total_fit > round_.fcfs_fit
    assert round_.assignments.get(activity=cooking).newcomer == bilal


def test_assignments_carry_their_reasons(started):
    assignment = started.assignments.filter(activity__title="Samen koken Mechelen").first()
    assert "shared_interests" in [r["code"] for r in assignment.reasons]


def test_newcomers_who_get_nothing_are_listed(
    coordinator, crowd, django_capture_on_commit_callbacks
):
    cooks, cooking, choir = crowd
    choir.capacity = 1
    choir.save()
    round_ = _start(coordinator, django_capture_on_commit_callbacks)
    assert round_.unplaced_count == 1
    assert len(round_.unplaced) == 1


def test_removing_an_assignment_lowers_the_totals(started):
    assignment = started.assignments.first()

    allocation_services.remove_assignment(assignment=assignment, by=None)

    started.refresh_from_db()
    assert started.placed_count == 3
    assert started.unplaced_count == 1
    assert started.total_fit == pytest.approx(started.optimal_fit - assignment.fit)


def test_confirming_offers_every_kept_place_with_an_expiry(started):
    removed = started.assignments.first()
    allocation_services.remove_assignment(assignment=removed, by=None)

    allocation_services.confirm_allocation_round(round=started, by=None)

    offered = Enrolment.objects.filter(status=Enrolment.Status.OFFERED)
    assert offered.count() == 3
    assert all(e.offer_expires_at > timezone.now() for e in offered)
    assert not offered.filter(newcomer=removed.newcomer, activity=removed.activity).exists()
    started.refresh_from_db()
    assert started.status == R.CONFIRMED and started.offers_count == 3


def test_confirming_turns_a_waiting_list_entry_into_the_offer(
    coordinator, crowd, django_capture_on_commit_callbacks
):
    cooks, cooking, _choir = crowd
    for cook in cooks:
        EnrolmentFactory(newcomer=cook, activity=cooking, status=Enrolment.Status.WAITING)
    round_ = _start(coordinator, django_capture_on_commit_callbacks)

    allocation_services.confirm_allocation_round(round=round_, by=None)

    assert Enrolment.objects.filter(activity=cooking, status=Enrolment.Status.OFFERED).count() == 2
    assert Enrolment.objects.filter(activity=cooking).count() == 4


def test_confirming_never_overbooks_a_place_taken_since_the_preview(started, crowd):
    _cooks, cooking, _choir = crowd
    EnrolmentFactory(activity=cooking, status=Enrolment.Status.CONFIRMED)

    allocation_services.confirm_allocation_round(round=started, by=None)

    held = Enrolment.objects.filter(activity=cooking, status__in=Enrolment.HOLDS_PLACE)
    assert held.count() == 2
    skipped = started.assignments.get(activity=cooking, status=AllocationAssignment.Status.SKIPPED)
    assert "no free place" in skipped.note


def test_a_confirmed_round_cannot_be_confirmed_again(started):
    allocation_services.confirm_allocation_round(round=started, by=None)

    with pytest.raises(AllocationError):
        allocation_services.confirm_allocation_round(round=started, by=None)


def test_a_second_round_waits_until_the_open_one_is_confirmed_or_discarded(
    coordinator, started, django_capture_on_commit_callbacks
):
    with pytest.raises(AllocationError):
        _start(coordinator, django_capture_on_commit_callbacks)
    allocation_services.discard_allocation_round(round=started, by=coordinator)

    assert _start(coordinator, django_capture_on_commit_callbacks).status == R.READY


def test_newcomers_holding_k_places_do_not_wait(
    coordinator, crowd, django_capture_on_commit_callbacks
):
    cooks, _cooking, _choir = crowd
    EnrolmentFactory(newcomer=cooks[0], activity=activity_in(MECHELEN, "Elders"))

    round_ = _start(coordinator, django_capture_on_commit_callbacks)

    assert round_.newcomers_count == 3


def test_a_failing_computation_marks_the_round_failed(
    coordinator, crowd, django_capture_on_commit_callbacks, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("solver exploded")

    monkeypatch.setattr("pnt.matching.allocate", broken)
    round_ = _start(coordinator, django_capture_on_commit_callbacks)

    assert round_.status == R.FAILED
    assert "solver exploded" in round_.error


# --- the pages ---------------------------------------------------------------------------------


def test_the_coordinator_starts_a_round_from_the_page(
    coordinator, crowd, login, django_capture_on_commit_callbacks
):
    data = {"region": region("rivierenland").pk, "k": 1, "fairness": "on", "note": "Najaar",
            "compulsory_bonus": 0.5, "per_month_waiting": 0.05, "deadline_bonus": 0.5}  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = login(coordinator).post(reverse("allocation_round_list"), data)

    round_ = AllocationRound.objects.get(note="Najaar")
    assert response.url == reverse("allocation_round", args=[round_.pk])
    assert round_.status == R.READY


def test_the_preview_shows_who_gets_what_and_the_comparison(coordinator, started, login):
    html = login(coordinator).get(reverse("allocation_round", args=[started.pk])).content.decode()

    assert "Samen koken Mechelen" in html
    assert "Amal Wacht" in html
    assert "First come, first served" in html
    assert "Confirm and offer the places" in html


def test_the_progress_fragment_polls_while_computing(coordinator, login, crowd):
    round_ = AllocationRound.objects.create(region=region("rivierenland"), progress=30,
                                            stage=AllocationRound.Stage.SCORING)  # fmt: skip
    url = reverse("allocation_round_progress", args=[round_.pk])

    response = login(coordinator).get(url, HTTP_HX_REQUEST="true")

    assert 'hx-trigger="every 1s"' in response.content.decode()
    assert "HX-Refresh" not in response


def test_the_progress_fragment_reloads_the_page_when_done(coordinator, login, started):
    url = reverse("allocation_round_progress", args=[started.pk])

    response = login(coordinator).get(url, HTTP_HX_REQUEST="true")

    assert response["HX-Refresh"] == "true"


def test_removing_and_confirming_from_the_page(coordinator, started, login):
    client = login(coordinator)
    assignment = started.assignments.first()
    client.post(reverse("allocation_assignment_remove", args=[started.pk, assignment.pk]))

    client.post(reverse("allocation_round_confirm", args=[started.pk]))

    assert Enrolment.objects.filter(status=Enrolment.Status.OFFERED).count() == 3


def test_a_confirmed_round_can_be_read_later_with_its_parameters(coordinator, started, login):
    allocation_services.confirm_allocation_round(round=started, by=coordinator)

    html = login(coordinator).get(reverse("allocation_round", args=[started.pk])).content.decode()

    assert "4 places were offered." in html
    assert "Priority for a compulsory trajectory" in html


def test_a_coordinator_of_another_region_gets_404(started, login):
    kempen = user_with_role(Role.COORDINATOR, region=region("kempen"))
    client = login(kempen)

    assert client.get(reverse("allocation_round", args=[started.pk])).status_code == 404
    assert client.post(reverse("allocation_round_confirm", args=[started.pk])).status_code == 404
    assert not Enrolment.objects.filter(status=Enrolment.Status.OFFERED).exists()


def test_a_coach_of_the_region_gets_404_on_allocation_pages(coach, started, login):
    client = login(coach)

    assert client.get(reverse("allocation_round_list")).status_code == 404
    assert client.get(reverse("allocation_round", args=[started.pk])).status_code == 404


# --- concurrency (PostgreSQL: the activity row lock) ---------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_offers_and_confirmations_racing_for_the_last_places_never_overbook():
    import threading

    from django.db import connection

    from pnt.trajectories import services
    from tests.factories import NewcomerFactory

    activity = cooking_nearby(capacity=5)
    offered_to = NewcomerFactory.create_batch(10, email="")
    requests = [
        services.request_enrolment(newcomer=n, activity=activity)
        for n in NewcomerFactory.create_batch(10, email="")
    ]
    jobs = [lambda n=n: allocation_services.offer_place(newcomer=n, activity=activity)
            for n in offered_to]  # fmt: skip
    jobs += [lambda e=e: services.confirm_enrolment(enrolment=e) for e in requests]
    start = threading.Barrier(len(jobs))

    def run(job):
        start.wait()
        try:
            job()
        except allocation_services.EnrolmentError:
            pass  # "no free place any more": refused, as it must be
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    held = Enrolment.objects.filter(activity=activity, status__in=Enrolment.HOLDS_PLACE)
    assert held.count() == 5
