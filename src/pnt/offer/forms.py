"""What people type about the offer: an activity, and the filters of the catalogue."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from pnt.geo.models import Municipality
from pnt.offer import readability
from pnt.offer.models import Activity, Provider
from pnt.offer.vocabulary import ActivityType, DutchLevel, Goal, Theme
from pnt.privacy import uploads  # type and size of uploaded files

#: Languages a provider may translate an activity into (Dutch is the original).
TRANSLATION_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "nl"]
WEEKDAYS = [(str(n), label) for n, label in Activity._meta.get_field("weekday").choices]
DAYPARTS = [("morning", _("morning")), ("afternoon", _("afternoon")), ("evening", _("evening"))]
NEEDS = [
    ("childcare", _("childcare")),
    ("wheelchair", _("wheelchair access")),
    ("transport", _("help with transport")),
    ("women_only", _("women-only group")),
    ("accompanied", _("someone goes with me the first time")),
]


def validate_activity_values(data: dict[str, Any], add_error) -> None:
    """The rules every activity obeys, shared by the form and the import.

    `add_error(field, message)` receives each problem; nothing is raised.
    """
    start, end = data.get("start_date"), data.get("end_date")
    if start and end and end < start:
        add_error("end_date", _("The last day is before the first day."))
    t0, t1 = data.get("start_time"), data.get("end_time")
    if any(getattr(t, "tzinfo", None) for t in (t0, t1)):  # found by tests/security (API)
        add_error("start_time", _("Give times of day without a time zone, e.g. 18:30."))
        t0 = t1 = None
    if t0 and t1 and t1 <= t0:
        add_error("end_time", _("The end time must be after the start time."))
    capacity = data.get("capacity")
    if capacity is not None and capacity < 1:
        add_error("capacity", _("An activity needs at least one place."))
    hours = data.get("hours_per_session")
    if hours is not None and hours <= 0:
        add_error("hours_per_session", _("Hours per session must be more than zero."))
    total = data.get("total_hours")
    if total is not None and total < 0:
        add_error("total_hours", _("Expected total hours cannot be negative."))
    kind = data.get("price_kind")
    if kind in (Activity.PriceKind.PAID, Activity.PriceKind.UITPAS) and not data.get("price_eur"):
        add_error("price_eur", _("Give the price, or choose 'free'."))
    if kind == Activity.PriceKind.UITPAS and data.get("price_uitpas_eur") is None:
        add_error("price_uitpas_eur", _("Give the reduced UiTPAS price."))
    schedule = data.get("schedule_kind")
    if schedule == Activity.ScheduleKind.WEEKLY and data.get("weekday") is None:
        add_error("weekday", _("Choose the day of the week."))
    if schedule in (Activity.ScheduleKind.SINGLE, Activity.ScheduleKind.SERIES) and not start:
        add_error("start_date", _("Give the (first) date."))
    if schedule == Activity.ScheduleKind.SERIES and not end:
        add_error("end_date", _("Give the last date of the series."))
    lat, lon = data.get("latitude"), data.get("longitude")
    if (lat is None) != (lon is None):
        add_error("longitude", _("Give both latitude and longitude, or neither."))
    low, high = data.get("min_age"), data.get("max_age")
    if low is not None and high is not None and high < low:
        add_error("max_age", _("The maximum age is below the minimum age."))


class ActivityForm(forms.ModelForm):
    """Create or edit an activity; limited to the providers and places the user may use."""

    provider = forms.ModelChoiceField(queryset=Provider.objects.none(), label=_("Organisation"))
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=Theme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    goals = forms.MultipleChoiceField(
        label=_("What newcomers get out of it"),
        choices=Goal.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    title_en = forms.CharField(label=_("Title in English (optional)"), required=False)
    description_en = forms.CharField(
        label=_("Description in English (optional)"), required=False, widget=forms.Textarea
    )

    class Meta:
        model = Activity
        fields = [
            "provider", "title", "description", "title_en", "description_en", "type", "themes",
            "goals", "dutch_level", "municipality", "address", "latitude", "longitude",
            "schedule_kind", "start_date", "end_date", "weekday", "start_time", "end_time",
            "hours_per_session", "total_hours", "capacity", "price_kind", "price_eur",
            "price_uitpas_eur", "min_age", "max_age", "childcare", "wheelchair_access",
            "transport_help", "women_only", "first_visit_accompanied", "family_friendly",
            "dutch_context", "with_others", "meets_new_people", "lasting_contacts",
            "is_formal_lesson",
        ]  # fmt: skip
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "description": _("Plain language: what happens, who you meet, what to bring."),
            "capacity": _("How many newcomers can take part at the same time."),
        }

    def __init__(self, *args, providers, municipalities, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers
        self.fields["municipality"].queryset = municipalities
        if self.instance.pk:
            del self.fields["provider"]
        elif providers.count() == 1:
            self.fields["provider"].initial = providers.first()
        self._add_translation_fields()
        # Plain Dutch: warnings next to the description while the provider types.
        readability.watch(self.fields["description"])
        # The clear messages come from clean(), not from the generic number validators.
        self.fields["capacity"].validators = []
        self.fields["hours_per_session"].validators = []

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        validate_activity_values(data, self._add_error_once)
        translations = dict(self.instance.translations or {})
        for code in TRANSLATION_LANGUAGES:
            text = {
                key: data.get(f"{key}_{code}")
                for key in ("title", "description")
                if data.get(f"{key}_{code}")
            }
            if text:
                translations[code] = text
            else:
                translations.pop(code, None)
        data["translations"] = translations
        return data

    def _add_translation_fields(self) -> None:
        """Optional title and description in each newcomer language (English is declared
        above), placed after the English ones; each input marked with its language."""
        names = dict(settings.LANGUAGES)
        fields = {}
        for name, field in self.fields.items():
            fields[name] = field
            if name != "description_en":
                continue
            for code in TRANSLATION_LANGUAGES[1:]:
                language = names[code]
                fields[f"title_{code}"] = forms.CharField(
                    label=_("Title in %(language)s (optional)") % {"language": language},
                    required=False,
                )
                fields[f"description_{code}"] = forms.CharField(
                    label=_("Description in %(language)s (optional)") % {"language": language},
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
        self.fields = fields
        for code in ["nl", *TRANSLATION_LANGUAGES]:
            text = (self.instance.translations or {}).get(code, {})
            for key in ("title", "description"):
                name = key if code == "nl" else f"{key}_{code}"
                if name not in self.fields:
                    continue
                if code != "nl":
                    self.fields[name].initial = text.get(key, "")
                attrs = {"lang": code, "dir": "rtl" if get_language_info(code)["bidi"] else "ltr"}
                self.fields[name].widget.attrs.update(attrs)

    def _add_error_once(self, field: str, message) -> None:
        if field in self.fields and field not in self.errors:
            self.add_error(field, message)

    def _post_clean(self) -> None:
        # The service saves; model validation (and its constraint checks) happen there.
        pass


class CatalogueFilterForm(forms.Form):
    """The public catalogue's filters, read from GET parameters (bookmarkable)."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.current().only(
            "pk", "nis_code", "name_nl", "latitude", "longitude"
        ),
        to_field_name="nis_code",
        required=False,
        empty_label=_("All municipalities"),
    )
    km = forms.IntegerField(label=_("Distance (km)"), required=False, min_value=1, max_value=200)
    type = forms.MultipleChoiceField(
        label=_("Kind of activity"), choices=ActivityType.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    theme = forms.MultipleChoiceField(
        label=_("Theme"), choices=Theme.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    goal = forms.MultipleChoiceField(
        label=_("I want to"), choices=Goal.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    level = forms.TypedChoiceField(
        label=_("My Dutch"),
        choices=[("", _("any level"))] + [(str(v), label) for v, label in DutchLevel.choices],
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,  # each level with its pictogram (`{% picto_radios %}`)
    )
    day = forms.MultipleChoiceField(
        label=_("Day"), choices=WEEKDAYS, required=False, widget=forms.CheckboxSelectMultiple
    )
    daypart = forms.MultipleChoiceField(
        label=_("Time of day"), choices=DAYPARTS, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    cost = forms.ChoiceField(
        label=_("Cost"),
        choices=[("", _("any price")), ("free", _("free")), ("uitpas", _("free or with UiTPAS"))],
        required=False,
    )
    needs = forms.MultipleChoiceField(
        label=_("I need"), choices=NEEDS, required=False, widget=forms.CheckboxSelectMultiple
    )
    family = forms.BooleanField(label=_("with my children"), required=False)
    places = forms.BooleanField(label=_("only with places left"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[("", _("best order")), ("distance", _("distance")), ("start", _("start date")),
                 ("title", _("name"))],
        required=False,
    )  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("km") and not data.get("municipality"):
            self.add_error("km", _("Choose a municipality to search around."))
        if data.get("sort") == "distance" and not data.get("municipality"):
            self.add_error("sort", _("Choose a municipality to sort by distance."))
        return data

    def filters(self) -> dict[str, Any]:
        """The valid filters: a bad value drops only its own filter (and shows a message)."""
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if k not in self.errors}


class StaffCatalogueFilterForm(CatalogueFilterForm):
    """Staff also filter by status and on whether an activity counts for the PNT."""

    status = forms.MultipleChoiceField(
        label=_("Status"), choices=Activity.Status.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    counts = forms.BooleanField(label=_("counts for the PNT"), required=False)


class ImportForm(forms.Form):
    provider = forms.ModelChoiceField(queryset=Provider.objects.none(), label=_("Organisation"))
    file = forms.FileField(
        label=_("File"),
        help_text=_("A CSV file made from the template, or a JSON-LD export."),
        validators=[uploads.import_file],
    )
    dry_run = forms.BooleanField(
        label=_("Only show what would change"), required=False, initial=True
    )

    def __init__(self, *args, providers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["provider"].queryset = providers
        if providers.count() == 1:
            self.fields["provider"].initial = providers.first()
