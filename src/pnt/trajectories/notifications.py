"""Which e-mails an event causes. Called inside a service's transaction: each e-mail is
stored once (by its key) and handed to the background worker after the commit, so a
request never waits for a mail server and a repeated event sends nothing twice."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from pnt.trajectories.models import Enrolment, Notification, ParticipationProof

K = Notification.Kind


def _queue(*, key: str, kind: str, to: str, language: str, **refs) -> int:
    if not to:
        return 0
    notification, created = Notification.objects.get_or_create(
        key=key, defaults={"kind": kind, "to": to, "language": language, **refs}
    )
    if not created:
        return 0
    from pnt.trajectories.tasks import send_notification

    transaction.on_commit(lambda: send_notification.enqueue(notification.pk))
    return 1


def _to_newcomer(enrolment: Enrolment, kind: str, key: str) -> int:
    newcomer = enrolment.newcomer
    return _queue(
        key=key,
        kind=kind,
        to=newcomer.email,
        language=newcomer.preferred_language,
        enrolment=enrolment,
    )


def _to_coach(enrolment: Enrolment, kind: str, key: str) -> int:
    coach = enrolment.newcomer.coach
    if coach is None:
        return 0
    return _queue(
        key=f"{key}:coach",
        kind=kind,
        to=coach.email,
        language=coach.preferred_language,
        enrolment=enrolment,
    )


def enrolment_confirmed(enrolment: Enrolment) -> None:
    key = f"confirmed:{enrolment.pk}"
    _to_newcomer(enrolment, K.CONFIRMED, key)
    _to_coach(enrolment, K.CONFIRMED, key)


def enrolment_waiting(enrolment: Enrolment) -> None:
    _to_newcomer(enrolment, K.WAITING, f"waiting:{enrolment.pk}")


def place_offered(enrolment: Enrolment) -> None:
    key = f"offer:{enrolment.pk}:{enrolment.offered_at:%Y%m%d%H%M%S}"
    _to_newcomer(enrolment, K.OFFER, key)
    _to_coach(enrolment, K.OFFER, key)


def session_reminder(enrolment: Enrolment, day: dt.date) -> int:
    return _to_newcomer(enrolment, K.REMINDER, f"reminder:{enrolment.pk}")


def proof_to_confirm(proof: ParticipationProof) -> None:
    provider = proof.activity.provider
    _queue(
        key=f"proof:{proof.pk}:{proof.hours}",
        kind=K.PROOF_TO_CONFIRM,
        to=provider.email,
        language="nl",
        proof=proof,
    )
