"""What people type in the buddy project: sign-up, intake, requests, rounds, pairs."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pnt.buddies.models import AgeGroup, Evaluation, Gender, Volunteer
from pnt.geo.models import Municipality
from pnt.offer.vocabulary import Theme
from pnt.trajectories.models import WEEKLY_SLOTS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("fr", _("French")),
    ("de", _("German")),
    ("ar", _("Arabic")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("tr", _("Turkish")),
    ("es", _("Spanish")),
    ("fa", _("Persian")),
    ("ps", _("Pashto")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
]
SCORES = [(n, str(n)) for n in range(1, 6)]


class Checks(forms.CheckboxSelectMultiple):
    """Checkboxes laid out as a grid that folds to one column on a phone."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, attrs={"class": "buddy-checks"}, **kwargs)


def region_municipalities():
    """Municipalities that belong to a regional network (the buddy projects' area)."""
    return (
        Municipality.objects.current().filter(regions__isnull=False).distinct().order_by("name_nl")
    )


class VolunteerSignUpForm(forms.Form):
    """The public sign-up: short, plain words, nothing the coach can ask later."""

    first_name = forms.CharField(label=_("First name"), max_length=80)
    last_name = forms.CharField(label=_("Last name"), max_length=80)
    email = forms.EmailField(label=_("E-mail"))
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    municipality = forms.ModelChoiceField(
        label=_("Where do you live?"),
        queryset=Municipality.objects.none(),
        empty_label=_("Choose your municipality"),
    )
    age_group = forms.ChoiceField(
        label=_("Your age"),
        choices=AgeGroup.choices,
        widget=forms.RadioSelect(attrs={"class": "buddy-checks"}),
    )
    interests = forms.MultipleChoiceField(
        label=_("What do you like to do?"),
        choices=Theme.choices,
        widget=Checks,
        help_text=_("We look for a newcomer with the same interests."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Which languages do you speak?"),
        choices=LANGUAGES,
        widget=Checks,
        initial=["nl"],
    )
    availability = forms.MultipleChoiceField(
        label=_("When are you free?"), choices=WEEKLY_SLOTS, widget=Checks, required=False
    )
    max_travel_km = forms.IntegerField(
        label=_("How far will you travel? (km)"), min_value=0, max_value=200, initial=10
    )
    gender = forms.ChoiceField(
        label=_("You are a"),
        choices=[("", _("I prefer not to say")), *Gender.choices],
        required=False,
    )
    same_gender_only = forms.BooleanField(
        label=_("I only want a buddy of my own gender"), required=False
    )
    motivation = forms.CharField(
        label=_("Why do you want to be a buddy? (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    consent = forms.BooleanField(
        label=_("I agree that the buddy project keeps my details to find a buddy for me."),
        help_text=_(
            "Only the coaches of the buddy project see them. You can ask us to delete "
            "them at any time."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = region_municipalities()

    def clean(self):
        data = super().clean()
        if data.get("same_gender_only") and not data.get("gender"):
            self.add_error(
                "gender", _("Tell us your gender if you only want a buddy of your own gender.")
            )
        return data


class VolunteerIntakeForm(forms.ModelForm):
    """The coach's intake conversation with a volunteer."""

    interests = forms.MultipleChoiceField(
        label=_("Interests and hobbies"), choices=Theme.choices, widget=Checks, required=False
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=LANGUAGES, widget=Checks, required=False
    )
    availability = forms.MultipleChoiceField(
        label=_("Weekly availability"), choices=WEEKLY_SLOTS, widget=Checks, required=False
    )

    class Meta:
        model = Volunteer
        fields = [
            "first_name", "last_name", "email", "phone", "municipality", "age_group",
            "birth_year", "gender", "same_gender_only", "interests", "languages",
            "availability", "max_travel_km", "max_newcomers", "motivation", "notes",
        ]  # fmt: skip
        widgets = {
            "motivation": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = region_municipalities()
        self.fields["max_newcomers"].min_value = 1
        self.fields["max_newcomers"].max_value = 5

    def clean(self):
        data = super().clean()
        if data.get("same_gender_only") and not data.get("gender"):
            self.add_error("gender", _("Fill in the gender to match only with the same gender."))
        return data


class VolunteerStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Volunteer.Status.choices)


class BuddyRequestForm(forms.Form):
    """The newcomer opts in to the buddy project (with the coach or counsellor)."""

    interests = forms.MultipleChoiceField(
        label=_("Interests"), choices=Theme.choices, widget=Checks, required=False
    )
    availability = forms.MultipleChoiceField(
        label=_("Weekly availability"), choices=WEEKLY_SLOTS, widget=Checks, required=False
    )
    max_km = forms.IntegerField(label=_("Will travel up to (km)"), min_value=0, max_value=200)
    same_gender_only = forms.BooleanField(
        label=_("Only a buddy of the same gender"), required=False
    )
    commits_six_months = forms.BooleanField(
        label=_("The newcomer agrees to meet the buddy about twice a month for six months"),
        required=False,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RoundStartForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Region"), queryset=None, empty_label=None)

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions


class RejectForm(forms.Form):
    reason = forms.CharField(label=_("Why not?"), max_length=200, required=False)


class SwapForm(forms.Form):
    first = forms.ModelChoiceField(label=_("Proposal"), queryset=None)
    second = forms.ModelChoiceField(label=_("swap volunteers with"), queryset=None)

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first"].queryset = proposals
        self.fields["second"].queryset = proposals


def _past(value):
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("This date is in the future."))
    return value


class ConversationForm(forms.Form):
    on = forms.DateField(
        label=_("Match conversation on"),
        widget=DATE,
        initial=timezone.localdate,
        validators=[_past],
    )
    newcomer_agrees = forms.BooleanField(label=_("The newcomer agrees"), required=False)
    volunteer_agrees = forms.BooleanField(label=_("The volunteer agrees"), required=False)
    note = forms.CharField(
        label=_("Notes of the conversation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MeetingForm(forms.Form):
    date = forms.DateField(
        label=_("When did you meet?"), widget=DATE, initial=timezone.localdate, validators=[_past]
    )
    hours = forms.DecimalField(
        label=_("How many hours?"),
        min_value=0.25,
        max_value=12,
        decimal_places=2,
        initial=2,
        widget=forms.NumberInput(attrs={"step": "0.25", "inputmode": "decimal"}),
    )
    what = forms.CharField(
        label=_("What did you do?"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )


class FollowUpForm(forms.Form):
    on = forms.DateField(
        label=_("Contact on"), widget=DATE, initial=timezone.localdate, validators=[_past]
    )
    note = forms.CharField(label=_("How does it go?"), widget=forms.Textarea(attrs={"rows": 2}))


class EndForm(forms.Form):
    on = forms.DateField(label=_("Ended on"), widget=DATE, initial=timezone.localdate)
    completed = forms.TypedChoiceField(
        label=_("How did it end?"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("completed")), ("no", _("stopped early"))],
    )
    reason = forms.CharField(label=_("Reason (when stopped early)"), max_length=200, required=False)
    ended_badly = forms.BooleanField(
        label=_("It ended badly: never pair these two again"), required=False
    )


class EvaluationForm(forms.Form):
    side = forms.ChoiceField(label=_("Who answers?"), choices=Evaluation.Side.choices)
    helpful = forms.TypedChoiceField(
        label=_("Was it helpful for integration? (1 = not at all, 5 = very)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "buddy-scale"}),
    )
    enjoyed = forms.TypedChoiceField(
        label=_("Did you enjoy the meetings? (1 = not at all, 5 = very)"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "buddy-scale"}),
    )
    keeps_in_touch = forms.BooleanField(label=_("We will keep in touch"), required=False)
    comment = forms.CharField(
        label=_("Anything else?"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class VolunteerEvaluationForm(EvaluationForm):
    """The same questionnaire through the volunteer's link: the side is fixed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["side"]
