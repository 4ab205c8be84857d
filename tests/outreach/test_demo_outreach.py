"""Follow-on in the demo region: completed newcomers went on somewhere, their check-ins are
planned, answered or waiting as the dates say, and the coach's list and the follow-on
figures have something to show.

The region is seeded once for the module and deleted again afterwards (as in
tests/web/test_demo_data.py); tests run inside their own transaction.
"""

from __future__ import annotations

import hashlib

import pytest
from django.db.models import F, Q
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from pnt.accounts.models import User
from pnt.geo.models import Region
from pnt.outreach import figures, queries
from pnt.outreach.models import CheckIn, Destination, FollowOn, LeadsTo, RegularOffer
from pnt.outreach.services import add_months
from pnt.trajectories.models import Trajectory
from pnt.web.demo import reset, seed

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _outreach_fingerprint() -> str:
    """The follow-ons and check-ins by name, destination, dates and answers (not by key)."""
    digest = hashlib.sha256()
    rows = CheckIn.objects.order_by("follow_on__newcomer_id", "follow_on__occasion", "months")
    rows = rows.values_list(
        "follow_on__newcomer__first_name", "follow_on__newcomer__last_name",
        "follow_on__destination", "follow_on__activity__title", "months", "due_on", "answer",
        "answered_via",
    )  # fmt: skip
    for row in rows:
        digest.update(repr(row).encode())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    today = timezone.localdate()
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHER):
        seed(scale="region", seed=42, today=today)
        made = {"today": today, "fingerprint": _outreach_fingerprint()}
    try:
        yield made
    finally:
        with django_db_blocker.unblock():
            reset()


@pytest.fixture
def coach(demo):
    return User.objects.get(username="coach")


@pytest.fixture
def rivierenland(demo):
    return Region.objects.get(slug="rivierenland")


def _in_rivierenland(rows, path: str = "newcomer"):
    return rows.filter(**{f"{path}__municipality__regions__slug": "rivierenland"})


# --- follow-ons ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_completed_newcomers_went_on_to_every_kind_of_destination(demo):
    present = set(_in_rivierenland(FollowOn.objects).values_list("destination", flat=True))
    assert present == set(Destination.values)


@pytest.mark.django_db
def test_most_completed_newcomers_have_a_follow_on(demo):
    completed = _in_rivierenland(Trajectory.objects, "newcomer").filter(status="completed")
    followed = completed.filter(newcomer__follow_ons__occasion="completed")
    assert followed.count() > 0.6 * completed.count()


@pytest.mark.django_db
def test_some_completed_newcomers_are_still_to_record(coach):
    assert queries.completed_without_follow_on(coach).exists()


@pytest.mark.django_db
def test_ended_buddy_pairs_have_follow_ons_too(demo):
    assert FollowOn.objects.filter(occasion="pair_ended", pair__isnull=False).exists()


@pytest.mark.django_db
def test_a_follow_on_is_recorded_after_the_40_hours_and_never_in_the_future(demo):
    completed = FollowOn.objects.filter(occasion="completed")
    assert completed.exists()
    assert not completed.filter(recorded_on__lt=F("newcomer__trajectory__completed_on")).exists()
    assert not FollowOn.objects.filter(recorded_on__gt=demo["today"]).exists()


@pytest.mark.django_db
def test_follow_on_activities_are_published_regular_offer(demo):
    with_activity = FollowOn.objects.filter(activity__isnull=False)
    assert with_activity.exists()
    regular = queries.regular_offer_choices()
    assert not with_activity.exclude(activity__in=regular).exists()


@pytest.mark.django_db
def test_some_pnt_activities_lead_on_to_regular_offer_in_their_municipality(demo):
    links = LeadsTo.objects.all()
    assert links.exists()
    assert not links.exclude(regular__in=RegularOffer.objects.values("activity")).exists()
    assert not links.exclude(regular__municipality=F("activity__municipality")).exists()


# --- check-ins -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_check_ins_are_due_three_and_six_months_after_the_follow_on(demo):
    rows = CheckIn.objects.values_list("months", "due_on", "follow_on__recorded_on")
    assert rows
    for months, due_on, recorded_on in rows:
        assert due_on == add_months(recorded_on, months)


