"""The buddy project: volunteers, newcomers' requests for a buddy, matching rounds and their
proposals, pairs, their meetings, the coach's follow-up contacts and the end evaluation."""

from __future__ import annotations

import hashlib
import secrets
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pnt.accounts.scoping import scope_for

# A pair meets about twice a month for six months.
PAIR_MONTHS = 6
# Follow-up contacts by the coach, in days after the start of the pair.
FOLLOW_UP_DAYS = (30, 105)


class Gender(models.TextChoices):
    WOMAN = "woman", _("woman")
    MAN = "man", _("man")
    OTHER = "other", _("other")


class AgeGroup(models.TextChoices):
    YOUNG = "18-29", _("18 to 29")
    ADULT = "30-44", _("30 to 44")
    MIDDLE = "45-64", _("45 to 64")
    SENIOR = "65+", _("65 or older")


AGE_GROUP_ORDER = [choice.value for choice in AgeGroup]


def age_group_for(age: int | None) -> str:
    """The age group of an age in years ('' when unknown)."""
    if age is None:
        return ""
    if age < 30:
        return AgeGroup.YOUNG
    if age < 45:
        return AgeGroup.ADULT
    if age < 65:
        return AgeGroup.MIDDLE
    return AgeGroup.SENIOR


def _in_regions(user, path: str) -> models.Q | None:
    """The filter for rows of the regions where the user is coach or coordinator; None
    means everything (admin)."""
    scope = scope_for(user)
    if scope.is_admin:
        return None
    if not scope.region_ids:
        return models.Q(pk__in=[])
    return models.Q(**{f"{path}__in": scope.region_ids})


class ScopedQuerySet(models.QuerySet):
    region_path = ""

    def visible_to(self, user):
        """Rows of the regions where the user is coordinator or coach (admins: all)."""
        q = _in_regions(user, self.region_path)
        return self.all() if q is None else self.filter(q).distinct()


