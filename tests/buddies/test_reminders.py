"""Follow-up reminders fire when due, once, to the pair's coach."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from pnt.buddies import services
from pnt.buddies.models import FOLLOW_UP_DAYS
from pnt.buddies.tasks import send_follow_up_reminders
from tests.buddies.helpers import active_pair, coach

pytestmark = pytest.mark.django_db


def test_nothing_is_sent_before_the_follow_up_is_due():
    active_pair(by=coach(), started_days_ago=FOLLOW_UP_DAYS[0] - 1)
    assert services.remind_follow_ups() == 0
    assert mail.outbox == []


def test_a_due_follow_up_reminds_the_coach_once():
    user = coach()
    pair, _key = active_pair(by=user, started_days_ago=FOLLOW_UP_DAYS[0] + 1)
    assert send_follow_up_reminders.call() == 1
    assert send_follow_up_reminders.call() == 0
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert pair.newcomer.first_name in mail.outbox[0].subject
    assert f"/buddies/pairs/{pair.pk}/" in mail.outbox[0].body


def test_a_recorded_follow_up_is_not_reminded():
    user = coach()
    pair, _key = active_pair(by=user, started_days_ago=FOLLOW_UP_DAYS[0] + 1)
    services.record_follow_up(pair=pair, by=user, on=timezone.localdate(), note="ok")
    assert services.remind_follow_ups() == 0


def test_the_second_follow_up_fires_later():
    user = coach()
    active_pair(by=user, started_days_ago=FOLLOW_UP_DAYS[0] + 1)
    later = timezone.localdate() + dt.timedelta(days=FOLLOW_UP_DAYS[1] - FOLLOW_UP_DAYS[0])
    assert services.remind_follow_ups() == 1
    assert services.remind_follow_ups(today=later) == 1


def test_the_command_sends_due_reminders(capsys):
    active_pair(by=coach(), started_days_ago=FOLLOW_UP_DAYS[0] + 1)
    call_command("buddy_reminders", "--now")
    assert "1 reminder" in capsys.readouterr().out
    assert len(mail.outbox) == 1
