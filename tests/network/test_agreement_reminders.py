"""An agreement's renewal reminder goes to the region's coordinators once it enters its
notice period — once per end date, again after a renewal."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from pnt.network import services
from tests.network.factories import AgreementFactory, PartnerFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 1)


@pytest.fixture
def agreement(coordinator):
    # Ends 1 June 2026; with 90 days' notice, the reminder is due on 3 March 2026.
    return AgreementFactory(
        title="Overeenkomst Compagnons",
        starts_on=dt.date(2024, 6, 1),
        ends_on=dt.date(2026, 6, 1),
        notice_days=90,
        parties=[PartnerFactory(name="Stad Mechelen")],
    )


def test_nothing_is_sent_before_the_notice_period(agreement):
    assert services.remind_expiring_agreements(today=TODAY) == 0
    assert mail.outbox == []


def test_the_coordinator_hears_when_the_notice_period_starts(agreement, coordinator):
    sent = services.remind_expiring_agreements(today=dt.date(2026, 3, 3))
    assert sent == 1
    [message] = mail.outbox
    assert message.to == [coordinator.email]
    assert "Overeenkomst Compagnons" in message.subject
    assert "Stad Mechelen" in message.body


def test_the_reminder_goes_out_once_per_end_date(agreement):
    services.remind_expiring_agreements(today=dt.date(2026, 3, 3))
    assert services.remind_expiring_agreements(today=dt.date(2026, 3, 4)) == 0
    assert len(mail.outbox) == 1


def test_a_renewed_agreement_is_reminded_again_before_its_new_end(agreement, coordinator):
    services.remind_expiring_agreements(today=dt.date(2026, 3, 3))
    services.renew_agreement(agreement=agreement, by=coordinator, ends_on=dt.date(2029, 6, 1))
    assert services.remind_expiring_agreements(today=dt.date(2026, 3, 5)) == 0
    assert services.remind_expiring_agreements(today=dt.date(2029, 3, 3)) == 1


def test_an_expired_agreement_is_not_reminded(agreement):
    assert services.remind_expiring_agreements(today=dt.date(2026, 6, 2)) == 0


def test_the_state_shows_expiring_within_the_notice_period(agreement):
    assert agreement.state(TODAY) == "active"
    assert agreement.state(dt.date(2026, 3, 3)) == "expiring"
    assert agreement.state(dt.date(2026, 6, 2)) == "expired"


def test_the_command_sends_the_reminders_now(coordinator):
    today = timezone.localdate()
    AgreementFactory(ends_on=today + dt.timedelta(days=30), notice_days=60)
    out = io.StringIO()
    call_command("network_reminders", "--now", stdout=out)
    assert len(mail.outbox) == 1
    assert "1 agreements" in out.getvalue()
