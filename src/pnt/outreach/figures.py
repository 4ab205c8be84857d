"""Follow-on figures of a region: the share of newcomers still active 3 and 6 months after
the PNT, by municipality and by activity type, and which PNT activities lead on best.

Counts are SQL aggregates. Every figure is about people, so small counts are hidden as
"<5" and shares based on fewer people than the threshold as "n<5" (the threshold is
settings.PNT_SUPPRESSION_THRESHOLD).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import number_format

from pnt.geo.models import Region
from pnt.offer.vocabulary import ActivityType
from pnt.outreach.models import CheckIn, Destination
from pnt.outreach.queries import threshold
from pnt.trajectories.models import Enrolment

# Enrolments that show the newcomer really did the activity.
DONE = (Enrolment.Status.ATTENDING, Enrolment.Status.FINISHED)
ACTIVE = Q(answer__in=CheckIn.ACTIVE)


def count_display(n: int) -> str:
    """A count as shown: "<5" for 1 to threshold − 1 (zero reveals no one)."""
    limit = threshold()
    return f"<{limit}" if 0 < n < limit else number_format(n, 0, force_grouping=True)


def count_shown(n: int) -> int | None:
    """A count for machines: None when hidden."""
    return None if 0 < n < threshold() else n


def share_display(part: int, base: int) -> str:
    if not base:
        return "—"
    if base < threshold():
        return f"n<{threshold()}"
    return f"{round(100 * part / base)} %"


def share_shown(part: int, base: int) -> float | None:
    if not base or base < threshold():
        return None
    return round(part / base, 3)


@dataclass(frozen=True)
class Share:
    """How many answered a check-in, and how many of them are still active."""

    key: str
    label: str
    answered: int
    active: int

    @property
    def answered_display(self) -> str:
        return count_display(self.answered)

    @property
    def share_display(self) -> str:
        return share_display(self.active, self.answered)

    @property
    def share(self) -> float | None:
        return share_shown(self.active, self.answered)


def _answered(region: Region, months: int):
    return CheckIn.objects.filter(
        months=months,
        follow_on__newcomer__municipality__in=region.municipalities.all(),
    ).exclude(answer="")


def region_share(region: Region, months: int) -> Share:
    totals = _answered(region, months).aggregate(
        answered=Count("pk"), active=Count("pk", filter=ACTIVE)
    )
    return Share("", region.name, totals["answered"], totals["active"])


def by_municipality(region: Region, months: int) -> list[Share]:
    rows = (
        _answered(region, months)
        .order_by()
        .values("follow_on__newcomer__municipality__nis_code")
        .annotate(answered=Count("pk"), active=Count("pk", filter=ACTIVE))
    )
    names = dict(region.municipalities.values_list("nis_code", "name_nl"))
    shares = [
        Share(
            r["follow_on__newcomer__municipality__nis_code"],
            names.get(r["follow_on__newcomer__municipality__nis_code"], ""),
            r["answered"],
            r["active"],
        )
        for r in rows
    ]
    return sorted(shares, key=lambda s: s.label)


def by_activity_type(region: Region, months: int) -> list[Share]:
    """A newcomer counts once for every type of activity they did in their trajectory."""
    rows = (
        _answered(region, months)
        .filter(follow_on__newcomer__enrolments__status__in=DONE)
        .order_by()
        .values("follow_on__newcomer__enrolments__activity__type")
        .annotate(
            answered=Count("pk", distinct=True),
            active=Count("pk", filter=ACTIVE, distinct=True),
        )
    )
    labels = dict(ActivityType.choices)
    shares = [
        Share(
            r["follow_on__newcomer__enrolments__activity__type"],
            str(labels.get(r["follow_on__newcomer__enrolments__activity__type"], "")),
            r["answered"],
            r["active"],
        )
        for r in rows
    ]
    return sorted(shares, key=lambda s: s.label)


@dataclass(frozen=True)
class LeadingActivity:
    """A PNT activity and how its participants went on afterwards."""

    activity_id: int
    title: str
    type: str
    followed: int  # participants whose follow-on is recorded
    moved_on: int  # of whom went on to something (not "nothing yet")
    active_6m: int  # of whom said at 6 months that they are still active

    @property
    def followed_display(self) -> str:
        return count_display(self.followed)

    @property
    def moved_on_display(self) -> str:
        return share_display(self.moved_on, self.followed)

    @property
    def active_6m_display(self) -> str:
        return share_display(self.active_6m, self.followed)

    @property
    def rank_key(self) -> tuple:
        shown = self.followed >= threshold()
        return (not shown, -(self.moved_on / self.followed if shown else 0), -self.followed)


def leading_activities(region: Region, limit: int = 20) -> list[LeadingActivity]:
    """The PNT activities of the region's newcomers, best at leading on first (activities
    with fewer followed participants than the threshold come last, their shares hidden)."""
    rows = (
        Enrolment.objects.filter(
            status__in=DONE,
            newcomer__municipality__in=region.municipalities.all(),
            newcomer__follow_ons__isnull=False,
        )
        .order_by()
        .values("activity_id", "activity__title", "activity__type")
        .annotate(
            followed=Count("newcomer", distinct=True),
            moved_on=Count(
                "newcomer",
                filter=~Q(newcomer__follow_ons__destination=Destination.NOTHING_YET),
                distinct=True,
            ),
            active_6m=Count(
                "newcomer",
                filter=Q(
                    newcomer__follow_ons__check_ins__months=6,
                    newcomer__follow_ons__check_ins__answer__in=CheckIn.ACTIVE,
                ),
                distinct=True,
            ),
        )
    )
    items = [
        LeadingActivity(
            r["activity_id"], r["activity__title"], r["activity__type"],
            r["followed"], r["moved_on"], r["active_6m"],
        )
        for r in rows
    ]  # fmt: skip
    return sorted(items, key=lambda a: a.rank_key)[:limit]


def region_figures(region: Region) -> dict:
    """Everything the figures page and the API show for one region."""
    return {
        "region": region,
        "computed_at": timezone.now(),
        "months": {
            m: {
                "total": region_share(region, m),
                "municipalities": by_municipality(region, m),
                "types": by_activity_type(region, m),
            }
            for m in CheckIn.MONTHS
        },
        "leading": leading_activities(region),
    }
