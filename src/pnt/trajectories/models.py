"""Newcomers, their participation and network trajectory, and enrolments."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pnt.accounts.scoping import scope_for
from pnt.offer.vocabulary import DutchLevel

PNT_HOURS = 40


class NewcomerQuerySet(models.QuerySet["Newcomer"]):
    def visible_to(self, user) -> NewcomerQuerySet:
        """Newcomers the user may see: residents of their area, their own caseload as
        counsellor, or (for provider staff) those enrolled in their organisation's offer."""
        scope = scope_for(user)
        if scope.is_admin:
            return self.all()
        q = models.Q(pk__in=[])
        if scope.area_municipality_ids:
            q |= models.Q(municipality__in=scope.area_municipality_ids)
        if scope.is_counsellor:
            q |= models.Q(counsellor_id=scope.user_id)
        if scope.provider_ids:
            enrolled = Enrolment.objects.filter(activity__provider__in=scope.provider_ids).values(
                "newcomer_id"
            )
            q |= models.Q(pk__in=enrolled)
        return self.filter(q)


class Newcomer(models.Model):
    """A person in civic integration; identity kept to the minimum the work needs."""

    first_name = models.CharField(_("first name"), max_length=80)
    last_name = models.CharField(_("last name"), max_length=80)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    municipality = models.ForeignKey(
        "geo.Municipality",
        verbose_name=_("municipality of residence"),
        on_delete=models.PROTECT,
        related_name="newcomers",
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="nl"
    )
    dutch_level = models.PositiveSmallIntegerField(
        _("Dutch level"), choices=DutchLevel.choices, default=DutchLevel.NONE
    )
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    gender = models.CharField(_("gender (only if given)"), max_length=20, blank=True)
    obliged = models.BooleanField(_("civic integration is compulsory"), default=True)
    working_or_studying = models.BooleanField(_("works or studies"), default=False)
    obligation_start = models.DateField(_("start of the integration obligation"), null=True)
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("counsellor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="counselled_newcomers",
    )
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coach"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coached_newcomers",
    )
    interests = models.JSONField(_("interests and talents"), default=list, blank=True)
    goals = models.JSONField(_("goals"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = NewcomerQuerySet.as_manager()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("newcomer")
        verbose_name_plural = _("newcomers")
        constraints = [
            models.CheckConstraint(
                name="newcomer_birth_year_plausible",
                condition=models.Q(birth_year__isnull=True)
                | models.Q(birth_year__gte=1900, birth_year__lte=2100),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def pnt_compulsory(self) -> bool:
        """The PNT is compulsory for obliged newcomers who neither work nor study."""
        return self.obliged and not self.working_or_studying


class Trajectory(models.Model):
    """A newcomer's participation and network trajectory (the fourth pillar)."""

    class Status(models.TextChoices):
        INTAKE = "intake", _("intake")
        SEARCHING = "searching", _("searching")
        ACTIVE = "active", _("active")
        COMPLETED = "completed", _("completed")
        STOPPED = "stopped", _("stopped")
        MOVED = "moved", _("moved away")

    newcomer = models.OneToOneField(
        Newcomer, verbose_name=_("newcomer"), on_delete=models.CASCADE, related_name="trajectory"
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.INTAKE, db_index=True
    )
    compulsory = models.BooleanField(_("compulsory"), default=True)
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    pnt_started_on = models.DateField(_("PNT started on (first hour)"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    # Kept in step with the attendance ledger by services.recount_hours (the ledger is the
    # truth); stored so that caseload lists of thousands sort and filter in SQL.
    hours = models.DecimalField(
        _("hours counted"), max_digits=6, decimal_places=2, default=Decimal("0")
    )
    last_attended_on = models.DateField(_("last attended on"), null=True, blank=True)
    stopped_on = models.DateField(_("stopped on"), null=True, blank=True)
    next_action = models.CharField(_("next action"), max_length=200, blank=True)
    next_action_on = models.DateField(_("next action on"), null=True, blank=True)

    class Meta:
        verbose_name = _("trajectory")
        verbose_name_plural = _("trajectories")
        constraints = [
            models.CheckConstraint(
                name="trajectory_completion_after_start",
                condition=models.Q(completed_on__isnull=True)
                | models.Q(pnt_started_on__isnull=True)
                | models.Q(completed_on__gte=models.F("pnt_started_on")),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.newcomer} — {self.get_status_display()}"

    @property
    def days_until_start(self) -> int | None:
        start = self.newcomer.obligation_start or self.opened_on
        if self.pnt_started_on is None or start is None:
            return None
        return (self.pnt_started_on - start).days

    @property
    def days_waiting(self) -> int | None:
        """Days since the obligation (or the trajectory) began while the PNT has not started."""
        if self.pnt_started_on is not None:
            return None
        start = self.newcomer.obligation_start or self.opened_on
        return (timezone.localdate() - start).days if start else None

    @property
    def hours_remaining(self) -> Decimal:
        return max(Decimal("0"), Decimal(PNT_HOURS) - self.hours)

    @property
    def progress_percent(self) -> int:
        return min(100, int(self.hours * 100 / PNT_HOURS))


class Enrolment(models.Model):
    """A newcomer's place (or wish for a place) in one activity."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("requested")
        WAITING = "waiting", _("on the waiting list")
        OFFERED = "offered", _("place offered")
        CONFIRMED = "confirmed", _("confirmed")
        ATTENDING = "attending", _("attending")
        FINISHED = "finished", _("finished")
        CANCELLED = "cancelled", _("cancelled")
        NO_SHOW = "no_show", _("did not come")

    # States that hold one of the activity's places.
    HOLDS_PLACE = (Status.OFFERED, Status.CONFIRMED, Status.ATTENDING)
    OPEN = (Status.REQUESTED, Status.WAITING, Status.OFFERED, Status.CONFIRMED, Status.ATTENDING)

    newcomer = models.ForeignKey(
        Newcomer, verbose_name=_("newcomer"), on_delete=models.CASCADE, related_name="enrolments"
    )
    activity = models.ForeignKey(
        "offer.Activity",
        verbose_name=_("activity"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.REQUESTED,
        db_index=True,
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires at"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Compulsory trajectories go first on the waiting list, then the longest wait.
    priority = models.PositiveSmallIntegerField(_("priority"), default=1)
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True)
    offered_at = models.DateTimeField(_("place offered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    close_reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["requested_at"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["newcomer", "activity"],
                condition=models.Q(
                    status__in=["requested", "waiting", "offered", "confirmed", "attending"]
                ),
                name="enrolment_one_open_per_activity",
            ),
        ]
        indexes = [models.Index(fields=["activity", "status"])]

    def __str__(self) -> str:
        return f"{self.newcomer} → {self.activity} ({self.get_status_display()})"


# --- intake ------------------------------------------------------------------------------


class Weekday(models.TextChoices):
    MON = "mon", _("Monday")
    TUE = "tue", _("Tuesday")
    WED = "wed", _("Wednesday")
    THU = "thu", _("Thursday")
    FRI = "fri", _("Friday")
    SAT = "sat", _("Saturday")
    SUN = "sun", _("Sunday")


class DayPart(models.TextChoices):
    MORNING = "morning", _("morning")
    AFTERNOON = "afternoon", _("afternoon")
    EVENING = "evening", _("evening")


# Weekly availability is a set of slot codes such as "tue-evening".
WEEKLY_SLOTS = [
    (f"{day.value}-{part.value}", f"{day.label} {part.label}")
    for day in Weekday
    for part in DayPart
]


class Mobility(models.TextChoices):
    WALK = "walk", _("on foot")
    BIKE = "bike", _("by bike")
    PUBLIC_TRANSPORT = "public_transport", _("by public transport")
    CAR = "car", _("by car")


class Intake(models.Model):
    """What the intake conversation learned: talents, availability, reach and thresholds."""

    newcomer = models.OneToOneField(
        Newcomer, verbose_name=_("newcomer"), on_delete=models.CASCADE, related_name="intake"
    )
    held_on = models.DateField(_("intake held on"), default=timezone.localdate)
    held_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("intake by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    talents = models.JSONField(_("talents"), default=list, blank=True)
    availability = models.JSONField(_("weekly availability"), default=list, blank=True)
    mobility = models.CharField(
        _("mobility"), max_length=20, choices=Mobility.choices, default=Mobility.PUBLIC_TRANSPORT
    )
    max_km = models.PositiveSmallIntegerField(_("maximum distance (km)"), default=10)
    childcare_needed = models.BooleanField(_("needs childcare"), default=False)
    cost_barrier = models.BooleanField(_("cost is a barrier"), default=False)
    confidence_barrier = models.BooleanField(_("lacks self-confidence"), default=False)
    language_barrier = models.BooleanField(_("language is a barrier"), default=False)
    notes = models.TextField(_("notes"), blank=True)
    own_words = models.TextField(_("in their own words"), blank=True)  # see pnt.ownwords

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        constraints = [
            models.CheckConstraint(
                name="intake_max_km_plausible", condition=models.Q(max_km__lte=200)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.newcomer} — {self.held_on}"


class Move(models.Model):
    """A hand-over: the newcomer moved; the record follows, the old area loses access."""

    newcomer = models.ForeignKey(
        Newcomer, verbose_name=_("newcomer"), on_delete=models.CASCADE, related_name="moves"
    )
    moved_on = models.DateField(_("moved on"))
    from_municipality = models.ForeignKey(
        "geo.Municipality", verbose_name=_("from"), on_delete=models.PROTECT, related_name="+"
    )
    to_municipality = models.ForeignKey(
        "geo.Municipality", verbose_name=_("to"), on_delete=models.PROTECT, related_name="+"
    )
    previous_coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("previous coach"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["-moved_on", "-recorded_at"]
        verbose_name = _("move")
        verbose_name_plural = _("moves")

    def __str__(self) -> str:
        return f"{self.newcomer}: {self.from_municipality} → {self.to_municipality}"


class CoachNote(models.Model):
    """A note in the newcomer's file, with who wrote it and when."""

    newcomer = models.ForeignKey(
        Newcomer, verbose_name=_("newcomer"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("note")
        verbose_name_plural = _("notes")

    def __str__(self) -> str:
        return f"{self.author} {self.created_at:%Y-%m-%d}"


# --- the hours ledger ----------------------------------------------------------------------


class ActivitySession(models.Model):
    """One meeting of an activity: a date with a start and an end time."""

    activity = models.ForeignKey(
        "offer.Activity",
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    date = models.DateField(_("date"))
    start = models.TimeField(_("starts at"))
    end = models.TimeField(_("ends at"))

    class Meta:
        ordering = ["date", "start"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                name="session_end_after_start", condition=models.Q(end__gt=models.F("start"))
            ),
            models.UniqueConstraint(
                fields=["activity", "date", "start"], name="session_unique_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity} {self.date} {self.start:%H:%M}"

    @property
    def length_hours(self) -> Decimal:
        minutes = (self.end.hour * 60 + self.end.minute) - (
            self.start.hour * 60 + self.start.minute
        )
        return (Decimal(minutes) / Decimal(60)).quantize(Decimal("0.01"))


class Attendance(models.Model):
    """Whether one enrolled newcomer was at one session, and the hours that count."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        ABSENT = "absent", _("absent")
        EXCUSED = "excused", _("excused")

    session = models.ForeignKey(
        ActivitySession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    enrolment = models.ForeignKey(
        Enrolment,
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices)
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=2, default=Decimal("0"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment"], name="attendance_once_per_session"
            ),
            models.CheckConstraint(
                name="attendance_hours_only_when_present",
                condition=models.Q(hours__gte=0) & (models.Q(status="present") | models.Q(hours=0)),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment.newcomer_id} @ {self.session_id}: {self.status}"


# --- proof of participation ------------------------------------------------------------------


class ParticipationProof(models.Model):
    """Proof of participation (bewijs van deelname) for one newcomer in one activity.

    The provider's contact confirms it (digitally, with name and time, or by uploading a
    signed paper); the counsellor then checks and accepts it.
    """

    newcomer = models.ForeignKey(
        Newcomer, verbose_name=_("newcomer"), on_delete=models.CASCADE, related_name="proofs"
    )
    activity = models.ForeignKey(
        "offer.Activity", verbose_name=_("activity"), on_delete=models.PROTECT, related_name="+"
    )
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2, default=Decimal("0"))
    first_date = models.DateField(_("first date"), null=True, blank=True)
    last_date = models.DateField(_("last date"), null=True, blank=True)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    confirmed_by_name = models.CharField(_("confirmed by"), max_length=120, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    signed_paper = models.FileField(_("signed paper"), upload_to="proofs/", blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("proof of participation")
        verbose_name_plural = _("proofs of participation")
        constraints = [
            models.UniqueConstraint(
                fields=["newcomer", "activity"], name="proof_once_per_activity"
            ),
            models.CheckConstraint(
                name="proof_accepted_after_confirmation",
                condition=models.Q(accepted_at__isnull=True) | models.Q(confirmed_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.newcomer} — {self.activity}"

    @property
    def state(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.confirmed_at:
            return "confirmed"
        return "to_confirm"


# --- notifications -----------------------------------------------------------------------


class Notification(models.Model):
    """An e-mail to send once. The key makes a retried task or a repeated event harmless."""

    class Kind(models.TextChoices):
        CONFIRMED = "confirmed", _("place confirmed")
        WAITING = "waiting", _("on the waiting list")
        OFFER = "offer", _("place offered")
        REMINDER = "reminder", _("reminder before the first session")
        PROOF_TO_CONFIRM = "proof_to_confirm", _("proof to confirm")

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    to = models.EmailField(_("to"))
    language = models.CharField(_("language"), max_length=8, default="nl")
    enrolment = models.ForeignKey(
        Enrolment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    proof = models.ForeignKey(
        ParticipationProof, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.key


# Allocation rounds, and the matching weights per region.
from pnt.trajectories import models_allocation, models_ledger, models_weights  # noqa: E402, F401
