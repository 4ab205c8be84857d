"""The demo generator and its commands: deterministic, realistic, within the rules.

The region is seeded once for the module (about a second) and deleted again afterwards;
tests that change the data run inside their own transaction, which rolls back.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count, F, Q
from django.test import override_settings
from django.utils import timezone

from pnt.accounts.models import Membership, Role, User
from pnt.offer.models import Activity, Provider
from pnt.trajectories.models import Enrolment, Newcomer, Trajectory
from pnt.web.demo import DEMO_LOGINS, DEMO_PASSWORD, fingerprint, reset, seed
from pnt.web.management.commands import serve as serve_command

FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass(frozen=True)
class Demo:
    today: dt.date
    fingerprint: str
    counts: dict[str, int]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker) -> Demo:
    today = timezone.localdate()
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHER):
        counts = seed(scale="region", seed=42, today=today)
        made = Demo(today, fingerprint(), counts)
    try:
        yield made
    finally:
        with django_db_blocker.unblock():
            reset()


def _places_taken():
    return Activity.objects.annotate(
        taken=Count("enrolments", filter=Q(enrolments__status__in=Enrolment.HOLDS_PLACE)),
        waiting=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.WAITING)),
    )


# --- determinism ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data(demo):
    reset()
    seed(scale="region", seed=42, today=demo.today)
    assert fingerprint() == demo.fingerprint


@pytest.mark.django_db
def test_another_seed_gives_other_data(demo):
    reset()
    seed(scale="region", seed=7, today=demo.today)
    assert fingerprint() != demo.fingerprint


# --- sizes and spread ----------------------------------------------------------------------


@pytest.mark.django_db
def test_rivierenland_has_the_size_of_a_real_network(demo):
    riv = Q(municipality__regions__slug="rivierenland")
    assert 200 <= Activity.objects.filter(riv).count() <= 260
    # About 600 newcomers, less those who moved out of the network since.
    assert 500 <= Newcomer.objects.filter(riv).count() <= 620
    assert 50 <= Provider.objects.filter(riv).count() <= 75


@pytest.mark.django_db
def test_mechelen_has_more_activities_than_putte(demo):
    mechelen = Activity.objects.filter(municipality__name_nl="Mechelen").count()
    putte = Activity.objects.filter(municipality__name_nl="Putte").count()
    assert mechelen > 5 * putte > 0


@pytest.mark.django_db
def test_small_municipalities_lack_a_conversation_table_and_a_buddy_project(demo):
    scarce = Activity.objects.filter(type__in=["conversation_table", "buddy"])
    for name in ("Putte", "Berlaar", "Nijlen"):
        assert not scarce.filter(municipality__name_nl=name).exists(), name


@pytest.mark.django_db
def test_kempen_has_a_little_data_of_its_own(demo):
    kempen = Newcomer.objects.filter(municipality__regions__slug="kempen")
    assert 0 < kempen.count() < 150
    rivierenland_coach = User.objects.get(username="coach")
    assert not Newcomer.objects.visible_to(rivierenland_coach).filter(pk__in=kempen).exists()


# --- trajectories and enrolments ------------------------------------------------------------


@pytest.mark.django_db
def test_every_trajectory_status_is_present(demo):
    present = set(Trajectory.objects.values_list("status", flat=True))
    assert present == set(Trajectory.Status.values)


@pytest.mark.django_db
def test_every_enrolment_status_is_present(demo):
    present = set(Enrolment.objects.values_list("status", flat=True))
    assert present == set(Enrolment.Status.values)


@pytest.mark.django_db
def test_no_activity_holds_more_places_than_it_has(demo):
    assert not _places_taken().filter(taken__gt=F("capacity")).exists()


@pytest.mark.django_db
def test_some_activities_have_a_waiting_list_longer_than_their_places(demo):
    assert _places_taken().filter(waiting__gt=F("capacity")).exists()


@pytest.mark.django_db
def test_newcomers_wait_only_where_every_place_is_taken(demo):
    assert not _places_taken().filter(waiting__gt=0, taken__lt=F("capacity")).exists()


@pytest.mark.django_db
def test_a_formal_dutch_lesson_is_offered_but_does_not_count(demo):
    lesson = Activity.objects.filter(is_formal_lesson=True).first()
    assert lesson is not None
    assert not lesson.counts_for_pnt


@pytest.mark.django_db
def test_most_activities_are_validated_and_some_are_drafts(demo):
    activities = Activity.objects.all()
    assert activities.filter(validated_at__isnull=False).count() > 0.7 * activities.count()
    assert activities.filter(status=Activity.Status.DRAFT).exists()


# --- demo logins -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("login", DEMO_LOGINS, ids=lambda login: login.username)
def test_every_demo_login_works_with_its_membership(demo, client, login):
    assert client.login(username=login.username, password=DEMO_PASSWORD)
    membership = Membership.objects.get(user__username=login.username)
    assert membership.role == login.role
    kind, _sep, ref = login.scope.partition(":")
    if kind == "region":
        assert membership.region.slug == ref
    elif kind == "municipality":
        assert membership.municipality.nis_code == ref
    elif kind == "provider":
        assert membership.provider.municipality.name_nl == "Mechelen"
    else:
        assert (membership.region, membership.municipality, membership.provider) == (None,) * 3


@pytest.mark.django_db
def test_the_admin_login_is_a_superuser(demo):
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff


@pytest.mark.django_db
def test_the_counsellor_follows_about_thirty_newcomers(demo):
    assert User.objects.get(username="counsellor").counselled_newcomers.count() == 30


@pytest.mark.django_db
def test_the_provider_login_runs_several_activities_with_newcomers(demo):
    staff = Membership.objects.get(user__username="provider", role=Role.PROVIDER_STAFF)
    activities = Activity.objects.filter(provider=staff.provider)
    assert activities.count() >= 5
    assert Enrolment.objects.filter(activity__in=activities).values("newcomer").count() >= 10


@pytest.mark.django_db
def test_newcomers_of_the_region_have_a_coach(demo):
    riv = Newcomer.objects.filter(municipality__regions__slug="rivierenland")
    assert riv.filter(coach__username="coach").count() > 0.8 * riv.count()


# --- commands --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_seed_command_refuses_a_database_with_data(demo):
    with pytest.raises(CommandError, match="--reset"):
        call_command("seed", stdout=StringIO())


@pytest.mark.django_db
def test_the_seed_command_with_reset_makes_the_same_region_again(demo):
    call_command("seed", reset=True, seed=42, stdout=StringIO())
    assert fingerprint() == demo.fingerprint


@pytest.mark.django_db
def test_the_demo_command_prints_every_login_and_the_password(demo):
    out = StringIO()
    call_command("demo", no_serve=True, stdout=out)
    text = out.getvalue()
    assert "not seeding again" in text
    assert DEMO_PASSWORD in text
    assert all(login.username in text for login in DEMO_LOGINS)
    assert "http://127.0.0.1:8000/" in text


@pytest.mark.django_db
def test_the_serve_command_runs_gunicorn_on_the_host_and_port(monkeypatch):
    calls = []
    monkeypatch.setattr(serve_command.os, "execv", lambda path, argv: calls.append(argv))
    # Neither close the test's database connection nor collect static files.
    closer = type("Connections", (), {"close_all": staticmethod(lambda: None)})
    monkeypatch.setattr(serve_command, "connections", closer)
    monkeypatch.setattr(serve_command, "call_command", lambda *args, **kwargs: None)
    monkeypatch.setattr(
        serve_command.subprocess, "Popen", lambda argv, **kwargs: calls.append(argv)
    )
    call_command("serve", host="127.0.0.1", port=8123, workers=3, stdout=StringIO())
    argv = calls[-1]
    assert "pnt.wsgi:application" in argv
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:8123"
    assert argv[argv.index("--workers") + 1] == "3"
    assert [c[-1] for c in calls[:-1]] == ["db_worker", "scheduler"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux signal")
def test_the_background_helpers_stop_when_the_server_process_dies(tmp_path):
    # A parent starts a long sleeper the way `pnt serve` starts the worker, then dies.
    parent = (
        "import subprocess, sys\n"
        "from pnt.web.management.commands.serve import _stop_with_parent\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'],\n"
        "                         preexec_fn=_stop_with_parent)\n"
        "print(child.pid, flush=True)\n"
    )
    done = subprocess.run(  # noqa: S603 — our interpreter, fixed code
        [sys.executable, "-c", parent], capture_output=True, text=True, check=True, timeout=30
    )
    pid = int(done.stdout.strip())
    for _ in range(50):
        if not Path(f"/proc/{pid}").exists() or "Z" in _state(pid):
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGKILL)
        raise AssertionError("the child outlived its parent")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][:1]
    except (FileNotFoundError, IndexError):
        return "Z"


def test_the_serve_command_can_leave_the_worker_to_another_service(monkeypatch):
    calls = []
    monkeypatch.setattr(serve_command.os, "execv", lambda path, argv: calls.append(argv))
    closer = type("Connections", (), {"close_all": staticmethod(lambda: None)})
    monkeypatch.setattr(serve_command, "connections", closer)
    monkeypatch.setattr(serve_command, "call_command", lambda *args, **kwargs: None)
    monkeypatch.setattr(
        serve_command.subprocess, "Popen", lambda argv, **kwargs: calls.append(argv)
    )
    call_command("serve", port=8123, no_worker=True, stdout=StringIO())
    assert len(calls) == 1 and "pnt.wsgi:application" in calls[0]


# --- the hours ledger ------------------------------------------------------------------------


@pytest.mark.django_db
def test_recounting_the_ledger_leaves_every_trajectory_unchanged(demo):
    from pnt.trajectories.services import recount_hours

    fields = ("hours", "pnt_started_on", "last_attended_on", "completed_on", "status")
    before = {t.newcomer_id: tuple(getattr(t, f) for f in fields) for t in Trajectory.objects.all()}
    changed = [
        newcomer_id
        for newcomer_id, summary in before.items()
        if tuple(getattr(recount_hours(newcomer_id=newcomer_id), f) for f in fields) != summary
    ]
    assert changed == []


@pytest.mark.django_db
def test_completed_trajectories_have_forty_attended_hours(demo):
    from django.db.models import Sum

    from pnt.trajectories.models import Attendance

    completed = Trajectory.objects.filter(status=Trajectory.Status.COMPLETED)
    assert completed.count() > 100
    short = [
        t.newcomer_id
        for t in completed
        if (
            Attendance.objects.filter(
                enrolment__newcomer_id=t.newcomer_id, status=Attendance.Status.PRESENT
            ).aggregate(h=Sum("hours"))["h"]
            or 0
        )
        < 40
    ]
    assert short == []


@pytest.mark.django_db
def test_every_demo_place_request_keeps_its_consent(demo):
    from pnt.placerequests.models import PlaceRequest
    from pnt.privacy.models import Consent

    requests = {str(pk) for pk in PlaceRequest.objects.values_list("pk", flat=True)}
    consents = set(
        Consent.objects.filter(
            subject_type="placerequests.placerequest", purpose=Consent.Purpose.PUBLIC_REQUEST
        ).values_list("subject_id", flat=True)
    )
    assert requests and consents == requests


@pytest.mark.django_db
def test_the_quarter_sums_of_the_ledger_match_the_attendance_rows(demo):
    from pnt.trajectories import quarter_hours
    from pnt.trajectories.models_ledger import QuarterHours

    assert QuarterHours.objects.exists()
    assert quarter_hours.differences() == 0
