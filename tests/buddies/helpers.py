"""Small builders for the buddy tests: a coach, a waiting request, a running pair."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from pnt.buddies import services
from pnt.buddies.models import Pair
from tests.factories import NewcomerFactory, VolunteerFactory, municipality, region, user_with_role

MECHELEN, PUTTE, TURNHOUT = "12025", "12029", "13040"


def coach(slug: str = "rivierenland"):
    return user_with_role("coach", region=region(slug))


def waiting_request(*, by=None, nis: str = MECHELEN, **newcomer):
    newcomer.setdefault("municipality", municipality(nis))
    person = NewcomerFactory(**newcomer)
    return services.request_buddy(newcomer=person, by=by, commits_six_months=True)


def volunteer(nis: str = MECHELEN, **fields):
    fields.setdefault("municipality", municipality(nis))
    fields.setdefault("screened_at", timezone.now())
    return VolunteerFactory(**fields)


def active_pair(*, by, nis: str = MECHELEN, started_days_ago: int = 10) -> tuple[Pair, str]:
    """A pair that went through a round, acceptance and the match conversation."""
    request = waiting_request(by=by, nis=nis)
    buddy = volunteer(nis)
    round_ = services.start_matching_round(region=region(), by=by)
    proposal = round_.proposals.get(request=request, volunteer=buddy)
    pair = services.accept_proposal(proposal=proposal, by=by)
    on = timezone.localdate() - dt.timedelta(days=started_days_ago)
    pair, key = services.record_match_conversation(
        pair=pair, by=by, on=on, newcomer_agrees=True, volunteer_agrees=True
    )
    return pair, key
