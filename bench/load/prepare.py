"""Load-test fixture: users with API tokens and, for each simulated user, its own newcomer,
activities and a past session, so that concurrent users never fight over one record.

Run by `bench/load/run.py` in the load database (after `pnt seed --scale region`); writes
the plan as JSON to the path given on the command line."""

from __future__ import annotations

import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pnt.settings")
django.setup()

from django.db.models import Count, Q  # noqa: E402
from django.utils import timezone  # noqa: E402

from pnt.accounts.models import ApiToken, Membership, Role, User  # noqa: E402
from pnt.geo.models import Region  # noqa: E402
from pnt.offer.models import Activity  # noqa: E402
from pnt.trajectories.models import ActivitySession, Enrolment, Newcomer  # noqa: E402

USERS = 100
HOLDS = ["confirmed", "attending"]


def _token(user: User, name: str) -> str:
    raw = ApiToken.generate()
    ApiToken.objects.create(
        user=user, name=name, key_hash=ApiToken.hash(raw), prefix=raw[:8], read_only=False
    )
    return raw


def _user(username: str, role: str, **scope) -> User:
    user, _ = User.objects.get_or_create(username=username)
    Membership.objects.get_or_create(user=user, role=role, **scope)
    return user


def main(out: str) -> None:
    region = Region.objects.get(slug="rivierenland")
    coach = _user("load_coach", Role.COACH, region=region)
    # Past sessions with participants holding a place, one per simulated user where possible.
    today = timezone.localdate()
    sessions = (
        ActivitySession.objects.filter(date__lte=today, activity__municipality__regions=region)
        .annotate(n=Count("activity__enrolments", filter=Q(activity__enrolments__status__in=HOLDS)))
        .filter(n__gt=0)
        .select_related("activity__provider")
        .order_by("-date", "pk")[:USERS]
    )
    # Newcomers at those sessions reach 40 hours under load and their trajectory closes:
    # the enrolling users take others.
    attendees = Enrolment.objects.filter(
        activity__sessions__in=[s.pk for s in sessions], status__in=HOLDS
    ).values("newcomer_id")
    newcomers = list(
        Newcomer.objects.filter(
            municipality__regions=region,
            trajectory__status__in=["intake", "searching", "active"],
        )
        .exclude(pk__in=attendees)
        .order_by("pk")
        .values_list("pk", flat=True)[:USERS]
    )
    activities = list(
        Activity.objects.filter(status="published", municipality__regions=region)
        .order_by("pk")
        .values_list("pk", flat=True)[:50]
    )
    taken = set(
        Enrolment.objects.filter(newcomer__in=newcomers, status__in=Enrolment.OPEN).values_list(
            "newcomer_id", "activity_id"
        )
    )
    enrol = [
        {"newcomer": n, "activities": [a for a in activities if (n, a) not in taken]}
        for n in newcomers
    ]
    attendance = []
    for session in sessions:
        staff = _user(
            f"load_provider_{session.activity.provider_id}", Role.PROVIDER_STAFF,
            provider=session.activity.provider,
        )  # fmt: skip
        enrolments = list(
            Enrolment.objects.filter(activity=session.activity, status__in=HOLDS).values_list(
                "pk", flat=True
            )
        )
        attendance.append(
            {"session": session.pk, "enrolments": enrolments, "token": _token(staff, "load")}
        )
    plan = {
        "coach_token": _token(coach, "load"),
        "enrol": enrol,
        "attendance": attendance,
        "search_words": ["praat", "koken", "sport", "wandel", "taal", "muziek", "fiets", ""],
    }
    with open(out, "w") as handle:
        json.dump(plan, handle)
    print(
        f"load plan: {len(newcomers)} newcomers, {len(activities)} activities, "
        f"{len(attendance)} sessions"
    )


if __name__ == "__main__":
    main(sys.argv[1])
