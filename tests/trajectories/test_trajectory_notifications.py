"""E-mails: queued in the service's transaction, sent after commit by the worker, once."""

from __future__ import annotations

import pytest
from django.core import mail

from pnt.trajectories import services, tasks
from pnt.trajectories.models import Notification
from tests.factories import NewcomerFactory

pytestmark = pytest.mark.django_db


def enrol(newcomer, activity):
    return services.confirm_enrolment(
        enrolment=services.request_enrolment(newcomer=newcomer, activity=activity)
    )


def test_confirmation_mails_the_newcomer_and_the_coach_after_commit(
    newcomer, activity, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrol(newcomer, activity)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([newcomer.email, newcomer.coach.email])
    assert "Praattafel De Brug" in mail.outbox[0].subject
    assert Notification.objects.filter(sent_at__isnull=False).count() == 2


def test_nothing_is_sent_before_the_transaction_commits(newcomer, activity):
    enrol(newcomer, activity)  # the test's transaction never commits
    assert mail.outbox == []
    assert Notification.objects.filter(sent_at__isnull=True).count() == 2


def test_a_retried_task_sends_nothing_twice(newcomer, activity, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enrol(newcomer, activity)
    notification = Notification.objects.filter(to=newcomer.email).get()
    assert tasks.send_notification.call(notification.pk) is False
    assert len(mail.outbox) == 2


def test_mail_is_in_dutch_first_then_the_newcomers_language(
    coach, activity, django_capture_on_commit_callbacks
):
    newcomer = NewcomerFactory(preferred_language="en", coach=None)
    with django_capture_on_commit_callbacks(execute=True):
        enrol(newcomer, activity)
    [message] = mail.outbox
    dutch, english = message.body.split("\n---\n")
    # Rendered under Dutch, then under English ("Time" is translated already; the new
    # sentences follow once the translators add them).
    assert "Tijd:" in dutch and "Time:" not in dutch
    assert "Time:" in english and "is confirmed" in english


def test_a_dutch_speaking_newcomer_gets_one_text(activity, django_capture_on_commit_callbacks):
    newcomer = NewcomerFactory(preferred_language="nl", coach=None)
    with django_capture_on_commit_callbacks(execute=True):
        enrol(newcomer, activity)
    assert "---" not in mail.outbox[0].body


def test_waiting_list_and_offer_mails(activity, django_capture_on_commit_callbacks):
    people = [NewcomerFactory(coach=None) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        first = enrol(people[0], activity)
        enrol(people[1], activity)
        enrol(people[2], activity)
    kinds = list(Notification.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["confirmed", "confirmed", "waiting"]
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_enrolment(enrolment=first)
    offer = Notification.objects.get(kind="offer")
    assert offer.to == people[2].email and offer.sent_at is not None


def test_reminder_before_the_first_session_is_sent_once(
    newcomer, activity, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from pnt.trajectories.models import ActivitySession

    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    ActivitySession.objects.create(
        activity=activity, date=tomorrow, start=dt.time(18), end=dt.time(20)
    )
    enrol(newcomer, activity)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_session_reminders(day=tomorrow) == 1
        assert services.send_session_reminders(day=tomorrow) == 0
    assert Notification.objects.get(kind="reminder").sent_at is not None


def test_asking_for_proof_mails_the_provider(
    newcomer, activity, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from pnt.trajectories.models import ActivitySession

    enrolment = enrol(newcomer, activity)
    session = ActivitySession.objects.create(
        activity=activity, date=timezone.localdate(), start=dt.time(8), end=dt.time(10)
    )
    services.record_attendance(session=session, marks=[services.Mark(enrolment.pk, "present")],
                               by=None)  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        services.request_proof(newcomer=newcomer, activity=activity, by=None)
    [message] = [m for m in mail.outbox if m.to == [activity.provider.email]]
    assert "Praattafel De Brug" in message.subject
