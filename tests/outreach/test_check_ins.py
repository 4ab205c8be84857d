"""Check-ins 3 and 6 months after the PNT: the coach's reminder, the newcomer's question by
e-mail, and the secret link that answers its own question and nothing else."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from pnt.outreach import services
from pnt.outreach.models import CheckIn
from tests.outreach.conftest import completed_newcomer

pytestmark = pytest.mark.django_db

THREE_MONTHS_LATER = dt.date(2025, 4, 20)


def _send(day=THREE_MONTHS_LATER) -> int:
    return services.send_due_check_ins(today=day)


def test_nothing_is_sent_before_the_check_in_is_due(follow_on):
    assert _send(THREE_MONTHS_LATER - dt.timedelta(days=1)) == 0
    assert mail.outbox == []


def test_the_coach_who_recorded_it_is_reminded(follow_on, coach):
    _send()
    [to_coach] = [m for m in mail.outbox if m.to == [coach.email]]
    assert "Amina" in to_coach.subject


def test_the_newcomer_gets_one_question_in_dutch_and_in_their_language(follow_on):
    _send()
    [question] = [m for m in mail.outbox if m.to == ["amina@example.org"]]
    assert "Doe je nu nog mee" in question.body
    assert "هل ما زلت تشارك" in question.body
    assert "/check-in/" in question.body


def test_a_second_run_sends_nothing_again(follow_on):
    assert _send() == 1
    sent = len(mail.outbox)
    assert _send() == 0
    assert len(mail.outbox) == sent


def test_only_the_due_check_in_is_sent(follow_on):
    _send()
    states = dict(follow_on.check_ins.values_list("months", "sent_at"))
    assert states[3] is not None
    assert states[6] is None


def test_an_answered_check_in_is_not_asked_again(follow_on):
    check_in = follow_on.check_ins.get(months=3)
    services.answer_check_in(check_in=check_in, answer="same", via="phone")
    assert _send() == 0


def test_without_an_e_mail_address_only_the_coach_hears(coach):
    newcomer = completed_newcomer(first_name="Samir", email="")
    services.record_follow_on(newcomer=newcomer, destination="club", by=coach,
                              on=dt.date(2025, 1, 20))  # fmt: skip
    _send()
    assert [m.to for m in mail.outbox] == [[coach.email]]


def test_the_command_sends_now(follow_on, settings):
    CheckIn.objects.filter(pk__in=follow_on.check_ins.values("pk")).update(
        due_on=dt.date(2000, 1, 1)
    )
    call_command("follow_on_check_ins", "--now")
    assert CheckIn.objects.filter(follow_on=follow_on, sent_at__isnull=False).count() == 2


def test_the_job_is_scheduled_daily(settings):
    path, seconds = settings.PNT_SCHEDULE["follow_on_check_ins"]
    assert path == "pnt.outreach.tasks.send_check_ins"
    assert seconds == 24 * 60 * 60


# --- the link ----------------------------------------------------------------------------------


def _keyed(follow_on, months: int) -> tuple[CheckIn, str]:
    check_in = follow_on.check_ins.get(months=months)
    key = check_in.new_key()
    check_in.due_on = dt.date.today()
    check_in.save()
    return check_in, key


def test_the_e_mailed_link_opens_its_check_in(follow_on):
    _send()
    [question] = [m for m in mail.outbox if m.to == ["amina@example.org"]]
    path = re.search(r"/check-in/[^/\s]+/", question.body).group(0)
    CheckIn.objects.filter(follow_on=follow_on, months=3).update(due_on=dt.date.today())
    response = Client().get(path)
    assert response.status_code == 200
    assert "Amina" in response.content.decode()


def test_the_link_answers_its_own_question(follow_on):
    check_in, key = _keyed(follow_on, 3)
    Client().post(reverse("check_in_link", args=[key]), {"answer": "other"})
    check_in.refresh_from_db()
    assert (check_in.answer, check_in.answered_via) == ("other", "link")


def test_the_link_answers_no_other_question(follow_on):
    _three, key = _keyed(follow_on, 3)
    six, _other_key = _keyed(follow_on, 6)
    Client().post(reverse("check_in_link", args=[key]), {"answer": "stopped", "pk": six.pk})
    six.refresh_from_db()
    assert six.answer == ""


def test_a_link_of_another_newcomer_does_not_touch_this_one(follow_on, coach):
    other = services.record_follow_on(
        newcomer=completed_newcomer(first_name="Oleh"), destination="study", by=coach
    )
    _mine, key = _keyed(follow_on, 3)
    theirs, _theirs_key = _keyed(other, 3)
    Client().post(reverse("check_in_link", args=[key]), {"answer": "same"})
    theirs.refresh_from_db()
    assert theirs.answer == ""


def test_an_answered_link_cannot_change_the_answer(follow_on):
    check_in, key = _keyed(follow_on, 3)
    url = reverse("check_in_link", args=[key])
    Client().post(url, {"answer": "same"})
    Client().post(url, {"answer": "stopped"})
    check_in.refresh_from_db()
    assert check_in.answer == "same"


def test_an_unknown_key_is_not_found(follow_on):
    assert Client().get(reverse("check_in_link", args=["guess"])).status_code == 404


def test_an_old_link_expires(follow_on):
    check_in, key = _keyed(follow_on, 3)
    CheckIn.objects.filter(pk=check_in.pk).update(due_on=dt.date.today() - dt.timedelta(days=91))
    assert Client().get(reverse("check_in_link", args=[key])).status_code == 404


def test_the_page_speaks_the_newcomers_language(follow_on):
    _check_in, key = _keyed(follow_on, 3)
    html = Client().get(reverse("check_in_link", args=[key])).content.decode()
    assert 'lang="ar" dir="rtl"' in html
    assert "نعم، في شيء آخر" in html


def test_the_page_is_not_cached(follow_on):
    _check_in, key = _keyed(follow_on, 3)
    response = Client().get(reverse("check_in_link", args=[key]))
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
