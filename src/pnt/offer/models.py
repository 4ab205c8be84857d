"""Providers and their activities: the offer of a region."""

from __future__ import annotations

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pnt.accounts.scoping import scope_for
from pnt.offer.vocabulary import ActivityType, DutchLevel, Goal, Theme


class ProviderQuerySet(models.QuerySet["Provider"]):
    def visible_to(self, user) -> ProviderQuerySet:
        """Organisations the user may see in staff pages: their area, or their own."""
        scope = scope_for(user)
        if scope.is_admin:
            return self.all()
        q = models.Q(pk__in=scope.provider_ids)
        if scope.area_municipality_ids:
            q |= models.Q(municipality__in=scope.area_municipality_ids)
            q |= models.Q(serves__in=scope.area_municipality_ids)
        if scope.is_counsellor:
            q |= models.Q(activities__status__in=[Activity.Status.PUBLISHED, Activity.Status.FULL])
        return self.filter(q).distinct()


class Provider(models.Model):
    """An organisation that offers activities: club, association, non-profit, service…"""

    class Kind(models.TextChoices):
        ORGANISATION = "organisation", _("organisation")
        CLUB = "club", _("club")
        ASSOCIATION = "association", _("association")
        NONPROFIT = "nonprofit", _("non-profit")
        MUNICIPAL_SERVICE = "municipal_service", _("municipal service")
        COMPANY = "company", _("company")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("seat"),
        on_delete=models.PROTECT,
        related_name="providers",
    )
    serves = models.ManyToManyField(
        "geo.Municipality",
        verbose_name=_("municipalities served"),
        blank=True,
        related_name="served_by",
    )
    description = models.TextField(_("description"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self) -> str:
        return self.name


class ProviderContact(models.Model):
    """A contact point of a provider: a person or a desk newcomers and coaches can reach."""

    provider = models.ForeignKey(
        Provider, verbose_name=_("provider"), on_delete=models.CASCADE, related_name="contacts"
    )
    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    public = models.BooleanField(_("shown in the public catalogue"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")

    def __str__(self) -> str:
        return f"{self.name} ({self.provider})"


def new_external_id() -> str:
    return f"pnt-{uuid.uuid4()}"


class ActivityQuerySet(models.QuerySet["Activity"]):
    def published(self) -> ActivityQuerySet:
        return self.filter(status__in=[Activity.Status.PUBLISHED, Activity.Status.FULL])

    def visible_to(self, user) -> ActivityQuerySet:
        """Published activities are public; drafts and paused ones only within scope."""
        scope = scope_for(user)
        if scope.is_admin:
            return self.all()
        q = models.Q(status__in=[Activity.Status.PUBLISHED, Activity.Status.FULL])
        q |= models.Q(provider__in=scope.provider_ids)
        if scope.area_municipality_ids:
            q |= models.Q(municipality__in=scope.area_municipality_ids)
        return self.filter(q)

    def manageable_by(self, user) -> ActivityQuerySet:
        """Activities the user may change: own organisation's, own municipality's, region's."""
        scope = scope_for(user)
        if scope.is_admin:
            return self.all()
        q = models.Q(provider__in=scope.provider_ids)
        q |= models.Q(municipality__in=scope.officer_municipality_ids)
        if scope.coordinator_region_ids:
            q |= models.Q(municipality__regions__in=scope.coordinator_region_ids)
        return self.filter(q).distinct()


class Activity(models.Model):
    """Something a newcomer can take part in; counts for the PNT if eligible and validated."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        FULL = "full", _("full")
        PAUSED = "paused", _("paused")
        ENDED = "ended", _("ended")

    class ScheduleKind(models.TextChoices):
        SINGLE = "single", _("single date")
        SERIES = "series", _("series of dates")
        WEEKLY = "weekly", _("every week")
        APPOINTMENT = "appointment", _("by appointment")

    class PriceKind(models.TextChoices):
        FREE = "free", _("free")
        PAID = "paid", _("paid")
        UITPAS = "uitpas", _("paid, with UiTPAS social tariff")

    provider = models.ForeignKey(
        Provider, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="activities"
    )
    # Stable identity across systems: re-imports match on it, exports carry it.
    external_id = models.CharField(
        _("external id"), max_length=200, unique=True, default=new_external_id
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # Optional translations of title and description: {"en": {"title": …, "description": …}}.
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    type = models.CharField(_("type"), max_length=32, choices=ActivityType.choices)
    themes = models.JSONField(_("themes"), default=list, blank=True)
    goals = models.JSONField(_("goals"), default=list, blank=True)
    dutch_level = models.PositiveSmallIntegerField(
        _("Dutch level needed"), choices=DutchLevel.choices, default=DutchLevel.NONE
    )
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    schedule_kind = models.CharField(
        _("schedule"), max_length=16, choices=ScheduleKind.choices, default=ScheduleKind.WEEKLY
    )
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    weekday = models.PositiveSmallIntegerField(
        _("weekday"),
        null=True,
        blank=True,
        choices=[
            (0, _("Monday")),
            (1, _("Tuesday")),
            (2, _("Wednesday")),
            (3, _("Thursday")),
            (4, _("Friday")),
            (5, _("Saturday")),
            (6, _("Sunday")),
        ],
    )
    start_time = models.TimeField(_("starts at"), null=True, blank=True)
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    hours_per_session = models.DecimalField(
        _("hours per session"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("2"),
        validators=[MinValueValidator(Decimal("0.25"))],
    )
    total_hours = models.DecimalField(
        _("expected total hours"), max_digits=5, decimal_places=1, default=Decimal("20")
    )
    capacity = models.PositiveIntegerField(_("places"), default=10)
    price_kind = models.CharField(
        _("price"), max_length=16, choices=PriceKind.choices, default=PriceKind.FREE
    )
    price_eur = models.DecimalField(
        _("price in euro"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    price_uitpas_eur = models.DecimalField(
        _("UiTPAS social tariff in euro"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    childcare = models.BooleanField(_("childcare available"), default=False)
    wheelchair_access = models.BooleanField(_("wheelchair accessible"), default=False)
    transport_help = models.BooleanField(_("help with transport"), default=False)
    women_only = models.BooleanField(_("women-only group"), default=False)
    first_visit_accompanied = models.BooleanField(_("first visit accompanied"), default=False)
    family_friendly = models.BooleanField(_("family-friendly"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # PNT eligibility: the formal conditions, as the provider declares them.
    dutch_context = models.BooleanField(_("takes place in a Dutch-language context"), default=True)
    with_others = models.BooleanField(_("done with at least two people"), default=True)
    meets_new_people = models.BooleanField(_("meets new people outside own circle"), default=True)
    lasting_contacts = models.BooleanField(_("chance of lasting contacts"), default=True)
    is_formal_lesson = models.BooleanField(_("is a formal Dutch lesson"), default=False)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("validated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["status", "municipality", "type"]),
            models.Index(fields=["latitude", "longitude"], name="activity_location"),
        ]
        constraints = [
            models.CheckConstraint(
                name="activity_dates_ordered",
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
            ),
            models.CheckConstraint(
                name="activity_times_ordered",
                condition=models.Q(end_time__isnull=True)
                | models.Q(start_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
            ),
            models.CheckConstraint(
                name="activity_hours_positive", condition=models.Q(hours_per_session__gt=0)
            ),
            models.CheckConstraint(
                name="activity_capacity_positive", condition=models.Q(capacity__gte=1)
            ),
            models.CheckConstraint(
                name="activity_ages_ordered",
                condition=models.Q(max_age__isnull=True)
                | models.Q(min_age__isnull=True)
                | models.Q(max_age__gte=models.F("min_age")),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def eligibility_reasons(self) -> list[str]:
        """Why the activity does not meet the formal PNT conditions (empty when it does)."""
        reasons = []
        if not self.dutch_context:
            reasons.append(_("It does not take place in a Dutch-language context."))
        if not self.with_others:
            reasons.append(_("It is not done with at least two people."))
        if not self.meets_new_people:
            reasons.append(_("It does not meet new people outside the own circle."))
        if not self.lasting_contacts:
            reasons.append(_("It offers little chance of lasting contacts."))
        if self.is_formal_lesson:
            reasons.append(_("A formal Dutch lesson does not count."))
        return reasons

    @property
    def verdict(self) -> str:
        """The PNT verdict in one sentence, for badges and exports."""
        if not self.is_eligible:
            return str(_("Does not count for the PNT"))
        if self.validated_at is None:
            return str(_("Eligible, not yet validated"))
        return str(_("Counts for the PNT"))

    def translated(self, language: str) -> tuple[str, str]:
        """Title and description in the language, falling back to the Dutch original."""
        text = (self.translations or {}).get(language) or {}
        return text.get("title") or self.title, text.get("description") or self.description

    @property
    def is_eligible(self) -> bool:
        return not self.eligibility_reasons

    @property
    def places_left(self) -> int:
        """Free places; uses the `taken` annotation of list queries when present."""
        taken = getattr(self, "taken", None)
        if taken is None:
            taken = self.enrolments.filter(status__in=["offered", "confirmed", "attending"]).count()
        return max(0, self.capacity - taken)

    @property
    def counts_for_pnt(self) -> bool:
        return self.is_eligible and self.validated_at is not None


__all__ = ["Activity", "ActivityType", "DutchLevel", "Goal", "Provider", "ProviderContact", "Theme"]
