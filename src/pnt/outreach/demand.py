"""Unmet demand: what newcomers want, set against the offer within their reach.

Demand comes from four sources, and every row says how many wishes came from each:

- the intake: interests, talents and goals of newcomers whose trajectory is open;
- their own words (free text at intake): the interest themes the words suggest that are not
  already in the profile — the tags stored by :mod:`pnt.ownwords` when the words were
  embedded, else (no extra, or words changed since) the keyword fallback; no model is
  loaded here;
- requests from the public catalogue (:mod:`pnt.placerequests`) that are new or were
  declined in the last year: a wish for the requested activity's type in the requester's
  municipality, with the default reach. A request counts as its own person
  (``("request", pk)``) unless it is linked to a registered newcomer, who then counts once;
  handled requests found their way and do not count;
- requests that found no place (on a waiting list, or cancelled without ever getting one in
  the last year).

A person counts once per wish and municipality, whatever the number of sources; the source
counts of a row may therefore add up to more than its total. The offer is every published
activity that is open to
newcomers (not full, not ended). "Within reach" is the matching's rule: the distance from
the newcomer's municipality (its centroid) to the activity (its own location, else its
municipality's) is at most the newcomer's maximum distance from the intake (10 km when
there is no intake, as in the matching). Distances come from pnt.geo.distance.

Counts are shown suppressed (see figures.count_display): the list is meant to be shared
with providers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.geo.distance import cross_km
from pnt.geo.models import Municipality, Region
from pnt.matching.embedding import text_hash
from pnt.offer.models import Activity
from pnt.offer.queries import public_activities
from pnt.offer.vocabulary import ActivityType, Goal, Theme
from pnt.outreach.figures import count_display, count_shown
from pnt.ownwords.models import WordsEmbedding
from pnt.ownwords.queries import keyword_tags
from pnt.placerequests.models import PlaceRequest
from pnt.trajectories.models import Enrolment, Intake, Trajectory

# A person who wants something: a newcomer's id, or ("request", pk) for a public request.
Person = int | tuple[str, int]

OPEN_TRAJECTORY = (
    Trajectory.Status.INTAKE,
    Trajectory.Status.SEARCHING,
    Trajectory.Status.ACTIVE,
)
DEFAULT_MAX_KM = float(Intake._meta.get_field("max_km").default)
NO_PLACE_DAYS = 365
# How far around the region the offer is looked for (beyond anyone's reach is "none near").
SEARCH_KM = 60.0
KINDS = ("theme", "goal", "type")
INTAKE, OWN_WORDS, REQUEST, NO_PLACE = "intake", "own_words", "request", "no_place"
SOURCES = (INTAKE, OWN_WORDS, REQUEST, NO_PLACE)


def wish_label(kind: str, value: str) -> str:
    choices = {"theme": Theme, "goal": Goal, "type": ActivityType}[kind]
    return str(dict(choices.choices).get(value, value))


@dataclass
class DemandRow:
    """One wish in one municipality: who wants it and the nearest open offer."""

    municipality: Municipality
    kind: str
    value: str
    wanting: int = 0  # newcomers who want it
    unmet: int = 0  # of whom nothing open is within their reach
    no_place: int = 0  # of whom asked for a place of this kind and found none
    from_intake: int = 0  # of whom have it in their intake profile
    from_own_words: int = 0  # of whom only their own words (free text) suggest it
    from_requests: int = 0  # public requests for a place (new or declined)
    nearest_km: float | None = None
    nearest: str = ""  # title of the nearest open activity
    nearest_place: str = ""  # and its municipality
    newcomers: set[Person] = field(default_factory=set, repr=False)

    @property
    def label(self) -> str:
        return wish_label(self.kind, self.value)

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.value}"

    @property
    def wanting_display(self) -> str:
        return count_display(self.wanting)

    @property
    def unmet_display(self) -> str:
        return count_display(self.unmet)

    @property
    def no_place_display(self) -> str:
        return count_display(self.no_place)

    @property
    def from_intake_display(self) -> str:
        return count_display(self.from_intake)

    @property
    def from_own_words_display(self) -> str:
        return count_display(self.from_own_words)

    @property
    def from_requests_display(self) -> str:
        return count_display(self.from_requests)

    @property
    def nearest_km_display(self) -> str:
        return "—" if self.nearest_km is None else f"{round(self.nearest_km)}"

    @property
    def sentence(self) -> str:
        head = _("%(count)s newcomers in %(place)s want %(wish)s") % {
            "count": self.wanting_display,
            "place": self.municipality.name_nl,
            "wish": self.label,
        }
        if self.nearest_km is None:
            tail = _("no activity of this kind open to newcomers within %(km)s km") % {
                "km": round(SEARCH_KM)
            }
        else:
            tail = _("nearest %(wish)s activity open to newcomers: %(km)s km (%(place)s)") % {
                "wish": self.label,
                "km": self.nearest_km_display,
                "place": self.nearest_place,
            }
        return f"{head}; {tail}"


@dataclass
class Demand:
    """The demand of a region: one row per wish and municipality, and per municipality the
    newcomers with at least one wish out of reach (for the map)."""

    region: Region
    rows: list[DemandRow]
    unmet_by_municipality: dict[int, set[Person]]
    offer: list[tuple] = field(default_factory=list, repr=False)

    def ranked(self) -> list[DemandRow]:
        """Offer to create: most newcomers without anything in reach first, then those who
        asked for a place and found none (yet)."""
        rows = [r for r in self.rows if r.unmet or r.no_place or r.from_requests]
        return sorted(
            rows,
            key=lambda r: (-r.unmet, -r.no_place, -r.from_requests, -r.wanting,
                           r.municipality.name_nl, r.label),
        )  # fmt: skip

    def wishes(self) -> list[tuple[str, str]]:
        """The wishes that occur, as (key, label), for the map's layer choice."""
        seen = {(r.key, f"{r.label}") for r in self.rows}
        return sorted(seen, key=lambda item: (item[0].split(":")[0], item[1]))

    def offer_points(self, wish: str) -> list[tuple[str, float, float]]:
        """The open activities of a wish ("theme:football") as (title, lat, lon)."""
        kind, _sep, value = wish.partition(":")
        if kind not in KINDS or not self.offer:
            return []
        mask = _offers_of(self.offer, kind, value)
        return [(a[0], a[4], a[5]) for a, hit in zip(self.offer, mask, strict=True) if hit]

    def unmet_counts(self, wish: str = "") -> dict[int, int]:
        """Per municipality: newcomers with (this) wish out of reach."""
        if not wish:
            return {pk: len(ids) for pk, ids in self.unmet_by_municipality.items()}
        counts: dict[int, int] = defaultdict(int)
        for row in self.rows:
            if row.key == wish:
                counts[row.municipality.pk] += row.unmet
        return dict(counts)


