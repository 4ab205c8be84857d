"""Every write of outreach: follow-on and its check-ins, the regular offer and what leads
to it, and versions of the information pages. Plain functions, one transaction each."""

from __future__ import annotations

import calendar
import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pnt.accounts.audit import record_access
from pnt.buddies.models import Pair
from pnt.offer.models import Activity
from pnt.outreach import notifications
from pnt.outreach.errors import OutreachError
from pnt.outreach.models import (
    CheckIn,
    Destination,
    FollowOn,
    InfoPage,
    InfoPageVersion,
    LeadsTo,
    RegularOffer,
)
from pnt.trajectories.models import PNT_HOURS, Newcomer, Trajectory

ENDED_PAIR = (Pair.Status.COMPLETED, Pair.Status.STOPPED)
# A link still answers for this long after its check-in was due.
LINK_DAYS = 90


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# --- follow-on -------------------------------------------------------------------------------


def has_completed(newcomer: Newcomer) -> bool:
    trajectory = getattr(newcomer, "trajectory", None)
    return trajectory is not None and (
        trajectory.status == Trajectory.Status.COMPLETED or trajectory.hours >= PNT_HOURS
    )


def _check_occasion(newcomer: Newcomer, pair: Pair | None) -> None:
    if pair is not None:
        if pair.newcomer_id != newcomer.pk:
            raise OutreachError(_("This pair is not the newcomer's."))
        if pair.status not in ENDED_PAIR:
            raise OutreachError(_("The buddy pair has not ended yet."))
    elif not has_completed(newcomer):
        raise OutreachError(
            _("%(name)s has not reached the 40 hours yet.") % {"name": newcomer.first_name}
        )


def record_follow_on(
    *,
    newcomer: Newcomer,
    destination: str,
    by,
    activity: Activity | None = None,
    note: str = "",
    pair: Pair | None = None,
    on: dt.date | None = None,
) -> FollowOn:
    """Record (or correct) where the newcomer goes next, once the 40 hours are reached or a
    buddy pair ended. The first time, plans the check-ins 3 and 6 months later."""
    _check_occasion(newcomer, pair)
    if destination == Destination.NOTHING_YET and activity is not None:
        raise OutreachError(_("Choose an activity only when the newcomer goes on to one."))
    occasion = FollowOn.Occasion.PAIR_ENDED if pair else FollowOn.Occasion.COMPLETED
    on = on or timezone.localdate()
    with transaction.atomic():
        lookup = {"pair": pair} if pair else {"newcomer": newcomer, "occasion": occasion}
        follow_on = FollowOn.objects.select_for_update().filter(**lookup).first()
        created = follow_on is None
        if created:
            follow_on = FollowOn(newcomer=newcomer, occasion=occasion, pair=pair, recorded_on=on)
        follow_on.destination = destination
        follow_on.activity = activity
        follow_on.note = note
        follow_on.recorded_by = by if getattr(by, "is_authenticated", False) else None
        follow_on.save()
        if created:
            CheckIn.objects.bulk_create(
                CheckIn(follow_on=follow_on, months=m, due_on=add_months(on, m))
                for m in CheckIn.MONTHS
            )
        record_access(user=by, action="create" if created else "change", obj=follow_on)
    return follow_on


def due_check_ins(today: dt.date | None = None):
    """Check-ins that are due, not answered, and whose coach or newcomer is still to hear."""
    today = today or timezone.localdate()
    return CheckIn.objects.filter(due_on__lte=today, answer="").filter(
        coach_reminded_at__isnull=True
    )


def send_due_check_ins(*, today: dt.date | None = None) -> int:
    """Remind the coach and ask the newcomer for every due check-in. Idempotent: each row is
    locked and marked, so a repeated or concurrent run sends nothing twice. Returns how
    many check-ins were handled."""
    handled = 0
    for pk in list(due_check_ins(today).values_list("pk", flat=True)):
        handled += _send_one(pk, today)
    return handled


def _send_one(pk: int, today: dt.date | None) -> int:
    with transaction.atomic():
        check_in = (
            due_check_ins(today)
            .select_for_update(of=("self",))
            .select_related("follow_on__newcomer__coach", "follow_on__recorded_by")
            .filter(pk=pk)
            .first()
        )
        if check_in is None:
            return 0
        now = timezone.now()
        notifications.remind_coach(check_in)
        check_in.coach_reminded_at = now
        fields = ["coach_reminded_at"]
        if check_in.sent_at is None:
            raw = check_in.new_key()
            if notifications.ask_newcomer(check_in, raw):
                check_in.sent_at = now
                fields.append("sent_at")
            fields.append("key_hash")
        check_in.save(update_fields=fields)
    return 1


