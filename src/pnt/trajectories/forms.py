"""What people type: intake, enrolment, sessions, attendance sheets, moves, notes, proofs."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pnt.accounts.models import Role, User
from pnt.accounts.scoping import scope_for
from pnt.geo.models import Municipality
from pnt.offer.vocabulary import DutchLevel, Goal, Theme
from pnt.privacy import uploads  # type and size of uploaded files
from pnt.trajectories.models import WEEKLY_SLOTS, Attendance, Mobility

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class ChecklistSelect(forms.CheckboxSelectMultiple):
    """Checkboxes laid out as a compact grid (see .checklist in pnt.css)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, attrs={"class": "checklist"}, **kwargs)


def _municipalities(user):
    scope = scope_for(user)
    qs = Municipality.objects.current()
    if not scope.is_admin and scope.area_municipality_ids and not scope.is_counsellor:
        qs = qs.filter(pk__in=scope.area_municipality_ids)
    return qs.order_by("name_nl")


class IntakeForm(forms.Form):
    """The intake: who the newcomer is, what they like and can, when and how far they can go."""

    first_name = forms.CharField(label=_("First name"), max_length=80)
    last_name = forms.CharField(label=_("Last name"), max_length=80)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    municipality = forms.ModelChoiceField(label=_("Municipality of residence"), queryset=None)
    birth_year = forms.IntegerField(label=_("Birth year"), required=False, min_value=1900)
    gender = forms.CharField(
        label=_("Gender"),
        max_length=20,
        required=False,
        help_text=_("Only if the person gives it."),
    )
    languages = forms.CharField(
        label=_("Languages spoken"),
        required=False,
        max_length=200,
        help_text=_("Separate with commas, e.g. ar, fr, en."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language for e-mails"), choices=settings.LANGUAGES, initial="nl"
    )
    dutch_level = forms.TypedChoiceField(
        label=_("Dutch level"), choices=DutchLevel.choices, coerce=int, initial=DutchLevel.NONE
    )
    obliged = forms.BooleanField(
        label=_("Civic integration is compulsory"), required=False, initial=True
    )
    working_or_studying = forms.BooleanField(label=_("Works or studies"), required=False)
    obligation_start = forms.DateField(
        label=_("Start of the integration obligation"), required=False, widget=DATE
    )
    deadline = forms.DateField(label=_("Deadline of the PNT"), required=False, widget=DATE)
    counsellor = forms.ModelChoiceField(label=_("Counsellor"), queryset=None, required=False)
    coach = forms.ModelChoiceField(label=_("Coach"), queryset=None, required=False)
    interests = forms.MultipleChoiceField(
        label=_("Interests"), choices=Theme.choices, required=False, widget=ChecklistSelect
    )
    talents = forms.MultipleChoiceField(
        label=_("Talents"), choices=Theme.choices, required=False, widget=ChecklistSelect
    )
    goals = forms.MultipleChoiceField(
        label=_("Goals"), choices=Goal.choices, required=False, widget=ChecklistSelect
    )
    own_words = forms.CharField(
        label=_("In their own words"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What they like or are good at, in any language, as they say it."),
    )
    availability = forms.MultipleChoiceField(
        label=_("Available every week"),
        choices=WEEKLY_SLOTS,
        required=False,
        widget=ChecklistSelect,
    )
    mobility = forms.ChoiceField(
        label=_("Gets around"), choices=Mobility.choices, initial=Mobility.PUBLIC_TRANSPORT
    )
    max_km = forms.IntegerField(
        label=_("Maximum distance (km)"), min_value=0, max_value=200, initial=10
    )
    childcare_needed = forms.BooleanField(label=_("Needs childcare"), required=False)
    cost_barrier = forms.BooleanField(label=_("Cost is a barrier"), required=False)
    confidence_barrier = forms.BooleanField(label=_("Lacks self-confidence"), required=False)
    language_barrier = forms.BooleanField(label=_("Language is a barrier"), required=False)
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    allow_duplicate = forms.BooleanField(
        label=_("I checked: this is a different person"), required=False
    )

    def __init__(self, *args, user, show_duplicate_check: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = _municipalities(user)
        self.fields["counsellor"].queryset = (
            User.objects.filter(memberships__role=Role.COUNSELLOR, is_active=True)
            .distinct()
            .order_by("last_name")
        )
        scope = scope_for(user)
        coaches = User.objects.filter(memberships__role=Role.COACH, is_active=True)
        if not scope.is_admin:
            coaches = coaches.filter(memberships__region__in=scope.region_ids)
        self.fields["coach"].queryset = coaches.distinct().order_by("last_name")
        if not show_duplicate_check:
            del self.fields["allow_duplicate"]

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year and year > timezone.localdate().year:
            raise forms.ValidationError(_("A birth year cannot lie in the future."))
        return year

    def clean_languages(self):
        raw = self.cleaned_data.get("languages") or ""
        return [part.strip().lower() for part in raw.split(",") if part.strip()][:10]

    NEWCOMER = [
        "first_name", "last_name", "email", "phone", "municipality", "birth_year", "gender",
        "languages", "preferred_language", "dutch_level", "obliged", "working_or_studying",
        "obligation_start", "counsellor", "coach", "interests", "goals",
    ]  # fmt: skip
    ANSWERS = [
        "talents", "availability", "mobility", "max_km", "childcare_needed", "cost_barrier",
        "confidence_barrier", "language_barrier", "notes", "own_words",
    ]  # fmt: skip

    def details(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.NEWCOMER if k in self.cleaned_data}

    def answers(self) -> dict:
        return {k: self.cleaned_data[k] for k in self.ANSWERS}

    @staticmethod
    def initial_for(newcomer) -> dict:
        initial = {k: getattr(newcomer, k) for k in IntakeForm.NEWCOMER}
        initial["languages"] = ", ".join(newcomer.languages or [])
        intake = getattr(newcomer, "intake", None)
        if intake is not None:
            initial.update({k: getattr(intake, k) for k in IntakeForm.ANSWERS})
        trajectory = getattr(newcomer, "trajectory", None)
        initial["deadline"] = trajectory.deadline if trajectory else None
        return initial


class EnrolForm(forms.Form):
    activity = forms.ModelChoiceField(label=_("Activity"), queryset=None)
    confirm_now = forms.BooleanField(
        label=_("Confirm the place now (or put on the waiting list when full)"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE)
    start = forms.TimeField(label=_("Starts at"), widget=TIME)
    end = forms.TimeField(label=_("Ends at"), widget=TIME)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            raise forms.ValidationError(_("A session must end after it starts."))
        return data


class AttendanceLineForm(forms.Form):
    """One participant's line on the attendance sheet."""

    status = forms.ChoiceField(
        label=_("Attendance"), choices=Attendance.Status.choices, widget=forms.RadioSelect
    )
    hours = forms.DecimalField(
        label=_("Hours"),
        min_value=Decimal("0"),
        max_digits=4,
        decimal_places=2,
        required=False,
        widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
    )

    def __init__(self, *args, max_hours: Decimal, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_hours = max_hours
        self.fields["hours"].widget.attrs["max"] = str(max_hours)

    def clean(self):
        data = super().clean()
        hours = data.get("hours")
        if hours is not None and hours > self.max_hours:
            self.add_error(
                "hours",
                _("At most %(max)s hours: the length of the session.") % {"max": self.max_hours},
            )
        return data


class MoveForm(forms.Form):
    to_municipality = forms.ModelChoiceField(label=_("New municipality"), queryset=None)
    moved_on = forms.DateField(label=_("Moved on"), widget=DATE, initial=timezone.localdate)
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_municipality"].queryset = Municipality.objects.current().order_by("name_nl")


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("New note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class NextActionForm(forms.Form):
    next_action = forms.CharField(label=_("Next action"), max_length=200, required=False)
    next_action_on = forms.DateField(label=_("By"), required=False, widget=DATE)


class ProofConfirmForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    paper = forms.FileField(
        label=_("Signed paper (optional)"), required=False, validators=[uploads.signed_paper]
    )


class DashboardFilterForm(forms.Form):
    """Caseload filters; the numbers of days and weeks define when someone is stuck."""

    q = forms.CharField(label=_("Name"), required=False)
    stuck = forms.ChoiceField(
        label=_("Stuck"),
        required=False,
        choices=[
            ("", _("everyone")),
            ("no_activity", _("no activity yet")),
            ("no_hours", _("no hours lately")),
            ("waiting_only", _("waiting list only")),
            ("deadline", _("deadline near")),
        ],
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    no_activity_days = forms.IntegerField(
        label=_("No activity after (days)"), min_value=1, max_value=365, required=False
    )
    no_hours_weeks = forms.IntegerField(
        label=_("No hours for (weeks)"), min_value=1, max_value=52, required=False
    )
    deadline_days = forms.IntegerField(
        label=_("Deadline within (days)"), min_value=1, max_value=365, required=False
    )

    mine = forms.BooleanField(label=_("Only my newcomers"), required=False)

    def __init__(self, *args, **kwargs):
        from pnt.trajectories.models import Trajectory

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("all"))] + list(Trajectory.Status.choices)