# --- computing ---------------------------------------------------------------------------------


class _Wishes:
    """What the region's people want: per (municipality, kind, value) each person's reach,
    and which sources named the wish for whom."""

    def __init__(self) -> None:
        self.wanted: dict[tuple[int, str, str], dict[Person, float]] = defaultdict(dict)
        self.sources: dict[tuple[int, str, str], dict[str, set[Person]]] = defaultdict(
            lambda: defaultdict(set)
        )

    def add(self, key: tuple[int, str, str], person: Person, reach: float, source: str) -> None:
        self.wanted[key][person] = reach
        self.sources[key][source].add(person)

    def count(self, key: tuple[int, str, str], source: str) -> int:
        return len(self.sources[key].get(source, ()))


def _reach(max_km) -> float:
    return float(max_km) if max_km is not None else DEFAULT_MAX_KM


def _wishes(places: dict[int, Municipality]) -> _Wishes:
    found = _Wishes()
    _from_intakes(found, places)
    _from_no_place(found, places)
    _from_place_requests(found, places)
    return found


def _from_intakes(found: _Wishes, places: dict[int, Municipality]) -> None:
    """Interests, talents and goals of open trajectories, and the themes their own words
    suggest beyond those."""
    themes, goals = set(Theme.values), set(Goal.values)
    newcomers = (
        Trajectory.objects.filter(status__in=OPEN_TRAJECTORY, newcomer__municipality__in=places)
        .values_list(
            "newcomer_id", "newcomer__municipality_id", "newcomer__interests",
            "newcomer__goals", "newcomer__intake__talents", "newcomer__intake__max_km",
            "newcomer__intake__own_words",
        )
    )  # fmt: skip
    with_words: list[tuple[int, int, float, set[str], str]] = []
    for pk, place, interests, own_goals, talents, max_km, words in newcomers:
        reach, profile = _reach(max_km), set(interests or []) | set(talents or [])
        for value in profile & themes:
            found.add((place, "theme", value), pk, reach, INTAKE)
        for value in set(own_goals or []) & goals:
            found.add((place, "goal", value), pk, reach, INTAKE)
        if (words or "").strip():
            with_words.append((pk, place, reach, profile, words))
    if not with_words:
        return
    suggested = _suggested_themes(places, {pk: words for pk, *_rest, words in with_words})
    for pk, place, reach, profile, _words in with_words:
        for value in (suggested.get(pk, set()) & themes) - profile:
            found.add((place, "theme", value), pk, reach, OWN_WORDS)