def link_is_open(check_in: CheckIn, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return (today - check_in.due_on).days <= LINK_DAYS


def answer_check_in(*, check_in: CheckIn, answer: str, via: str = "link", by=None) -> CheckIn:
    """Record the answer to this one check-in; an answered check-in stays as it is."""
    if answer not in CheckIn.Answer.values:
        raise OutreachError(_("Choose one of the answers."))
    with transaction.atomic():
        locked = CheckIn.objects.select_for_update().get(pk=check_in.pk)
        if locked.answer:
            raise OutreachError(_("This question was already answered."))
        locked.answer, locked.answered_at, locked.answered_via = answer, timezone.now(), via
        locked.save(update_fields=["answer", "answered_at", "answered_via"])
        if by is not None:
            record_access(user=by, action="change", obj=locked.follow_on, detail="check-in")
    return locked


def record_check_in_answer(
    *, check_in: CheckIn, answer: str, via: str, answered_on: dt.date, by
) -> CheckIn:
    """Record the answer the newcomer gave the coach (by phone, in person…) on the day they
    gave it, with who recorded it. Never overwrites an answer (the link's or another
    coach's) and never dates an answer in the future or long before the check-in was due;
    raises `OutreachError` with a message for the coach. Audited."""
    if answer not in CheckIn.Answer.values:
        raise OutreachError(_("Choose one of the answers."))
    if via not in CheckIn.Via.values or via == CheckIn.Via.LINK:
        raise OutreachError(_("Choose how the newcomer answered."))
    today = timezone.localdate()
    if answered_on > today:
        raise OutreachError(_("The day of the answer cannot be in the future."))
    with transaction.atomic():
        locked = CheckIn.objects.select_for_update().get(pk=check_in.pk)
        if answered_on < locked.opens_on:
            raise OutreachError(
                _("This check-in can be answered from %(day)s.")
                % {"day": date_format(locked.opens_on, "j F Y")}
            )
        if locked.answer:
            raise OutreachError(_("This question was already answered."))
        locked.answer, locked.answered_via, locked.answered_by = answer, via, by
        locked.answered_at = _moment(answered_on, today)
        locked.save(update_fields=["answer", "answered_at", "answered_via", "answered_by"])
        record_access(
            user=by, action="change", obj=locked.follow_on,
            detail=f"check-in {locked.months} months: {answer} ({via})",
        )  # fmt: skip
    return locked


def _moment(day: dt.date, today: dt.date) -> dt.datetime:
    """Now for an answer of today; noon (local time) for an answer of an earlier day."""
    if day == today:
        return timezone.now()
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))


# --- the regular offer -----------------------------------------------------------------------


def mark_regular(*, activity: Activity, regular: bool, by) -> None:
    """Mark an activity as regular offer (or take the mark away)."""
    with transaction.atomic():
        if regular:
            RegularOffer.objects.get_or_create(activity=activity, defaults={"marked_by": by})
        else:
            RegularOffer.objects.filter(activity=activity).delete()
            LeadsTo.objects.filter(regular=activity).delete()


def link_leads_to(*, activity: Activity, regular: Activity, by) -> LeadsTo:
    """Say that the PNT activity leads on to a regular one."""
    if activity.pk == regular.pk:
        raise OutreachError(_("An activity cannot lead to itself."))
    if not RegularOffer.objects.filter(activity=regular).exists():
        raise OutreachError(_("%(title)s is not marked as regular offer.") % {"title": regular})
    try:
        with transaction.atomic():
            return LeadsTo.objects.create(activity=activity, regular=regular, created_by=by)
    except IntegrityError:
        raise OutreachError(_("This link is already there.")) from None


def unlink_leads_to(*, activity: Activity, regular_id: int) -> None:
    LeadsTo.objects.filter(activity=activity, regular_id=regular_id).delete()


# --- information pages -----------------------------------------------------------------------


def save_page_version(
    *, page: InfoPage, language: str, title: str, body: str, by, publish: bool = False
) -> InfoPageVersion:
    """Save the text as a new version (earlier versions never change); publish it at once
    when asked."""
    with transaction.atomic():
        InfoPage.objects.select_for_update().filter(pk=page.pk).first()
        last = page.versions.filter(language=language).aggregate(n=Max("number"))["n"] or 0
        version = InfoPageVersion.objects.create(
            page=page,
            language=language,
            number=last + 1,
            title=title,
            body=body,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        if publish:
            publish_version(version=version, by=by)
    return version


def publish_version(*, version: InfoPageVersion, by) -> InfoPageVersion:
    """Make this version the one visitors read in its language."""
    with transaction.atomic():
        InfoPageVersion.objects.filter(
            page=version.page_id, language=version.language, is_published=True
        ).exclude(pk=version.pk).update(is_published=False)
        version.is_published, version.published_at = True, timezone.now()
        version.save(update_fields=["is_published", "published_at"])
    return version
