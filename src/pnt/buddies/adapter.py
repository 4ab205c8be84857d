"""The adapter between the database and the matching core (:mod:`pnt.matching.buddies`).

It turns waiting requests and volunteers with a free place into the core's
:class:`~pnt.matching.BuddyPerson` rows, calls the core, and returns plain results keyed by
the database ids. It writes nothing: :func:`pnt.buddies.services.start_matching_round` stores.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils import timezone

from pnt import matching
from pnt.buddies.models import BuddyRequest, Gender, Volunteer
from pnt.matching.buddies import BuddyVocabularies
from pnt.matching.week import day_part

# Middle of each age group, for closeness in age when no birth year is known.
AGE_GROUP_MIDDLE = {"18-29": 24, "30-44": 37, "45-64": 55, "65+": 70}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WOMAN_WORDS = {"woman", "female", "f", "v", "vrouw", "femme"}
MAN_WORDS = {"man", "male", "m", "homme"}


def gender_of(text: str) -> str:
    """A newcomer's free-text gender as one of :class:`Gender` ('' when not given)."""
    word = (text or "").strip().lower()
    if word in WOMAN_WORDS:
        return Gender.WOMAN
    if word in MAN_WORDS:
        return Gender.MAN
    return Gender.OTHER if word else ""


def week_mask(slots: Iterable[str]) -> int:
    """Slot codes such as ``"tue-evening"`` as the core's weekly hour mask."""
    mask = 0
    for slot in slots:
        day, _sep, part = slot.partition("-")
        if day in WEEKDAYS:
            try:
                mask |= day_part(WEEKDAYS.index(day), part)
            except ValueError:
                continue
    return mask


def _age(birth_year: int | None, today: dt.date) -> float | None:
    return None if birth_year is None else float(today.year - birth_year)


def newcomer_person(request: BuddyRequest, today: dt.date) -> matching.BuddyPerson:
    newcomer = request.newcomer
    gender = gender_of(newcomer.gender)
    trajectory = getattr(newcomer, "trajectory", None)
    compulsory = trajectory.compulsory if trajectory else newcomer.pnt_compulsory
    return matching.BuddyPerson(
        key=request.pk,
        interests=frozenset(request.interests),
        languages=frozenset(newcomer.languages),
        lat=newcomer.municipality.latitude or 0.0,
        lon=newcomer.municipality.longitude or 0.0,
        availability=week_mask(request.availability),
        age=_age(newcomer.birth_year, today),
        gender=gender,
        gender_pref=gender if request.same_gender_only and gender else None,
        max_km=float(request.max_km),
        compulsory=bool(compulsory),
        waiting_days=max(0, (today - timezone.localdate(request.requested_at)).days),
    )


def volunteer_person(volunteer: Volunteer, free: int, today: dt.date) -> matching.BuddyPerson:
    age = _age(volunteer.birth_year, today)
    if age is None and volunteer.age_group:
        age = float(AGE_GROUP_MIDDLE[volunteer.age_group])
    return matching.BuddyPerson(
        key=volunteer.pk,
        interests=frozenset(volunteer.interests),
        languages=frozenset(volunteer.languages),
        lat=volunteer.municipality.latitude or 0.0,
        lon=volunteer.municipality.longitude or 0.0,
        availability=week_mask(volunteer.availability),
        age=age,
        gender=volunteer.gender,
        gender_pref=volunteer.gender if volunteer.same_gender_only and volunteer.gender else None,
        max_km=float(volunteer.max_travel_km),
        capacity=free,
    )


def weights_from(parameters: dict | None) -> matching.BuddyWeights:
    """The weights of a round: the defaults, overridden by the round's parameters."""
    known = {f.name for f in dataclasses.fields(matching.BuddyWeights)} - {"not_a_bridge"}
    given = {k: v for k, v in (parameters or {}).items() if k in known}
    return matching.BuddyWeights(**given)


def default_parameters() -> dict:
    weights = dataclasses.asdict(matching.BuddyWeights())
    weights.pop("not_a_bridge")
    return weights


@dataclass(frozen=True)
class Scored:
    request_id: int
    volunteer_id: int
    fit: float
    km: float | None
    reasons: list[dict]


@dataclass(frozen=True)
class RoundResult:
    proposals: list[Scored]
    unmatched: list[int]
    total_fit: float
    objective: float


def _reason_dicts(reasons: Sequence[matching.Reason]) -> list[dict]:
    return [
        {"code": r.code, "params": dict(r.params), "points": round(r.points, 3), "text": r.text}
        for r in reasons
    ]


def _km(reasons: Sequence[matching.Reason]) -> float | None:
    return next((float(r.params["km"]) for r in reasons if r.code == "km_apart"), None)


def _tables(requests, volunteers, today):
    n_people = [newcomer_person(r, today) for r in requests]
    v_people = [volunteer_person(v, free, today) for v, free in volunteers]
    vocab = BuddyVocabularies.of(n_people, v_people)
    return matching.BuddyTable.of(n_people, vocab), matching.BuddyTable.of(v_people, vocab)


def _forbidden_rows(requests, volunteers, forbidden: set[tuple[int, int]]):
    """(newcomer id, volunteer id) pairs as row indices of the tables."""
    v_row = {v.pk: j for j, (v, _free) in enumerate(volunteers)}
    rows = []
    for i, request in enumerate(requests):
        for newcomer_id, volunteer_id in forbidden:
            if newcomer_id == request.newcomer_id and volunteer_id in v_row:
                rows.append((i, v_row[volunteer_id]))
    return rows


def compute_round(
    requests: Sequence[BuddyRequest],
    volunteers: Sequence[tuple[Volunteer, int]],
    *,
    forbidden: set[tuple[int, int]],
    parameters: dict | None = None,
    today: dt.date | None = None,
) -> RoundResult:
    """The optimal round for these requests and (volunteer, free places) with the core."""
    today = today or timezone.localdate()
    if not requests or not volunteers:
        return RoundResult([], [r.pk for r in requests], 0.0, 0.0)
    n_table, v_table = _tables(requests, volunteers, today)
    result = matching.buddy_round(
        n_table,
        v_table,
        weights=weights_from(parameters),
        forbidden=_forbidden_rows(requests, volunteers, forbidden),
    )
    proposals = [
        Scored(p.newcomer, p.volunteer, p.fit, _km(p.reasons), _reason_dicts(p.reasons))
        for p in result.proposals
    ]
    return RoundResult(
        proposals=proposals,
        unmatched=list(result.unmatched),
        total_fit=result.allocation.fit,
        objective=result.allocation.objective,
    )


def score_pair(
    request: BuddyRequest,
    volunteer: Volunteer,
    *,
    forbidden: set[tuple[int, int]],
    parameters: dict | None = None,
    today: dt.date | None = None,
) -> Scored | None:
    """The fit and reasons of one pair (for a swap), or None when a hard rule forbids it."""
    today = today or timezone.localdate()
    n_table, v_table = _tables([request], [(volunteer, 1)], today)
    weights = weights_from(parameters)
    rows = _forbidden_rows([request], [(volunteer, 1)], forbidden)
    scores = matching.buddy_candidates(n_table, v_table, weights, rows)
    if len(scores.newcomer) == 0:
        return None
    from pnt.matching.buddies import pair_reasons

    reasons = pair_reasons(n_table, v_table, scores, 0, weights)
    return Scored(
        request.pk, volunteer.pk, float(scores.fit[0]), _km(reasons), _reason_dicts(reasons)
    )