def _suggested_themes(places: dict[int, Municipality], words: dict[int, str]) -> dict:
    """Per newcomer the themes their own words suggest: the tags stored when the words were
    embedded (one query for all), else the keyword fallback, which needs no model (without
    the extra, or when the words changed since they were embedded)."""
    stored = {
        pk: (fingerprint, tags)
        for pk, fingerprint, tags in WordsEmbedding.objects.filter(
            newcomer__municipality__in=places,
            newcomer__trajectory__status__in=OPEN_TRAJECTORY,
        ).values_list("newcomer_id", "text_hash", "suggested_tags")
    }
    out: dict[int, set[str]] = {}
    for pk, text in words.items():
        fingerprint, tags = stored.get(pk, ("", None))
        if tags is None or fingerprint != text_hash(text):
            tags = keyword_tags(text)
        out[pk] = set(tags or [])
    return out


def _from_no_place(found: _Wishes, places: dict[int, Municipality]) -> None:
    """Enrolments that found no place in the last year: a wish for the activity's type."""
    since = timezone.now() - dt.timedelta(days=NO_PLACE_DAYS)
    no_place = Enrolment.objects.filter(
        Q(status=Enrolment.Status.WAITING)
        | Q(status=Enrolment.Status.CANCELLED, confirmed_at__isnull=True, offered_at__isnull=True),
        requested_at__gte=since,
        newcomer__municipality__in=places,
    ).values_list(
        "newcomer_id", "newcomer__municipality_id", "activity__type", "newcomer__intake__max_km"
    )
    for pk, place, kind, max_km in no_place.distinct():
        found.add((place, "type", kind), pk, _reach(max_km), NO_PLACE)


def _from_place_requests(found: _Wishes, places: dict[int, Municipality]) -> None:
    """Public requests for a place, new or declined in the last year: a wish for the
    activity's type where the requester lives. Linked to a registered newcomer, the request
    is that newcomer's (counted once, where they live, with their reach)."""
    since = timezone.now() - dt.timedelta(days=NO_PLACE_DAYS)
    requests = (
        PlaceRequest.objects.filter(
            status__in=(PlaceRequest.Status.NEW, PlaceRequest.Status.DECLINED),
            created_at__gte=since,
        )
        .filter(
            Q(newcomer__isnull=True, municipality__in=places)
            | Q(newcomer__municipality__in=places)
        )
        .values_list(
            "pk", "municipality_id", "activity__type",
            "newcomer_id", "newcomer__municipality_id", "newcomer__intake__max_km",
        )
    )  # fmt: skip
    for pk, place, kind, newcomer, newcomer_place, max_km in requests:
        if newcomer is None:
            found.add((place, "type", kind), ("request", pk), DEFAULT_MAX_KM, REQUEST)
        else:
            found.add((newcomer_place, "type", kind), newcomer, _reach(max_km), REQUEST)


def _open_offer(places: list[Municipality]) -> list[tuple]:
    """Open activities around the region: (title, type, themes, goals, lat, lon, place)."""
    lats = [m.latitude for m in places]
    lons = [m.longitude for m in places]
    dlat = SEARCH_KM / 111.2
    dlon = SEARCH_KM / (111.2 * math.cos(math.radians(max(map(abs, lats)))))
    return list(
        public_activities()
        .exclude(status=Activity.Status.FULL)
        .annotate(
            lat=Coalesce(F("latitude"), F("municipality__latitude")),
            lon=Coalesce(F("longitude"), F("municipality__longitude")),
        )
        .filter(
            lat__range=(min(lats) - dlat, max(lats) + dlat),
            lon__range=(min(lons) - dlon, max(lons) + dlon),
        )
        .order_by("pk")
        .values_list("title", "type", "themes", "goals", "lat", "lon", "municipality__name_nl")
    )


