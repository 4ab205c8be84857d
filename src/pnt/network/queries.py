"""Every read of the network space, scoped first (see ``pnt.network.access``)."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from pnt.accounts.models import Membership, Role, User
from pnt.geo.models import Region
from pnt.network.access import network_access
from pnt.network.models import (
    Action,
    ActionPoint,
    Agreement,
    CaseDiscussion,
    Deliverable,
    DeliverableReport,
    FundingApplication,
    FundingProgramme,
    Group,
    Meeting,
    Partner,
    Plan,
    Practice,
    PracticeAttachment,
)
from pnt.trajectories import queries as trajectory_queries
from pnt.trajectories.models import Trajectory

NOTHING = Q(pk__in=[])


def _region_q(user, path: str = "region") -> Q | None:
    """Rows of the regions whose network space the user sees; None means everything."""
    access = network_access(user)
    if access.is_admin:
        return None
    if not access.core_region_ids:
        return NOTHING
    return Q(**{f"{path}__in": access.core_region_ids})


def _scoped(qs: QuerySet, user, path: str, extra: Q | None = None) -> QuerySet:
    if network_access(user).user_id is None:
        return qs.none()
    core = _region_q(user, path)
    if core is None:
        return qs
    return qs.filter(core | extra if extra is not None else core).distinct()


# --- regions -------------------------------------------------------------------------------


def regions(user) -> QuerySet[Region]:
    """Regions whose network space the user sees."""
    return _scoped(Region.objects.all(), user, "pk")


def managed_regions(user) -> QuerySet[Region]:
    """Regions whose network space the user may change."""
    access = network_access(user)
    if access.is_admin:
        return Region.objects.all()
    return Region.objects.filter(pk__in=access.staff_region_ids)


def people_of(region: Region) -> QuerySet[User]:
    """Accounts that can be members or owners in the region's network: its staff, officers
    and providers, and the accounts of its partners' contact persons."""
    q = (
        Q(memberships__region=region)
        | Q(memberships__municipality__regions=region)
        | Q(memberships__provider__municipality__regions=region)
        | Q(network_contacts__partner__region=region)
        | Q(memberships__role=Role.ADMIN)
    )
    ids = User.objects.filter(q, is_active=True).values("pk")
    return User.objects.filter(pk__in=ids).order_by("first_name", "last_name")


