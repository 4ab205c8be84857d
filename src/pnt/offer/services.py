"""Every write to the offer: one function per action, keyword-only, one transaction each.

The callers (views, API, import, commands) hand in clean values; these functions check the
rules of the domain (who may change what, what may be published or validated) and raise
`OfferError` with a message fit to show when a rule is broken.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.geo.models import Municipality
from pnt.offer.errors import OfferError
from pnt.offer.exchange import ParsedRow, RowError
from pnt.offer.models import Activity, Provider, new_external_id
from pnt.offer.queries import authoring_providers, can_validate, may_author

# What a person may set on an activity (status and validation have their own actions).
EDITABLE_FIELDS = (
    "title", "description", "translations", "type", "themes", "goals", "dutch_level",
    "municipality", "address", "latitude", "longitude", "schedule_kind", "start_date",
    "end_date", "weekday", "start_time", "end_time", "hours_per_session", "total_hours",
    "capacity", "price_kind", "price_eur", "price_uitpas_eur", "min_age", "max_age",
    "childcare", "wheelchair_access", "transport_help", "women_only",
    "first_visit_accompanied", "family_friendly", "dutch_context", "with_others",
    "meets_new_people", "lasting_contacts", "is_formal_lesson",
)  # fmt: skip
# Changing one of these makes an earlier validation void: the coordinator looks again.
ELIGIBILITY_FIELDS = (
    "type", "dutch_context", "with_others", "meets_new_people", "lasting_contacts",
    "is_formal_lesson",
)  # fmt: skip
__all__ = [
    "OfferError",
    "create_activity",
    "duplicate_activity",
    "import_activities",
    "pause_activity",
    "publish_activity",
    "update_activity",
    "validate_activity",
]


def _ensure_may_manage(user, activity: Activity) -> None:
    if not Activity.objects.manageable_by(user).filter(pk=activity.pk).exists():
        raise OfferError(_("You may not change this activity."))


def _fill_derived(activity: Activity) -> None:
    """Coordinates from the municipality when none are given; the weekday of a dated one."""
    if activity.latitude is None or activity.longitude is None:
        activity.latitude = activity.municipality.latitude
        activity.longitude = activity.municipality.longitude
    kinds = (Activity.ScheduleKind.SINGLE, Activity.ScheduleKind.SERIES)
    if activity.schedule_kind in kinds and activity.weekday is None and activity.start_date:
        activity.weekday = activity.start_date.weekday()
    if activity.price_kind == Activity.PriceKind.FREE:
        activity.price_eur = None
        activity.price_uitpas_eur = None


def _attname(name: str) -> str:
    return "municipality_id" if name == "municipality" else name


def _raw(value: Any) -> Any:
    """A model instance compares by its primary key (avoids loading related objects)."""
    return value.pk if isinstance(value, Municipality) else value


def _assign(activity: Activity, data: dict[str, Any]) -> list[str]:
    changed = []
    for name in EDITABLE_FIELDS:
        if name in data and getattr(activity, _attname(name), None) != _raw(data[name]):
            setattr(activity, name, data[name])
            changed.append(name)
    return changed


@transaction.atomic
def create_activity(
    *, user, provider: Provider, data: dict[str, Any], external_id: str | None = None
) -> Activity:
    """A new draft activity of `provider`; only for people who will be able to manage it."""
    municipality: Municipality | None = data.get("municipality")
    if municipality is None:
        raise OfferError(_("Choose the municipality where the activity takes place."))
    if not may_author(user, provider=provider, municipality=municipality):
        raise OfferError(_("You may not add activities for this organisation here."))
    activity = Activity(provider=provider, status=Activity.Status.DRAFT)
    activity.external_id = external_id or new_external_id()
    _assign(activity, data)
    _fill_derived(activity)
    activity.save()
    return activity


@transaction.atomic
def update_activity(*, user, activity: Activity, data: dict[str, Any]) -> Activity:
    """Change an activity; changing an eligibility condition voids its validation."""
    _ensure_may_manage(user, activity)
    new_place = data.get("municipality")
    if new_place is not None and not may_author(
        user, provider=activity.provider, municipality=new_place
    ):
        raise OfferError(_("You may not move the activity to that municipality."))
    changed = _assign(activity, data)
    _fill_derived(activity)
    if set(changed) & set(ELIGIBILITY_FIELDS):
        activity.validated_at = None
        activity.validated_by = None
    activity.save()
    return activity


def _ready_to_publish(activity: Activity) -> list[str]:
    """What is still missing before newcomers can see the activity."""
    missing = []
    if not activity.description.strip():
        missing.append(_("a description"))
    if activity.schedule_kind == Activity.ScheduleKind.WEEKLY and activity.weekday is None:
        missing.append(_("the day of the week"))
    if activity.schedule_kind != Activity.ScheduleKind.APPOINTMENT and not activity.start_date:
        missing.append(_("the first day"))
    return missing


@transaction.atomic
def publish_activity(*, user, activity: Activity) -> Activity:
    """Make a draft or paused activity visible in the catalogue."""
    _ensure_may_manage(user, activity)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.status in (Activity.Status.PUBLISHED, Activity.Status.FULL):
        return activity
    if activity.status == Activity.Status.ENDED:
        raise OfferError(_("An activity that has ended cannot be published again."))
    missing = _ready_to_publish(activity)
    if missing:
        raise OfferError(
            _("Add %(missing)s before publishing.") % {"missing": ", ".join(map(str, missing))}
        )
    activity.status = Activity.Status.PUBLISHED
    activity.save(update_fields=["status", "updated_at"])
    return activity


@transaction.atomic
def pause_activity(*, user, activity: Activity) -> Activity:
    """Take a published activity out of the catalogue for a while; enrolments stay.

    An activity that is not in the catalogue (draft, paused, ended) is left as it is.
    """
    _ensure_may_manage(user, activity)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.status not in (Activity.Status.PUBLISHED, Activity.Status.FULL):
        return activity
    activity.status = Activity.Status.PAUSED
    activity.save(update_fields=["status", "updated_at"])
    return activity


@transaction.atomic
def duplicate_activity(*, user, activity: Activity) -> Activity:
    """A draft copy (new identity, not validated) to adapt for a new season or place."""
    _ensure_may_manage(user, activity)
    copy = Activity.objects.get(pk=activity.pk)
    copy.pk = None
    copy.external_id = new_external_id()
    copy.title = (_("%(title)s (copy)") % {"title": activity.title})[:200]
    copy.status = Activity.Status.DRAFT
    copy.validated_at = None
    copy.validated_by = None
    copy.created_at = timezone.now()
    copy.save()
    return copy


@transaction.atomic
def validate_activity(*, user, activity: Activity) -> Activity:
    """A coordinator or coach of the region confirms the activity counts for the PNT.

    Raises OfferError when the user is not one of them (providers never validate their own
    offer) or when a formal condition is not met.
    """
    if not can_validate(user, activity):
        raise OfferError(_("Only the coordinator or a coach of the region can validate."))
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if not activity.is_eligible:
        reasons = " ".join(str(r) for r in activity.eligibility_reasons)
        raise OfferError(_("This activity cannot count for the PNT: %(r)s") % {"r": reasons})
    activity.validated_at = timezone.now()
    activity.validated_by = user
    activity.save(update_fields=["validated_at", "validated_by", "updated_at"])
    return activity


@dataclass
class ImportPlan:
    """What an import did (or, in a dry run, would do): one line per activity."""

    created: list[str] = field(default_factory=list)
    updated: list[tuple[str, list[str]]] = field(default_factory=list)  # title, fields changed
    unchanged: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _changes(activity: Activity, data: dict[str, Any], status: str) -> list[str]:
    changed = [
        name
        for name in EDITABLE_FIELDS
        if name in data and getattr(activity, _attname(name)) != _raw(data[name])
    ]
    if activity.status != status:
        changed.append("status")
    return changed


def plan_import(*, user, provider: Provider, rows: list[ParsedRow]) -> ImportPlan:
    """Match rows on their external id: new ones are created, known ones updated."""
    plan = ImportPlan()
    seen: dict[str, int] = {}
    known = Activity.objects.in_bulk([r.external_id for r in rows], field_name="external_id")
    for row in rows:
        column = row.columns.get("external_id", "external_id")
        if row.external_id in seen:
            plan.errors.append(
                RowError(
                    row.line,
                    column,
                    _("the same id is on line %(n)s") % {"n": seen[row.external_id]},
                )
            )
            continue
        seen[row.external_id] = row.line
        existing = known.get(row.external_id)
        if existing is not None and existing.provider_id != provider.pk:
            plan.errors.append(
                RowError(row.line, column, _("this id belongs to another organisation's activity"))
            )
        elif existing is None:
            municipality = row.data.get("municipality")
            if municipality and not may_author(user, provider=provider, municipality=municipality):
                plan.errors.append(
                    RowError(
                        row.line,
                        row.columns.get("municipality", "municipality"),
                        _("you may not add activities there"),
                    )
                )
            plan.created.append(row.data.get("title", ""))
        else:
            changed = _changes(existing, row.data, row.status)
            if changed:
                plan.updated.append((existing.title, changed))
            else:
                plan.unchanged.append(existing.title)
    return plan


def import_activities(
    *, user, provider: Provider, rows: list[ParsedRow], errors: list[RowError], dry_run: bool
) -> ImportPlan:
    """Apply a parsed file all or nothing: any error (parsing or matching) writes nothing.

    Re-importing updates the activities with the same external id and never duplicates them.
    """
    if provider not in Provider.objects.filter(pk__in=_authoring_provider_ids(user)):
        raise OfferError(_("You may not import activities for this organisation."))
    plan = plan_import(user=user, provider=provider, rows=[r for r in rows if r.external_id])
    plan.errors = sorted([*errors, *plan.errors], key=lambda e: (e.line, e.column))
    if plan.errors or dry_run:
        return plan
    with transaction.atomic():
        known = Activity.objects.select_for_update().in_bulk(
            [r.external_id for r in rows], field_name="external_id"
        )
        for row in rows:
            activity = known.get(row.external_id)
            if activity is None:
                activity = create_activity(
                    user=user, provider=provider, data=row.data, external_id=row.external_id
                )
            elif _changes(activity, row.data, row.status):
                activity = update_activity(user=user, activity=activity, data=row.data)
            if activity.status != row.status:
                Activity.objects.filter(pk=activity.pk).update(status=row.status)
    plan.applied = True
    return plan


def _authoring_provider_ids(user) -> list[int]:
    return list(authoring_providers(user).values_list("pk", flat=True))