@pytest.mark.django_db
@pytest.mark.parametrize("months", CheckIn.MONTHS)
def test_check_ins_are_answered_after_three_and_after_six_months(demo, months):
    answered = _in_rivierenland(CheckIn.objects, "follow_on__newcomer").exclude(answer="")
    assert answered.filter(months=months, answer__in=CheckIn.ACTIVE).exists()
    assert answered.filter(months=months, answer="stopped").exists()


@pytest.mark.django_db
def test_planned_check_ins_are_neither_asked_nor_answered(demo):
    planned = CheckIn.objects.filter(due_on__gt=demo["today"])
    assert planned.exists()
    assert not planned.filter(Q(sent_at__isnull=False) | ~Q(answer="")).exists()


@pytest.mark.django_db
def test_no_answer_comes_before_its_check_in_was_due_or_after_now(demo):
    now = timezone.now()
    for due_on, answered_at in CheckIn.objects.exclude(answer="").values_list(
        "due_on", "answered_at"
    ):
        assert due_on <= timezone.localtime(answered_at).date()
        assert answered_at <= now


@pytest.mark.django_db
def test_answers_through_the_link_follow_a_question_sent(demo):
    by_link = CheckIn.objects.filter(answered_via=CheckIn.Via.LINK)
    assert by_link.exists()
    assert not by_link.filter(Q(sent_at__isnull=True) | Q(answered_at__lt=F("sent_at"))).exists()


@pytest.mark.django_db
def test_answers_given_to_the_coach_say_who_recorded_them(demo):
    told = _in_rivierenland(CheckIn.objects, "follow_on__newcomer").filter(
        answered_via__in=[CheckIn.Via.PHONE, CheckIn.Via.IN_PERSON, CheckIn.Via.MESSAGE]
    )
    assert told.exists()
    assert not told.filter(answered_by__isnull=True).exists()


# --- what the coach and the coordinator see ------------------------------------------------------


@pytest.mark.django_db
def test_the_coach_has_check_ins_waiting_for_an_answer(coach, demo):
    waiting = queries.check_ins(coach).filter(due_on__lte=demo["today"], answer="")
    assert waiting.exists()


@pytest.mark.django_db
def test_the_coachs_list_shows_what_to_record_and_what_waits(coach, demo):
    client = Client()
    client.force_login(coach)
    html = client.get(reverse("follow_on_list")).content.decode()
    to_record = queries.completed_without_follow_on(coach).order_by(
        "-trajectory__completed_on", "last_name"
    )[0]
    waiting = (
        queries.check_ins(coach).filter(due_on__lte=demo["today"], answer="").order_by("due_on")[0]
    )
    assert reverse("follow_on_record", args=[to_record.pk]) in html
    assert reverse("check_in_answer", args=[waiting.pk]) in html


@pytest.mark.django_db
def test_the_kempen_follow_ons_stay_out_of_the_rivierenland_coachs_view(coach):
    kempen = FollowOn.objects.filter(newcomer__municipality__regions__slug="kempen")
    assert kempen.exists()
    assert not queries.follow_ons(coach).filter(pk__in=kempen).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("months", CheckIn.MONTHS)
def test_the_follow_on_figures_of_rivierenland_show_a_share(rivierenland, months):
    assert figures.region_share(rivierenland, months).share is not None


@pytest.mark.django_db
def test_the_figures_show_which_pnt_activities_lead_on(rivierenland):
    leading = figures.leading_activities(rivierenland)
    assert any(activity.followed >= queries.threshold() for activity in leading)


# --- determinism and reset -----------------------------------------------------------------------


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_follow_ons(demo):
    reset()
    with override_settings(PASSWORD_HASHERS=FAST_HASHER):
        seed(scale="region", seed=42, today=demo["today"])
    assert _outreach_fingerprint() == demo["fingerprint"]


@pytest.mark.django_db
def test_a_reset_deletes_the_follow_ons_and_the_regular_offer_marks(demo):
    reset()
    assert not FollowOn.objects.exists()
    assert not CheckIn.objects.exists()
    assert not RegularOffer.objects.exists()
    assert not LeadsTo.objects.exists()
