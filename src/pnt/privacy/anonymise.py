"""Anonymisation: on a person's request, or automatically when the retention period is over.

What goes: names, contact details, free text (notes, reasons, what was done at a meeting),
fine-grained profile lists (languages, interests, availability), signed papers, stored
e-mails, secret links. What stays, so that every figure of the past stays the same: the
rows themselves with their municipality, statuses, dates and hours (attendance, meetings),
the Dutch level, the barriers ticked at intake, the decade of birth and the age group.
An anonymised person is recorded once in :class:`~pnt.privacy.models.Anonymisation`.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import Cast, Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from pnt.accounts.audit import record_access
from pnt.buddies.models import (
    BuddyRequest,
    Evaluation,
    FollowUp,
    Meeting,
    Pair,
    Proposal,
    Volunteer,
)
from pnt.privacy.consent import withdraw_consents
from pnt.privacy.errors import PrivacyError
from pnt.privacy.models import Anonymisation
from pnt.trajectories.models import (
    CoachNote,
    Enrolment,
    Intake,
    Move,
    Newcomer,
    Notification,
    ParticipationProof,
    Trajectory,
)

logger = logging.getLogger("pnt.privacy")

ANONYMOUS = "Anoniem"
REMOVED = "—"
ENDED = (Trajectory.Status.COMPLETED, Trajectory.Status.STOPPED, Trajectory.Status.MOVED)
NEWCOMER = "trajectories.newcomer"
VOLUNTEER = "buddies.volunteer"


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` calendar months earlier (the last day of a shorter month)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_anonymised(obj: models.Model) -> bool:
    return Anonymisation.objects.filter(
        subject_type=obj._meta.label_lower, subject_id=str(obj.pk)
    ).exists()


def _anonymisation_exists(label: str) -> models.Exists:
    return models.Exists(
        Anonymisation.objects.filter(
            subject_type=label, subject_id=Cast(models.OuterRef("pk"), models.CharField())
        )
    )


def _claim(obj: models.Model, *, reason: str, by, note: str) -> bool:
    """Record the anonymisation; False when it was done before (then nothing changes)."""
    _record, created = Anonymisation.objects.get_or_create(
        subject_type=obj._meta.label_lower,
        subject_id=str(obj.pk),
        defaults={"reason": reason, "done_by": by, "note": note[:200]},
    )
    return created


def _clear_pairs(pairs: models.QuerySet[Pair]) -> None:
    pairs.update(conversation_note="", meeting_key_hash=None)
    pairs.exclude(stop_reason="").update(stop_reason=REMOVED)
    Meeting.objects.filter(pair__in=pairs).update(what="")
    FollowUp.objects.filter(pair__in=pairs).update(note="")
    Evaluation.objects.filter(pair__in=pairs).update(comment="")


def _delete_papers(proofs: models.QuerySet[ParticipationProof]) -> None:
    for proof in proofs.exclude(signed_paper=""):
        name = proof.signed_paper.name
        storage = proof.signed_paper.storage
        # Delete the file once the change is committed: a rollback keeps both.
        transaction.on_commit(lambda s=storage, n=name: s.delete(n))
    proofs.update(signed_paper="")


def anonymise_newcomer(
    *, newcomer: Newcomer, reason: str, by=None, via: str = "web", note: str = ""
) -> bool:
    """Anonymise one newcomer and everything written about them, in one transaction.
    On request only once the trajectory is closed (the integration obligation is a legal
    duty while it runs). Returns False when it had been done already."""
    with transaction.atomic():
        newcomer = Newcomer.objects.select_for_update().get(pk=newcomer.pk)
        trajectory = Trajectory.objects.filter(newcomer=newcomer).first()
        if reason == Anonymisation.Reason.REQUEST and trajectory and trajectory.status not in ENDED:
            raise PrivacyError(
                _("The trajectory is still open. Stop it first; then the record can be erased.")
            )
        if not _claim(newcomer, reason=reason, by=by, note=note):
            return False
        decade = newcomer.birth_year - newcomer.birth_year % 10 if newcomer.birth_year else None
        Newcomer.objects.filter(pk=newcomer.pk).update(
            first_name=ANONYMOUS, last_name=f"#{newcomer.pk}", email="", phone="",
            languages=[], gender="", interests=[], goals=[], birth_year=decade,
            counsellor=None, coach=None,
        )  # fmt: skip
        Intake.objects.filter(newcomer=newcomer).update(
            notes="", availability=[], talents=[], held_by=None
        )
        CoachNote.objects.filter(newcomer=newcomer).delete()
        Move.objects.filter(newcomer=newcomer).update(note="")
        Trajectory.objects.filter(newcomer=newcomer).update(next_action="")
        Enrolment.objects.filter(newcomer=newcomer).update(close_reason="")
        _delete_papers(ParticipationProof.objects.filter(newcomer=newcomer))
        Notification.objects.filter(
            models.Q(enrolment__newcomer=newcomer) | models.Q(proof__newcomer=newcomer)
        ).delete()
        BuddyRequest.objects.filter(newcomer=newcomer).update(note="", availability=[])
        Proposal.objects.filter(request__newcomer=newcomer).update(reasons=[])
        _clear_pairs(Pair.objects.filter(newcomer=newcomer))
        withdraw_consents(subject=newcomer, note="anonymised")
        record_access(
            user=by, action="delete", obj=newcomer, via=via, detail=f"anonymised ({reason})"
        )
    logger.info("newcomer anonymised", extra={"newcomer_id": newcomer.pk, "reason": reason})
    return True


def anonymise_volunteer(
    *, volunteer: Volunteer, reason: str, by=None, via: str = "web", note: str = ""
) -> bool:
    """Anonymise one volunteer and what was written about their pairs. On request only
    when no pair is running. Returns False when it had been done already."""
    with transaction.atomic():
        volunteer = Volunteer.objects.select_for_update().get(pk=volunteer.pk)
        live = Pair.objects.filter(volunteer=volunteer, status__in=Pair.LIVE).exists()
        if reason == Anonymisation.Reason.REQUEST and live:
            raise PrivacyError(
                _("This volunteer still has a running pair. End it first; then erase.")
            )
        if not _claim(volunteer, reason=reason, by=by, note=note):
            return False
        Volunteer.objects.filter(pk=volunteer.pk).update(
            first_name=ANONYMOUS, last_name=f"#{volunteer.pk}", email="", phone="",
            languages=[], interests=[], availability=[], birth_year=None, motivation="",
            notes="",
        )  # fmt: skip
        Proposal.objects.filter(volunteer=volunteer).update(reasons=[])
        _clear_pairs(Pair.objects.filter(volunteer=volunteer))
        withdraw_consents(subject=volunteer, note="anonymised")
        record_access(
            user=by, action="delete", obj=volunteer, via=via, detail=f"anonymised ({reason})"
        )
    logger.info("volunteer anonymised", extra={"volunteer_id": volunteer.pk, "reason": reason})
    return True


# --- retention ------------------------------------------------------------------------------


def expired_newcomers(*, today: dt.date, months: int) -> models.QuerySet[Newcomer]:
    """Newcomers whose trajectory ended more than `months` ago, not anonymised yet and
    without a running buddy pair. The end is the completion, stop or move date, or the
    last attended session if later."""
    last_move = models.Subquery(
        Move.objects.filter(newcomer=models.OuterRef("pk"))
        .order_by("-moved_on")
        .values("moved_on")[:1]
    )
    opened = models.F("trajectory__opened_on")
    return (
        Newcomer.objects.filter(trajectory__status__in=ENDED)
        .annotate(
            ended_on=Greatest(
                Coalesce("trajectory__completed_on", "trajectory__stopped_on", last_move, opened),
                Coalesce("trajectory__last_attended_on", opened),
            ),
            anonymised=_anonymisation_exists(NEWCOMER),
        )
        .filter(ended_on__lt=months_before(today, months), anonymised=False)
        .exclude(buddy_pairs__status__in=Pair.LIVE)
    )


def expired_volunteers(*, today: dt.date, months: int) -> models.QuerySet[Volunteer]:
    """Volunteers who stopped (or signed up and never went further) more than `months`
    ago, not anonymised yet and without a running pair."""
    cutoff = timezone.make_aware(dt.datetime.combine(months_before(today, months), dt.time()))
    return (
        Volunteer.objects.filter(
            status__in=[Volunteer.Status.STOPPED, Volunteer.Status.CANDIDATE],
            status_changed_at__lt=cutoff,
        )
        .annotate(anonymised=_anonymisation_exists(VOLUNTEER))
        .filter(anonymised=False)
        .exclude(pairs__status__in=Pair.LIVE)
    )


def anonymise_expired(
    *, today: dt.date | None = None, months: int | None = None, via: str = "task"
) -> dict[str, int]:
    """Anonymise every record whose retention period is over; safe to run again (each
    person once, each in their own transaction). Returns how many of each kind."""
    today = today or timezone.localdate()
    months = settings.PNT_RETENTION_MONTHS if months is None else months
    done = {"newcomers": 0, "volunteers": 0}
    retention = Anonymisation.Reason.RETENTION
    for newcomer in expired_newcomers(today=today, months=months).order_by("pk"):
        done["newcomers"] += anonymise_newcomer(newcomer=newcomer, reason=retention, via=via)
    for volunteer in expired_volunteers(today=today, months=months).order_by("pk"):
        done["volunteers"] += anonymise_volunteer(volunteer=volunteer, reason=retention, via=via)
    logger.info("retention run", extra={"months": months, **done})
    return done
