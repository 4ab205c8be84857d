"""A newcomer opts in to the buddy project; the conditions of the sources are checked."""

from __future__ import annotations

import pytest
from django.utils import timezone

from pnt.buddies import services
from pnt.buddies.errors import BuddyError
from pnt.buddies.models import BuddyRequest
from tests.buddies.helpers import coach, waiting_request
from tests.factories import NewcomerFactory, municipality

pytestmark = pytest.mark.django_db


def _ask(newcomer, **kwargs):
    kwargs.setdefault("commits_six_months", True)
    return services.request_buddy(newcomer=newcomer, by=None, **kwargs)


def test_it_puts_an_eligible_newcomer_on_the_waiting_list():
    request = waiting_request(interests=["football"])
    assert request.status == BuddyRequest.Status.WAITING
    assert "football" in request.interests


def test_compulsory_trajectories_get_priority():
    compulsory = waiting_request()
    voluntary_person = NewcomerFactory(trajectory__compulsory=False)
    voluntary = _ask(voluntary_person)
    assert (compulsory.priority, voluntary.priority) == (0, 1)


def test_it_refuses_a_minor():
    minor = NewcomerFactory(birth_year=timezone.localdate().year - 16)
    with pytest.raises(BuddyError, match="adults"):
        _ask(minor)


def test_without_basic_dutch_it_advises_a_conversation_table():
    beginner = NewcomerFactory(dutch_level=0)
    with pytest.raises(BuddyError, match="conversation table"):
        _ask(beginner)


def test_it_refuses_someone_living_outside_any_region():
    from pnt.geo.models import Municipality

    outside = Municipality.objects.filter(regions__isnull=True).first()
    with pytest.raises(BuddyError, match="region"):
        _ask(NewcomerFactory(municipality=outside))


def test_it_needs_the_six_month_commitment():
    with pytest.raises(BuddyError, match="six months"):
        _ask(NewcomerFactory(), commits_six_months=False)


def test_one_open_request_per_newcomer():
    request = waiting_request()
    with pytest.raises(BuddyError, match="already asked"):
        _ask(request.newcomer)


def test_the_page_shows_why_it_is_not_possible_yet(client):
    user = coach()
    beginner = NewcomerFactory(dutch_level=0, municipality=municipality("12025"))
    client.force_login(user)
    response = client.get(f"/buddies/newcomers/{beginner.pk}/ask/")
    assert response.status_code == 200
    assert "conversation table" in response.content.decode() or "praattafel" in (
        response.content.decode()
    )
