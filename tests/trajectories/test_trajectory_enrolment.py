"""The enrolment state machine: requested → confirmed or waiting → attending → finished /
cancelled / no-show; free places are offered to the waiting list with an expiry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from pnt.trajectories import services
from pnt.trajectories.errors import EnrolmentError
from pnt.trajectories.models import Enrolment
from tests.factories import NewcomerFactory

pytestmark = pytest.mark.django_db
S = Enrolment.Status


def enrol(newcomer, activity):
    return services.confirm_enrolment(
        enrolment=services.request_enrolment(newcomer=newcomer, activity=activity)
    )


def test_a_request_starts_as_requested_and_confirms_when_there_is_a_place(newcomer, activity):
    enrolment = services.request_enrolment(newcomer=newcomer, activity=activity)
    assert enrolment.status == S.REQUESTED
    enrolment = services.confirm_enrolment(enrolment=enrolment)
    assert enrolment.status == S.CONFIRMED and enrolment.confirmed_at


def test_confirming_never_exceeds_capacity(activity):
    results = [enrol(NewcomerFactory(), activity).status for _ in range(4)]
    assert results == [S.CONFIRMED, S.CONFIRMED, S.WAITING, S.WAITING]
    assert activity.enrolments.filter(status__in=Enrolment.HOLDS_PLACE).count() == 2


def test_double_enrolment_is_a_clear_error_and_stores_nothing(newcomer, activity):
    services.request_enrolment(newcomer=newcomer, activity=activity)
    with pytest.raises(EnrolmentError, match="already enrolled"):
        services.request_enrolment(newcomer=newcomer, activity=activity)
    assert activity.enrolments.count() == 1


def test_after_a_cancellation_one_can_enrol_again(newcomer, activity):
    enrolment = enrol(newcomer, activity)
    services.cancel_enrolment(enrolment=enrolment)
    assert enrol(newcomer, activity).status == S.CONFIRMED


def test_confirming_twice_is_refused(newcomer, activity):
    enrolment = enrol(newcomer, activity)
    with pytest.raises(EnrolmentError, match="already confirmed"):
        services.confirm_enrolment(enrolment=enrolment)


def test_a_draft_activity_takes_no_requests(newcomer, activity):
    activity.status = "draft"
    activity.save()
    with pytest.raises(EnrolmentError):
        services.request_enrolment(newcomer=newcomer, activity=activity)


def voluntary_newcomer():
    newcomer = NewcomerFactory(obliged=False)
    newcomer.trajectory.compulsory = newcomer.pnt_compulsory
    newcomer.trajectory.save()
    return newcomer


def test_a_freed_place_goes_to_compulsory_first_then_the_longest_wait(activity):
    holders = [enrol(NewcomerFactory(), activity) for _ in range(2)]
    voluntary_early = enrol(voluntary_newcomer(), activity)
    compulsory_later = enrol(NewcomerFactory(), activity)
    compulsory_latest = enrol(NewcomerFactory(), activity)
    assert {voluntary_early.status, compulsory_later.status} == {S.WAITING}

    services.cancel_enrolment(enrolment=holders[0])
    offered = Enrolment.objects.get(status=S.OFFERED)
    assert offered == compulsory_later
    assert offered.offer_expires_at > timezone.now()

    services.mark_no_show(enrolment=holders[1])
    assert set(Enrolment.objects.filter(status=S.OFFERED)) == {compulsory_later, compulsory_latest}
    assert Enrolment.objects.get(pk=voluntary_early.pk).status == S.WAITING


def test_an_offered_place_is_accepted_or_declined(activity):
    holder = enrol(NewcomerFactory(), activity)
    enrol(NewcomerFactory(), activity)
    first, second = enrol(NewcomerFactory(), activity), enrol(NewcomerFactory(), activity)
    services.cancel_enrolment(enrolment=holder)
    services.decline_offer(enrolment=Enrolment.objects.get(pk=first.pk))
    assert Enrolment.objects.get(pk=second.pk).status == S.OFFERED
    accepted = services.accept_offer(enrolment=Enrolment.objects.get(pk=second.pk))
    assert accepted.status == S.CONFIRMED


def test_an_expired_offer_goes_to_the_next_in_line(activity):
    holder = enrol(NewcomerFactory(), activity)
    enrol(NewcomerFactory(), activity)
    first, second = enrol(NewcomerFactory(), activity), enrol(NewcomerFactory(), activity)
    services.cancel_enrolment(enrolment=holder)
    with pytest.raises(EnrolmentError, match="expired"):
        Enrolment.objects.filter(pk=first.pk).update(
            offer_expires_at=timezone.now() - dt.timedelta(minutes=1)
        )
        services.accept_offer(enrolment=Enrolment.objects.get(pk=first.pk))
    assert services.expire_offers() == 1
    assert Enrolment.objects.get(pk=first.pk).status == S.CANCELLED
    assert Enrolment.objects.get(pk=second.pk).status == S.OFFERED


def test_only_a_confirmed_place_can_be_a_no_show(newcomer, activity):
    enrolment = services.request_enrolment(newcomer=newcomer, activity=activity)
    with pytest.raises(EnrolmentError):
        services.mark_no_show(enrolment=enrolment)


def test_a_finished_enrolment_frees_its_place(activity):
    first = enrol(NewcomerFactory(), activity)
    enrol(NewcomerFactory(), activity)
    waiting = enrol(NewcomerFactory(), activity)
    services.finish_enrolment(enrolment=first)
    assert Enrolment.objects.get(pk=waiting.pk).status == S.OFFERED


def test_coach_enrols_from_the_trajectory_page(newcomer, activity, coach, login):
    client = login(coach)
    response = client.post(
        reverse("enrol", args=[newcomer.pk]), {"activity": activity.pk, "confirm_now": "on"}
    )
    assert response.status_code == 302
    assert newcomer.enrolments.get().status == S.CONFIRMED
    response = client.post(
        reverse("enrol", args=[newcomer.pk]), {"activity": activity.pk}, follow=True
    )
    assert "already enrolled" in response.content.decode()
    assert newcomer.enrolments.count() == 1


def test_provider_confirms_a_request_from_the_participants_page(
    newcomer, activity, provider_staff, login
):
    enrolment = services.request_enrolment(newcomer=newcomer, activity=activity)
    client = login(provider_staff)
    page = client.get(reverse("activity_participants", args=[activity.pk]))
    assert "Amina" in page.content.decode() and "Haddad" not in page.content.decode()
    response = client.post(reverse("enrolment_action", args=[enrolment.pk, "confirm"]))
    assert response.status_code == 302
    assert Enrolment.objects.get(pk=enrolment.pk).status == S.CONFIRMED


def test_another_provider_cannot_touch_the_enrolment(newcomer, activity, login):
    from pnt.accounts.models import Role
    from tests.factories import ProviderFactory, user_with_role

    other = user_with_role(Role.PROVIDER_STAFF, provider=ProviderFactory())
    enrolment = services.request_enrolment(newcomer=newcomer, activity=activity)
    response = login(other).post(reverse("enrolment_action", args=[enrolment.pk, "confirm"]))
    assert response.status_code == 404
    assert Enrolment.objects.get(pk=enrolment.pk).status == S.REQUESTED
