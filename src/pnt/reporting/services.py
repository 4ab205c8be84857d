"""Every write of pnt.reporting: inviting newcomers and providers to the feedback
questionnaires, and recording their answers."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from pnt.accounts.audit import record_access
from pnt.reporting.models import Feedback

NEWCOMER_ANSWERS = ("helpful", "enjoyed", "met_people", "continues")
PROVIDER_ANSWERS = ("went_well", "welcome_again", "needs_support")
# How far back the invitation round looks for ended trajectories and pairs.
INVITE_WITHIN_DAYS = 90


class FeedbackError(Exception):
    """A questionnaire cannot be sent or answered; the message is fit to show."""


def invite_newcomer(*, newcomer, kind: str = Feedback.Kind.TRAJECTORY, pair=None, by=None):
    """Make (or renew, while unanswered) the newcomer's questionnaire link.

    Returns (feedback, raw key); the key is shown or mailed once. Raises FeedbackError when
    the questionnaire was already answered, or a pair questionnaire lacks its pair.
    """
    if kind == Feedback.Kind.PAIR and pair is None:
        raise FeedbackError(_("Choose the pair the questionnaire is about."))
    with transaction.atomic():
        lookup = {"pair": pair} if kind == Feedback.Kind.PAIR else {"newcomer": newcomer}
        feedback = Feedback.objects.select_for_update().filter(kind=kind, **lookup).first()
        if feedback is not None and feedback.answered_at is not None:
            raise FeedbackError(_("This questionnaire has already been answered."))
        if feedback is None:
            feedback = Feedback(
                kind=kind,
                newcomer=newcomer,
                pair=pair,
                municipality_id=newcomer.municipality_id,
                language=newcomer.preferred_language or "nl",
                created_by=by if getattr(by, "is_authenticated", False) else None,
            )
        raw = feedback.new_key()
        feedback.save()
        if by is not None:
            record_access(user=by, action="create", obj=newcomer, detail=f"feedback link {kind}")
    return feedback, raw


def invite_provider(*, provider, by=None):
    """A new questionnaire link for the provider (one per round); returns (feedback, key)."""
    feedback = Feedback(
        kind=Feedback.Kind.PROVIDER,
        provider=provider,
        municipality_id=provider.municipality_id,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    raw = feedback.new_key()
    feedback.save()
    return feedback, raw


def answer(*, feedback: Feedback, comment: str = "", **answers: str) -> Feedback:
    """Record the answers once; the link then stops working. Answers must be yes, somewhat
    or no, for exactly the questions of the questionnaire's kind."""
    expected = NEWCOMER_ANSWERS if feedback.is_for_newcomer else PROVIDER_ANSWERS
    if set(answers) != set(expected) or not set(answers.values()) <= set(Feedback.Answer.values):
        raise FeedbackError(_("Please answer every question."))
    with transaction.atomic():
        locked = Feedback.objects.select_for_update().get(pk=feedback.pk)
        if locked.answered_at is not None:
            raise FeedbackError(_("This questionnaire has already been answered. Thank you!"))
        for field, value in answers.items():
            setattr(locked, field, value)
        locked.comment = comment.strip()[:2000]
        locked.answered_at = timezone.now()
        locked.key_hash = None
        locked.save()
    return locked


def link(raw_key: str) -> str:
    return getattr(settings, "PNT_SITE_URL", "") + reverse("feedback_form", args=[raw_key])


def _mail(feedback: Feedback, raw: str, to: str) -> bool:
    if not to:
        return False
    with translation.override(feedback.language or "nl"):
        context = {"feedback": feedback, "link": link(raw)}
        subject = render_to_string("reporting/email/invitation_subject.txt", context).strip()
        body = render_to_string("reporting/email/invitation.txt", context)
    send_mail(subject, body, None, [to])
    Feedback.objects.filter(pk=feedback.pk).update(sent_at=timezone.now())
    return True


def send_invitations(*, today: dt.date | None = None) -> dict[str, int]:
    """The invitation round (a daily task): newcomers whose trajectory reached 40 hours or
    whose buddy pair ended recently, and who have no questionnaire yet, get a link by
    e-mail. Returns how many links were mailed per kind."""
    from pnt.buddies.models import Pair
    from pnt.trajectories.models import Newcomer

    since = (today or timezone.localdate()) - dt.timedelta(days=INVITE_WITHIN_DAYS)
    sent = {"trajectory": 0, "pair": 0}
    asked = Feedback.objects.filter(kind=Feedback.Kind.TRAJECTORY, newcomer=OuterRef("pk"))
    for newcomer in Newcomer.objects.filter(trajectory__completed_on__gte=since).exclude(
        Exists(asked)
    ):
        feedback, raw = invite_newcomer(newcomer=newcomer)
        sent["trajectory"] += _mail(feedback, raw, newcomer.email)
    asked = Feedback.objects.filter(kind=Feedback.Kind.PAIR, pair=OuterRef("pk"))
    ended = Pair.objects.filter(status__in=["completed", "stopped"], ended_on__gte=since)
    for pair in ended.exclude(Exists(asked)).select_related("newcomer"):
        feedback, raw = invite_newcomer(newcomer=pair.newcomer, kind=Feedback.Kind.PAIR, pair=pair)
        sent["pair"] += _mail(feedback, raw, pair.newcomer.email)
    return sent


def send_provider_invitations(*, since: dt.date) -> int:
    """Providers who welcomed newcomers (an enrolment finished) since the day get a link."""
    from pnt.offer.models import Provider

    providers = Provider.objects.filter(
        activities__enrolments__status="finished",
        activities__enrolments__closed_at__date__gte=since,
    ).distinct()
    count = 0
    for provider in providers.exclude(email=""):
        feedback, raw = invite_provider(provider=provider)
        count += _mail(feedback, raw, provider.email)
    return count
