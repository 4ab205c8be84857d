"""Consent records: what a person agreed to, when, and its withdrawal."""

from __future__ import annotations

import datetime as dt

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pnt.privacy.models import Consent

# The words shown next to the consent box (the same text as on the form), kept with every
# consent in the language the person read them in.
STATEMENTS = {
    Consent.Purpose.BUDDY_VOLUNTEER: (
        _("I agree that the buddy project keeps my details to find a buddy for me."),
        _(
            "Only the coaches of the buddy project see them. You can ask us to delete "
            "them at any time."
        ),
    ),
    Consent.Purpose.PUBLIC_REQUEST: (
        _("I agree that the regional network keeps the details of this request to answer it."),
        _("You can ask us to delete them at any time."),
    ),
    Consent.Purpose.CONTACT: (
        _("I agree that the regional network contacts me about its activities."),
        _("You can ask us to delete them at any time."),
    ),
}


def record_consent(
    *,
    subject: models.Model,
    purpose: str,
    statement: str = "",
    given_at: dt.datetime | None = None,
    source: str = "web",
) -> Consent:
    """Keep the proof of a consent: who (the record), for what, the words (in the language
    active now, the one the person read), when."""
    if not statement:
        statement = " ".join(str(part) for part in STATEMENTS[purpose])
    return Consent.objects.create(
        subject_type=subject._meta.label_lower,
        subject_id=str(subject.pk),
        purpose=purpose,
        statement=statement,
        given_at=given_at or timezone.now(),
        source=source[:64],
    )


def consents_of(subject: models.Model) -> models.QuerySet[Consent]:
    return Consent.objects.filter(
        subject_type=subject._meta.label_lower, subject_id=str(subject.pk)
    )


def withdraw_consents(*, subject: models.Model, note: str = "") -> int:
    """Mark every consent of the person still in force as withdrawn; returns how many."""
    with transaction.atomic():
        return (
            consents_of(subject)
            .filter(withdrawn_at__isnull=True)
            .update(withdrawn_at=timezone.now(), withdrawal_note=note[:200])
        )