def _offers_of(offer: list[tuple], kind: str, value: str) -> np.ndarray:
    if kind == "type":
        return np.array([a[1] == value for a in offer], dtype=bool)
    column = 2 if kind == "theme" else 3
    return np.array([value in (a[column] or []) for a in offer], dtype=bool)


def region_demand(region: Region) -> Demand:
    """Every wish of the region's newcomers per municipality against the open offer."""
    places = list(
        region.municipalities.current()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .defer("outline")
        .order_by("name_nl")
    )
    by_pk = {m.pk: m for m in places}
    if not places:
        return Demand(region, [], {})
    found = _wishes(by_pk)
    offer = _open_offer(places)
    index = {m.pk: i for i, m in enumerate(places)}
    km = (
        cross_km([m.latitude for m in places], [m.longitude for m in places],
                 [a[4] for a in offer], [a[5] for a in offer])
        if offer else np.zeros((len(places), 0))
    )  # fmt: skip
    masks: dict[tuple[str, str], np.ndarray] = {}
    rows: list[DemandRow] = []
    unmet_by: dict[int, set[Person]] = defaultdict(set)
    for (place, kind, value), reach in found.wanted.items():
        mask = masks.setdefault((kind, value), _offers_of(offer, kind, value))
        row = DemandRow(municipality=by_pk[place], kind=kind, value=value)
        row.wanting, row.newcomers = len(reach), set(reach)
        distances = km[index[place]]
        if mask.any():
            best = int(np.flatnonzero(mask)[np.argmin(distances[mask])])
            if distances[best] <= SEARCH_KM:
                row.nearest_km = float(distances[best])
                row.nearest, row.nearest_place = offer[best][0], offer[best][6]
        out_of_reach = {
            pk for pk, limit in reach.items() if row.nearest_km is None or row.nearest_km > limit
        }
        row.unmet = len(out_of_reach)
        unmet_by[place] |= out_of_reach
        key = (place, kind, value)
        row.no_place = found.count(key, NO_PLACE)
        row.from_intake = found.count(key, INTAKE)
        row.from_own_words = found.count(key, OWN_WORDS)
        row.from_requests = found.count(key, REQUEST)
        rows.append(row)
    return Demand(region, rows, dict(unmet_by), offer)


# --- export -------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "municipality_nis_code", "municipality", "kind", "wish", "wish_label", "newcomers_wanting",
    "without_offer_in_reach", "requests_without_place", "nearest_open_km",
    "nearest_open_activity", "nearest_open_municipality",
    # Where the wishes come from (a person may be counted by more than one source).
    "from_intake", "from_own_words", "from_public_requests",
]  # fmt: skip


def demand_csv(demand: Demand) -> str:
    """The ranked list for a conversation with providers; small counts hidden ("<5")."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in demand.ranked():
        writer.writerow([
            r.municipality.nis_code, r.municipality.name_nl, r.kind, r.value, r.label,
            r.wanting_display, r.unmet_display, r.no_place_display,
            "" if r.nearest_km is None else round(r.nearest_km, 1), r.nearest, r.nearest_place,
            r.from_intake_display, r.from_own_words_display, r.from_requests_display,
        ])  # fmt: skip
    return out.getvalue()


def row_as_dict(row: DemandRow) -> dict:
    """One row for the API: counts as numbers (None when hidden) and as shown."""
    return {
        "municipality_nis_code": row.municipality.nis_code,
        "municipality": row.municipality.name_nl,
        "kind": row.kind,
        "wish": row.value,
        "wish_label": row.label,
        "newcomers_wanting": count_shown(row.wanting),
        "newcomers_wanting_display": row.wanting_display,
        "without_offer_in_reach": count_shown(row.unmet),
        "without_offer_in_reach_display": row.unmet_display,
        "requests_without_place": count_shown(row.no_place),
        "requests_without_place_display": row.no_place_display,
        "from_intake": count_shown(row.from_intake),
        "from_intake_display": row.from_intake_display,
        "from_own_words": count_shown(row.from_own_words),
        "from_own_words_display": row.from_own_words_display,
        "from_public_requests": count_shown(row.from_requests),
        "from_public_requests_display": row.from_requests_display,
        "nearest_open_km": None if row.nearest_km is None else round(row.nearest_km, 1),
        "nearest_open_activity": row.nearest,
        "nearest_open_municipality": row.nearest_place,
        "sentence": row.sentence,
    }