class BuddyProject(models.Model):
    """The region's buddy project as an activity of the offer: meeting hours are recorded
    in the newcomer's attendance ledger against this activity."""

    region = models.OneToOneField(
        "geo.Region", verbose_name=_("region"), on_delete=models.CASCADE, related_name="+"
    )
    activity = models.ForeignKey(
        "offer.Activity", verbose_name=_("activity"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("buddy project")
        verbose_name_plural = _("buddy projects")

    def __str__(self) -> str:
        return str(self.activity)


class VolunteerQuerySet(ScopedQuerySet):
    region_path = "municipality__regions"


class Volunteer(models.Model):
    """A local resident who volunteers as a buddy for one or more newcomers."""

    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("candidate")
        SCREENED = "screened", _("screened")
        AVAILABLE = "available", _("available")
        PAIRED = "paired", _("paired")
        PAUSED = "paused", _("paused")
        STOPPED = "stopped", _("stopped")

    # Which status may follow which (the coach moves a volunteer along).
    TRANSITIONS = {
        "candidate": {"screened", "stopped"},
        "screened": {"available", "paused", "stopped"},
        "available": {"paired", "paused", "stopped"},
        "paired": {"available", "paused", "stopped"},
        "paused": {"available", "stopped"},
        "stopped": {"candidate"},
    }

    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="volunteers",
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    interests = models.JSONField(_("interests and hobbies"), default=list, blank=True)
    availability = models.JSONField(_("weekly availability"), default=list, blank=True)
    max_travel_km = models.PositiveSmallIntegerField(_("will travel up to (km)"), default=10)
    max_newcomers = models.PositiveSmallIntegerField(_("newcomers at once"), default=1)
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    age_group = models.CharField(_("age group"), max_length=8, choices=AgeGroup.choices, blank=True)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices, blank=True)
    same_gender_only = models.BooleanField(_("only with someone of the same gender"), default=False)
    motivation = models.TextField(_("why they want to be a buddy"), blank=True)
    notes = models.TextField(_("notes of the coach"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.CANDIDATE
    )
    status_changed_at = models.DateTimeField(_("status changed at"), default=timezone.now)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("intake by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    screened_at = models.DateTimeField(_("intake on"), null=True, blank=True)
    consent_at = models.DateTimeField(_("consent to data processing given at"), null=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = VolunteerQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("volunteer")
        verbose_name_plural = _("volunteers")
        constraints = [
            models.CheckConstraint(
                name="volunteer_capacity_positive", condition=models.Q(max_newcomers__gte=1)
            ),
            models.CheckConstraint(
                name="volunteer_capacity_plausible", condition=models.Q(max_newcomers__lte=5)
            ),
            models.CheckConstraint(
                name="volunteer_travel_plausible", condition=models.Q(max_travel_km__lte=200)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class BuddyRequestQuerySet(ScopedQuerySet):
    region_path = "newcomer__municipality__regions"


class BuddyRequest(models.Model):
    """A newcomer's wish for a buddy, made from their trajectory; waits for a matching round."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting for a buddy")
        PROPOSED = "proposed", _("buddy proposed")
        PAIRED = "paired", _("has a buddy")
        WITHDRAWN = "withdrawn", _("withdrawn")
        DONE = "done", _("done")

    OPEN = ("waiting", "proposed", "paired")

    newcomer = models.ForeignKey(
        "trajectories.Newcomer",
        verbose_name=_("newcomer"),
        on_delete=models.CASCADE,
        related_name="buddy_requests",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.WAITING, db_index=True
    )
    # Compulsory trajectories go first: 0 before 1.
    priority = models.PositiveSmallIntegerField(_("priority"), default=1)
    interests = models.JSONField(_("interests"), default=list, blank=True)
    availability = models.JSONField(_("weekly availability"), default=list, blank=True)
    max_km = models.PositiveSmallIntegerField(_("will travel up to (km)"), default=10)
    same_gender_only = models.BooleanField(_("only with someone of the same gender"), default=False)
    commits_six_months = models.BooleanField(_("commits to six months"), default=False)
    note = models.TextField(_("note"), blank=True)
    requested_at = models.DateTimeField(_("asked on"), default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = BuddyRequestQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "requested_at"]
        verbose_name = _("request for a buddy")
        verbose_name_plural = _("requests for a buddy")
        constraints = [
            models.UniqueConstraint(
                fields=["newcomer"],
                condition=models.Q(status__in=["waiting", "proposed", "paired"]),
                name="buddy_request_one_open_per_newcomer",
            ),
            models.CheckConstraint(
                name="buddy_request_commitment", condition=models.Q(commits_six_months=True)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.newcomer} ({self.get_status_display()})"


class MatchingRoundQuerySet(ScopedQuerySet):
    region_path = "region"


class MatchingRound(models.Model):
    """One run of the matching: all waiting newcomers of a region against all volunteers
    with a free place. Stored with its parameters and proposals so it can be re-read."""

    class Status(models.TextChoices):
        OPEN = "open", _("open: proposals to decide")
        CLOSED = "closed", _("closed")

    region = models.ForeignKey(
        "geo.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    newcomers_count = models.PositiveIntegerField(_("newcomers waiting"), default=0)
    volunteers_count = models.PositiveIntegerField(_("volunteers available"), default=0)
    places_count = models.PositiveIntegerField(_("free places"), default=0)
    total_fit = models.FloatField(_("total fit"), default=0)
    # What the solver maximised: the fit weighted by priority (compulsory, waiting time).
    objective = models.FloatField(_("total weighted fit"), default=0)
    seconds = models.FloatField(_("computing time (s)"), default=0)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    objects = MatchingRoundQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("matching round")
        verbose_name_plural = _("matching rounds")

    def __str__(self) -> str:
        return f"{self.region} {self.started_at:%Y-%m-%d %H:%M}"


class ProposalQuerySet(ScopedQuerySet):
    region_path = "round__region"


class Proposal(models.Model):
    """One newcomer–volunteer pair the round proposes, with its fit and its reasons."""

    class Status(models.TextChoices):
        OPEN = "open", _("to decide")
        ACCEPTED = "accepted", _("accepted")
        REJECTED = "rejected", _("rejected")
        LAPSED = "lapsed", _("not decided")

    round = models.ForeignKey(
        MatchingRound,
        verbose_name=_("matching round"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    request = models.ForeignKey(
        BuddyRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="+"
    )
    volunteer = models.ForeignKey(
        Volunteer, verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="+"
    )
    fit = models.FloatField(_("fit"))
    distance_km = models.FloatField(_("distance (km)"), null=True, blank=True)
    # [{"code": …, "params": {…}, "points": …, "text": …}, …] as the core explained them.
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    # A swap made by the coach: the proposal that was replaced.
    swapped_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reject_reason = models.CharField(_("reason"), max_length=200, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-fit", "pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "request"],
                condition=models.Q(status__in=["open", "accepted"]),
                name="proposal_one_live_per_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request.newcomer} + {self.volunteer} ({self.fit:.1f})"


class PairQuerySet(ScopedQuerySet):
    region_path = "newcomer__municipality__regions"


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class Pair(models.Model):
    """A newcomer and a volunteer who meet for about six months."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ACTIVE = "active", _("active")
        COMPLETED = "completed", _("completed")
        STOPPED = "stopped", _("stopped early")

    LIVE = ("proposed", "active")

    newcomer = models.ForeignKey(
        "trajectories.Newcomer",
        verbose_name=_("newcomer"),
        on_delete=models.CASCADE,
        related_name="buddy_pairs",
    )
    volunteer = models.ForeignKey(
        Volunteer, verbose_name=_("volunteer"), on_delete=models.PROTECT, related_name="pairs"
    )
    request = models.ForeignKey(
        BuddyRequest, verbose_name=_("request"), on_delete=models.PROTECT, related_name="pairs"
    )
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The newcomer's place in the buddy project's activity, whose ledger holds the hours.
    enrolment = models.ForeignKey(
        "trajectories.Enrolment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED, db_index=True
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    conversation_on = models.DateField(_("match conversation on"), null=True, blank=True)
    conversation_note = models.TextField(_("match conversation"), blank=True)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    stop_reason = models.CharField(_("reason for stopping"), max_length=200, blank=True)
    # Set when the pair ended badly: the matching never proposes these two again.
    ended_badly = models.BooleanField(_("ended badly"), default=False)
    # Only a hash of the volunteer's meeting link is kept; the link is shown once.
    meeting_key_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)

    objects = PairQuerySet.as_manager()

    class Meta:
        ordering = ["-proposed_at"]
        verbose_name = _("pair")
        verbose_name_plural = _("pairs")
        constraints = [
            models.UniqueConstraint(
                fields=["newcomer"],
                condition=models.Q(status__in=["proposed", "active"]),
                name="pair_one_live_per_newcomer",
            ),
            models.CheckConstraint(
                name="pair_active_has_start",
                condition=~models.Q(status="active") | models.Q(started_on__isnull=False),
            ),
            models.CheckConstraint(
                name="pair_stopped_has_reason",
                condition=~models.Q(status="stopped") | ~models.Q(stop_reason=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.newcomer.first_name} – {self.volunteer.first_name}"

    def new_meeting_key(self) -> str:
        """Make a new secret link key (the old link stops working); returns the raw key."""
        raw = secrets.token_urlsafe(24)
        self.meeting_key_hash = _hash(raw)
        return raw

    @classmethod
    def by_meeting_key(cls, raw: str) -> Pair | None:
        return cls.objects.filter(meeting_key_hash=_hash(raw)).first() if raw else None


class Meeting(models.Model):
    """A meeting of a pair: when, how long, what they did. Its hours count in the
    newcomer's ledger as the buddy activity."""

    class LoggedVia(models.TextChoices):
        LINK = "link", _("the volunteer's link")
        COACH = "coach", _("the coach")

    pair = models.ForeignKey(
        Pair, verbose_name=_("pair"), on_delete=models.CASCADE, related_name="meetings"
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2)
    what = models.CharField(_("what you did"), max_length=300)
    logged_via = models.CharField(max_length=8, choices=LoggedVia.choices)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logged_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-date", "-logged_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                name="meeting_hours_plausible",
                condition=models.Q(hours__gt=Decimal("0"), hours__lte=Decimal("12")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pair} {self.date} {self.hours} h"


class FollowUp(models.Model):
    """A follow-up contact of the coach with a pair: planned, reminded when due, done."""

    pair = models.ForeignKey(
        Pair, verbose_name=_("pair"), on_delete=models.CASCADE, related_name="follow_ups"
    )
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("how it goes"), blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("follow-up contact")
        verbose_name_plural = _("follow-up contacts")

    def __str__(self) -> str:
        return f"{self.pair} {self.due_on}"


class Evaluation(models.Model):
    """The short questionnaire at the end of a pair, one per side."""

    class Side(models.TextChoices):
        NEWCOMER = "newcomer", _("newcomer")
        VOLUNTEER = "volunteer", _("volunteer")

    pair = models.ForeignKey(
        Pair, verbose_name=_("pair"), on_delete=models.CASCADE, related_name="evaluations"
    )
    side = models.CharField(_("who answers"), max_length=10, choices=Side.choices)
    helpful = models.PositiveSmallIntegerField(_("was it helpful for integration (1–5)"))
    enjoyed = models.PositiveSmallIntegerField(_("did you enjoy the meetings (1–5)"))
    keeps_in_touch = models.BooleanField(_("will keep in touch"), default=False)
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.UniqueConstraint(fields=["pair", "side"], name="evaluation_once_per_side"),
            models.CheckConstraint(
                name="evaluation_scores_1_to_5",
                condition=models.Q(helpful__gte=1, helpful__lte=5, enjoyed__gte=1, enjoyed__lte=5),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pair} — {self.side}"