def coordinators_of(region: Region) -> list[str]:
    """E-mail addresses of the region's coordinators."""
    return sorted(
        Membership.objects.filter(role=Role.COORDINATOR, region=region, user__is_active=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
        .distinct()
    )


# --- partners and agreements ---------------------------------------------------------------


def partners(user) -> QuerySet[Partner]:
    access = network_access(user)
    own = Q(pk__in=access.own_partner_ids)
    return _scoped(Partner.objects.select_related("region"), user, "region", own)


def agreements(user) -> QuerySet[Agreement]:
    access = network_access(user)
    own = Q(parties__in=access.own_partner_ids)
    return _scoped(Agreement.objects.select_related("region"), user, "region", own)


def expiring_agreements(user, today: dt.date | None = None) -> list[Agreement]:
    today = today or timezone.localdate()
    rows = agreements(user).filter(ends_on__gte=today).order_by("ends_on")
    return [a for a in rows[:200] if a.state(today) == "expiring"]


# --- groups, meetings, action points, case discussions ------------------------------------


def groups(user) -> QuerySet[Group]:
    mine = Q(members=network_access(user).user_id)
    return _scoped(Group.objects.select_related("region"), user, "region", mine)


def meetings(user) -> QuerySet[Meeting]:
    user_id = network_access(user).user_id
    mine = Q(group__members=user_id) | Q(guests=user_id)
    return _scoped(
        Meeting.objects.select_related("group", "group__region"), user, "group__region", mine
    )


def action_points(user) -> QuerySet[ActionPoint]:
    """Action points of the meetings the user sees, and those the user owns."""
    access = network_access(user)
    if access.user_id is None:
        return ActionPoint.objects.none()
    qs = ActionPoint.objects.select_related("meeting", "meeting__group", "owner", "owner_partner")
    if access.is_admin:
        return qs
    return qs.filter(Q(meeting__in=meetings(user).values("pk")) | Q(owner_id=access.user_id))


def changeable_action_points(user) -> QuerySet[ActionPoint]:
    """Action points whose status the user may change: their own, or the region's staff."""
    access = network_access(user)
    if access.is_admin:
        return action_points(user)
    staff = Q(meeting__group__region__in=access.staff_region_ids)
    return action_points(user).filter(staff | Q(owner_id=access.user_id))


def open_action_points(group: Group) -> QuerySet[ActionPoint]:
    """The group's action points that are still open: the start of the next agenda."""
    return (
        ActionPoint.objects.filter(meeting__group=group, status__in=ActionPoint.OPEN_STATES)
        .select_related("owner", "owner_partner", "meeting")
        .order_by("due_on", "pk")
    )


def visible_trajectories(user) -> QuerySet[Trajectory]:
    """Trajectories the user may open: the newcomers they see, except for provider staff
    (who see their participants' first names, never the trajectory)."""
    if trajectory_queries.is_provider_only(user):
        return Trajectory.objects.none()
    return Trajectory.objects.filter(newcomer__in=trajectory_queries.newcomers(user))


def case_discussions(user, meeting: Meeting) -> QuerySet[CaseDiscussion]:
    """The meeting's case discussions about trajectories the user has access to."""
    return meeting.cases.filter(trajectory__in=visible_trajectories(user).values("pk"))


# --- the plan ------------------------------------------------------------------------------


def plans(user) -> QuerySet[Plan]:
    return _scoped(Plan.objects.select_related("region"), user, "region")


def actions(user) -> QuerySet[Action]:
    return _scoped(
        Action.objects.select_related("pillar", "pillar__plan"), user, "pillar__plan__region"
    )


def open_actions(group: Group) -> QuerySet[Action]:
    """Open actions of the region's current plans (for the agenda of a steering group)."""
    today = timezone.localdate()
    return (
        Action.objects.filter(
            pillar__plan__region=group.region,
            pillar__plan__ends_on__gte=today,
            status__in=Action.OPEN_STATES,
        )
        .select_related("pillar", "owner", "owner_partner")
        .order_by("pillar__number", "pk")
    )


# --- good practices ------------------------------------------------------------------------


def practices(user) -> QuerySet[Practice]:
    """The region's library, plus practices shared with everyone who has a role."""
    access = network_access(user)
    shared = Q(shared=True) if access.has_role else None
    return _scoped(Practice.objects.select_related("region"), user, "region", shared)


def attachments(user) -> QuerySet[PracticeAttachment]:
    return PracticeAttachment.objects.filter(practice__in=practices(user).values("pk"))


def _json_has(field: str, value: str) -> Q:
    """Rows whose JSON list `field` holds `value` (portable across databases)."""
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__contains": [value]})
    return Q(**{f"{field}__icontains": f'"{value}"'})


def search_practices(qs: QuerySet[Practice], text: str = "", theme: str = "") -> QuerySet:
    """Full-text-ish search over title, what, where and results, and a theme filter."""
    for word in text.split()[:6]:
        qs = qs.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(where__icontains=word)
            | Q(results__icontains=word)
        )
    if theme:
        qs = qs.filter(_json_has("themes", theme))
    return qs


# --- funding -------------------------------------------------------------------------------


def applications(user) -> QuerySet[FundingApplication]:
    return _scoped(FundingApplication.objects.select_related("region", "programme"), user, "region")


def deliverables(user) -> QuerySet[Deliverable]:
    return Deliverable.objects.filter(application__in=applications(user).values("pk"))


def managed_deliverables(user) -> QuerySet[Deliverable]:
    """Deliverables the user may change: those of the regions they manage."""
    access = network_access(user)
    if access.is_admin:
        return deliverables(user)
    return deliverables(user).filter(application__region__in=access.staff_region_ids)


def deliverable_reports(user) -> QuerySet[DeliverableReport]:
    """Reports made for deliverables: only for those who may make them (the region's
    coordinator and coaches), like the deliverable's other changes."""
    return DeliverableReport.objects.filter(
        deliverable__in=managed_deliverables(user).values("pk")
    ).select_related("made_by", "municipality")


def programmes() -> QuerySet[FundingProgramme]:
    return FundingProgramme.objects.all()


def due_deliverables(user, today: dt.date | None = None, days: int = 60):
    today = today or timezone.localdate()
    return (
        deliverables(user)
        .filter(status=Deliverable.Status.OPEN, due_on__lte=today + dt.timedelta(days=days))
        .select_related("application")
        .order_by("due_on")
    )


# --- write checks (the object is already known to be visible) ------------------------------


def manages(user, region_id: int) -> bool:
    return network_access(user).manages_region(region_id)
