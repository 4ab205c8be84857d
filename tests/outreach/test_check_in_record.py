"""The coach records a check-in answer the newcomer gave by phone, in person or by message:
the same answers as the link, who recorded it and on which day; audited; scoped (404)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from pnt.accounts.models import AuditEntry, Role
from pnt.outreach import services
from pnt.outreach.errors import OutreachError
from pnt.outreach.forms import CheckInAnswerForm, CheckInRecordForm
from pnt.outreach.models import CheckIn
from tests.factories import (
    ActivityFactory,
    EnrolmentFactory,
    ProviderFactory,
    region,
    user_with_role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_months(follow_on) -> CheckIn:
    return follow_on.check_ins.get(months=3)


def _login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(check_in: CheckIn) -> str:
    return reverse("check_in_answer", args=[check_in.pk])


def _post(user, check_in: CheckIn, **changes):
    data = {"answer": "same", "via": "phone", "answered_on": timezone.localdate().isoformat()}
    data.update(changes)
    return _login(user).post(_url(check_in), data)


# --- recording ---------------------------------------------------------------------------------


def test_the_coach_records_an_answer_given_by_phone(coach, three_months):
    response = _post(coach, three_months, answer="other")
    three_months.refresh_from_db()
    assert response.status_code == 302
    assert (three_months.answer, three_months.answered_via) == ("other", "phone")


def test_it_keeps_who_recorded_the_answer(coach, three_months):
    _post(coach, three_months)
    three_months.refresh_from_db()
    assert three_months.answered_by == coach


def test_it_keeps_the_day_the_newcomer_answered(coach, three_months):
    _post(coach, three_months, answered_on="2025-04-25")
    three_months.refresh_from_db()
    assert timezone.localtime(three_months.answered_at).date() == dt.date(2025, 4, 25)


def test_after_saving_the_coach_is_back_on_the_follow_on_page(coach, three_months, amina):
    response = _post(coach, three_months)
    assert response["Location"] == reverse("follow_on_record", args=[amina.pk])


def test_recording_is_audited(coach, three_months, follow_on):
    _post(coach, three_months, via="person")
    entry = AuditEntry.objects.filter(user=coach, action="change").latest("pk")
    assert (entry.object_type, entry.object_id) == ("outreach.followon", str(follow_on.pk))
    assert "person" in entry.detail


def test_the_coach_sees_the_same_answers_as_the_newcomers_link(three_months):
    coach_choices = [value for value, _label in CheckInRecordForm(check_in=three_months)
                     .fields["answer"].choices]  # fmt: skip
    link_choices = [value for value, _label in CheckInAnswerForm().fields["answer"].choices]
    assert coach_choices == link_choices == CheckIn.Answer.values


def test_the_follow_on_page_offers_to_record_a_due_check_in(coach, follow_on, amina):
    html = _login(coach).get(reverse("follow_on_record", args=[amina.pk])).content.decode()
    assert _url(follow_on.check_ins.get(months=3)) in html


def test_the_recorded_answer_shows_how_it_was_given(coach, three_months, amina):
    _post(coach, three_months)
    html = _login(coach).get(_url(three_months)).content.decode()
    assert "by phone" in html
    assert escape(coach.get_full_name()) in html


def test_afterwards_the_newcomers_link_only_says_thank_you(coach, three_months):
    key = three_months.new_key()
    three_months.save()
    _post(coach, three_months, answer="stopped")
    html = Client().get(reverse("check_in_link", args=[key])).content.decode()
    assert 'name="answer"' not in html


# --- what is refused ---------------------------------------------------------------------------


def test_an_answer_already_given_through_the_link_is_not_changed(coach, three_months):
    services.answer_check_in(check_in=three_months, answer="same")
    _post(coach, three_months, answer="stopped")
    three_months.refresh_from_db()
    assert (three_months.answer, three_months.answered_via) == ("same", "link")


def test_a_day_in_the_future_is_refused(coach, three_months):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = _post(coach, three_months, answered_on=tomorrow.isoformat())
    three_months.refresh_from_db()
    assert response.status_code == 400
    assert three_months.answer == ""


def test_a_check_in_far_from_due_cannot_be_answered_yet(coach, three_months):
    CheckIn.objects.filter(pk=three_months.pk).update(
        due_on=timezone.localdate() + dt.timedelta(days=30)
    )
    response = _post(coach, three_months)
    three_months.refresh_from_db()
    assert response.status_code == 400
    assert three_months.answer == ""


def test_the_coach_cannot_pretend_the_link_was_used(coach, three_months):
    response = _post(coach, three_months, via="link")
    assert response.status_code == 400


def test_the_service_refuses_a_day_in_the_future(coach, three_months):
    with pytest.raises(OutreachError):
        services.record_check_in_answer(
            check_in=three_months, answer="same", via="phone", by=coach,
            answered_on=timezone.localdate() + dt.timedelta(days=1),
        )  # fmt: skip


# --- scope -------------------------------------------------------------------------------------


def test_a_coach_of_another_region_gets_404_and_changes_nothing(three_months):
    kempen_coach = user_with_role(Role.COACH, region=region("kempen"))
    assert _login(kempen_coach).get(_url(three_months)).status_code == 404
    assert _post(kempen_coach, three_months).status_code == 404
    three_months.refresh_from_db()
    assert three_months.answer == ""


def test_the_newcomers_provider_gets_404(three_months, amina):
    provider = ProviderFactory()
    EnrolmentFactory(newcomer=amina, activity=ActivityFactory(provider=provider),
                     status="finished")  # fmt: skip
    staff = user_with_role(Role.PROVIDER_STAFF, provider=provider)
    assert _post(staff, three_months).status_code == 404
    three_months.refresh_from_db()
    assert three_months.answer == ""


def test_anonymous_visitors_are_sent_to_the_login_page(three_months):
    response = Client().get(_url(three_months))
    assert response.status_code == 302
    assert "login" in response["Location"]
