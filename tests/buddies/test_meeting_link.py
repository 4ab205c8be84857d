"""The volunteer's secret link: logs meetings of its own pair, sees and changes nothing else."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from pnt.buddies import services
from pnt.buddies.models import Meeting, Pair
from pnt.trajectories.models import Trajectory
from tests.buddies.helpers import PUTTE, active_pair, coach

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_pairs():
    user = coach()
    first = active_pair(by=user)
    second = active_pair(by=user, nis=PUTTE)
    services.log_meeting(
        pair=second[0], date=timezone.localdate(), hours=Decimal("1"), what="Geheim uitstapje"
    )
    return first, second


def _log(client, key, **data):
    data = {"date": timezone.localdate().isoformat(), "hours": "2", "what": "Samen gekookt", **data}
    return client.post(reverse("buddy_meeting_link", args=[key]), data)


def test_the_link_logs_a_meeting_and_the_hours_count(client, two_pairs):
    (pair, key), _second = two_pairs
    response = _log(client, key)
    assert response.status_code == 302
    meeting = Meeting.objects.get(pair=pair)
    assert (meeting.hours, meeting.logged_via, meeting.logged_by) == (Decimal("2"), "link", None)
    assert Trajectory.objects.get(newcomer=pair.newcomer).hours == Decimal("2")


def test_the_link_page_shows_only_its_own_pair(client, two_pairs):
    (pair, key), (other, _other_key) = two_pairs
    html = client.get(reverse("buddy_meeting_link", args=[key])).content.decode()
    assert pair.volunteer.first_name in html
    assert other.newcomer.last_name not in html
    assert other.volunteer.first_name not in html
    assert "Geheim uitstapje" not in html
    assert pair.newcomer.last_name not in html  # first names only


def test_a_link_cannot_change_another_pair(client, two_pairs):
    (_pair, key), (other, _other_key) = two_pairs
    _log(client, key, pair=other.pk, pair_id=other.pk)
    assert other.meetings.count() == 1  # only the coach's meeting


def test_a_wrong_or_old_key_is_404(client, two_pairs):
    (pair, key), _second = two_pairs
    assert client.get(reverse("buddy_meeting_link", args=["nope" * 8])).status_code == 404
    services.new_meeting_link(pair=pair, by=None)
    assert client.get(reverse("buddy_meeting_link", args=[key])).status_code == 404
    assert _log(client, key).status_code == 404
    assert not Meeting.objects.filter(pair=pair).exists()


def test_the_link_opens_no_staff_page(client, two_pairs):
    (pair, key), _second = two_pairs
    client.get(reverse("buddy_meeting_link", args=[key]))
    for url in [
        reverse("buddy_pair", args=[pair.pk]),
        reverse("buddy_board"),
        reverse("newcomer_detail", args=[pair.newcomer_id]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_future_meeting_is_refused_with_a_message(client, two_pairs):
    (pair, key), _second = two_pairs
    tomorrow = timezone.localdate().toordinal() + 1
    from datetime import date

    response = _log(client, key, date=date.fromordinal(tomorrow).isoformat())
    assert response.status_code == 200
    assert not Meeting.objects.filter(pair=pair).exists()


def test_after_the_end_the_volunteer_answers_the_questionnaire(client, two_pairs):
    user = coach()
    (pair, key), _second = two_pairs
    services.end_pair(pair=pair, by=user, on=timezone.localdate(), completed=True)
    page = client.get(reverse("buddy_meeting_link", args=[key]))
    assert page.status_code == 200 and 'name="helpful"' in page.content.decode()
    client.post(
        reverse("buddy_meeting_link_evaluation", args=[key]),
        {"helpful": "4", "enjoyed": "5", "keeps_in_touch": "on"},
    )
    evaluation = Pair.objects.get(pk=pair.pk).evaluations.get()
    assert (evaluation.side, evaluation.helpful) == ("volunteer", 4)
    assert evaluation.keeps_in_touch
    assert client.get(reverse("buddy_meeting_link", args=[key])).status_code == 404
