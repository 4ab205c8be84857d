"""Around the trajectory: where newcomers go next (follow-on and its check-ins), which
activities are regular offer and which PNT activities lead to them, and the public
information pages the coordinator maintains."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# --- the regular offer ---------------------------------------------------------------------


class RegularOffer(models.Model):
    """An activity marked as regular offer: a club, an association, volunteering… that a
    newcomer can keep doing after the PNT (doorstroom). The offer app stays unchanged."""

    activity = models.OneToOneField(
        "offer.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="regular_offer",
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    marked_at = models.DateTimeField(_("marked at"), default=timezone.now)

    class Meta:
        verbose_name = _("regular offer")
        verbose_name_plural = _("regular offer")

    def __str__(self) -> str:
        return str(self.activity)


class LeadsTo(models.Model):
    """A PNT activity that leads on to a regular one (the provider's or a partner's)."""

    activity = models.ForeignKey(
        "offer.Activity",
        verbose_name=_("PNT activity"),
        on_delete=models.CASCADE,
        related_name="leads_to",
    )
    regular = models.ForeignKey(
        "offer.Activity",
        verbose_name=_("regular activity"),
        on_delete=models.CASCADE,
        related_name="led_to_from",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("leads to")
        verbose_name_plural = _("leads to")
        constraints = [
            models.UniqueConstraint(fields=["activity", "regular"], name="leads_to_once"),
            models.CheckConstraint(
                name="leads_to_other_activity", condition=~models.Q(activity=models.F("regular"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} → {self.regular}"


# --- follow-on and check-ins -----------------------------------------------------------------


class Destination(models.TextChoices):
    REGULAR_ACTIVITY = "regular_activity", _("a regular activity")
    CLUB = "club", _("a club or association")
    VOLUNTEERING = "volunteering", _("volunteering")
    WORK = "work", _("work")
    STUDY = "study", _("study or training")
    NOTHING_YET = "nothing_yet", _("nothing yet")


class FollowOn(models.Model):
    """Where a newcomer goes next, recorded by the coach when the 40 hours are reached or a
    buddy pair ends; checked 3 and 6 months later."""

    class Occasion(models.TextChoices):
        COMPLETED = "completed", _("40 hours reached")
        PAIR_ENDED = "pair_ended", _("buddy pair ended")

    newcomer = models.ForeignKey(
        "trajectories.Newcomer",
        verbose_name=_("newcomer"),
        on_delete=models.CASCADE,
        related_name="follow_ons",
    )
    occasion = models.CharField(_("occasion"), max_length=16, choices=Occasion.choices)
    pair = models.ForeignKey(
        "buddies.Pair",
        verbose_name=_("pair"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    destination = models.CharField(_("goes on to"), max_length=20, choices=Destination.choices)
    activity = models.ForeignKey(
        "offer.Activity",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_on = models.DateField(_("recorded on"), default=timezone.localdate)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-recorded_on", "-pk"]
        verbose_name = _("follow-on")
        verbose_name_plural = _("follow-on")
        constraints = [
            models.UniqueConstraint(
                fields=["newcomer"],
                condition=models.Q(occasion="completed"),
                name="follow_on_once_per_completion",
            ),
            models.UniqueConstraint(
                fields=["pair"],
                condition=models.Q(pair__isnull=False),
                name="follow_on_once_per_pair",
            ),
            models.CheckConstraint(
                name="follow_on_pair_iff_pair_ended",
                condition=models.Q(occasion="pair_ended", pair__isnull=False)
                | models.Q(occasion="completed", pair__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.newcomer} → {self.get_destination_display()}"


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class CheckIn(models.Model):
    """The 3- or 6-month check-in of a follow-on: a reminder to the coach and one question
    to the newcomer, answered through a secret link that opens this check-in only."""

    class Answer(models.TextChoices):
        SAME = "same", _("yes, still the same")
        OTHER = "other", _("yes, something else")
        STOPPED = "stopped", _("no, not any more")

    class Via(models.TextChoices):
        LINK = "link", _("through the link")
        PHONE = "phone", _("by phone")
        IN_PERSON = "person", _("in person")
        MESSAGE = "message", _("by e-mail or text message")

    ACTIVE = ("same", "other")
    MONTHS = (3, 6)
    # The coach may record an answer from this many days before the check-in is due.
    EARLY_DAYS = 14

    follow_on = models.ForeignKey(
        FollowOn, verbose_name=_("follow-on"), on_delete=models.CASCADE, related_name="check_ins"
    )
    months = models.PositiveSmallIntegerField(_("months after"))
    due_on = models.DateField(_("due on"), db_index=True)
    coach_reminded_at = models.DateTimeField(_("coach reminded at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("question sent at"), null=True, blank=True)
    # Only a hash of the newcomer's link is kept; the link is in the e-mail alone.
    key_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_via = models.CharField(
        _("answered through"), max_length=8, choices=Via.choices, blank=True
    )
    # Who recorded an answer given to them (by phone, in person…); empty for the link.
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answer recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            models.UniqueConstraint(fields=["follow_on", "months"], name="check_in_once"),
            models.CheckConstraint(
                name="check_in_months_3_or_6", condition=models.Q(months__in=[3, 6])
            ),
            models.CheckConstraint(
                name="check_in_answer_has_time",
                condition=models.Q(answer="") | models.Q(answered_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.follow_on.newcomer} +{self.months}m"

    @property
    def still_active(self) -> bool | None:
        return None if not self.answer else self.answer in self.ACTIVE

    @property
    def opens_on(self):
        """The first day the coach may record an answer."""
        return self.due_on - timedelta(days=self.EARLY_DAYS)

    @property
    def recordable(self) -> bool:
        """Whether the coach may record an answer now (not answered, due within days)."""
        return not self.answer and self.opens_on <= timezone.localdate()

    def new_key(self) -> str:
        """A new secret link key (an older link stops working); returns the raw key."""
        raw = secrets.token_urlsafe(24)
        self.key_hash = _hash(raw)
        return raw

    @classmethod
    def by_key(cls, raw: str) -> CheckIn | None:
        if not raw:
            return None
        return (
            cls.objects.select_related("follow_on__newcomer", "follow_on__activity")
            .filter(key_hash=_hash(raw))
            .first()
        )


# --- public information pages ----------------------------------------------------------------


class InfoPage(models.Model):
    """A public page in plain language (what the PNT is, how to publish…), one text per
    language, each save a new version; the published version is what visitors read."""

    class Audience(models.TextChoices):
        NEWCOMERS = "newcomers", _("newcomers")
        PROVIDERS = "providers", _("providers")

    slug = models.SlugField(_("address"), max_length=60, unique=True)
    audience = models.CharField(_("for"), max_length=12, choices=Audience.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["audience", "order", "slug"]
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")

    def __str__(self) -> str:
        return self.slug


class InfoPageVersion(models.Model):
    """One saved text of a page in one language; never changed after saving."""

    page = models.ForeignKey(
        InfoPage, verbose_name=_("page"), on_delete=models.CASCADE, related_name="versions"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=150)
    body = models.TextField(_("text"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved at"), default=timezone.now)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        ordering = ["page", "language", "-number"]
        verbose_name = _("page version")
        verbose_name_plural = _("page versions")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language", "number"], name="info_version_numbered"
            ),
            models.UniqueConstraint(
                fields=["page", "language"],
                condition=models.Q(is_published=True),
                name="info_version_one_published",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.page.slug} [{self.language}] v{self.number}"
