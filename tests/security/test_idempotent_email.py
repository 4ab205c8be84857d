"""Reliability of e-mail tasks: a task that fails is retried and then sends exactly once;
a task run twice (a retry after a lost acknowledgement) sends nothing the second time.

The e-mails of the trajectories are stored once by key (pnt.trajectories.Notification) and
marked sent under a row lock; the buddy reminders mark the follow-up under a row lock."""

from __future__ import annotations

import smtplib

import pytest
from django.core import mail

from pnt.trajectories.models import Notification
from pnt.trajectories.tasks import send_notification
from tests.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def notification():
    enrolment = EnrolmentFactory()
    return Notification.objects.create(
        key=f"confirmed:{enrolment.pk}", kind="confirmed", to="yasmina@example.org",
        enrolment=enrolment,
    )  # fmt: skip


def test_running_the_task_twice_sends_once(notification):
    assert send_notification.call(notification.pk) is True
    assert send_notification.call(notification.pk) is False
    assert len(mail.outbox) == 1


def test_a_failed_send_is_retried_and_then_sent_once(notification, monkeypatch):
    def refused(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("mail server went away")

    with monkeypatch.context() as patch:
        patch.setattr("pnt.trajectories.tasks.send_mail", refused)
        with pytest.raises(smtplib.SMTPServerDisconnected):
            send_notification.call(notification.pk)
    notification.refresh_from_db()
    assert notification.sent_at is None
    assert send_notification.call(notification.pk) is True
    assert send_notification.call(notification.pk) is False
    assert len(mail.outbox) == 1


def test_the_same_event_twice_stores_one_email():
    from pnt.trajectories import notifications

    enrolment = EnrolmentFactory()
    notifications.enrolment_waiting(enrolment)
    notifications.enrolment_waiting(enrolment)
    assert Notification.objects.filter(key=f"waiting:{enrolment.pk}").count() == 1
