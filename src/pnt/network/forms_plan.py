"""What people type for the action plan, good practices and funding."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pnt.accounts.models import User
from pnt.geo.models import Municipality
from pnt.network import deliverable_reports, measures, queries
from pnt.network.documents import ATTACHMENTS
from pnt.network.forms import (
    DATE,
    Checks,
    DocumentField,
    PersonChoice,
    RegionForm,
    text,
)
from pnt.network.models import (
    Action,
    Deliverable,
    DeliverableReport,
    FundingApplication,
    FundingProgramme,
    Partner,
    Plan,
    PracticeTheme,
)
from pnt.offer.models import Activity
from pnt.reporting.periods import Quarter


class PlanForm(RegionForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    vision = text(_("Vision"), rows=4)
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE)

    def clean(self):
        data = super().clean()
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The plan cannot end before it starts."))
        return data


class PillarForm(forms.Form):
    title = forms.CharField(label=_("Pillar"), max_length=200)
    description = text(_("Description"), rows=2)


class ActionForm(forms.Form):
    pillar = forms.ModelChoiceField(label=_("Pillar"), queryset=Plan.objects.none())
    title = forms.CharField(label=_("Action"), max_length=200)
    description = text(_("Description"), rows=3)
    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)
    owner = PersonChoice(label=_("Owner"), queryset=User.objects.none(), required=False)
    owner_partner = forms.ModelChoiceField(
        label=_("Lead partner"), queryset=Partner.objects.none(), required=False
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE, required=False)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE, required=False)
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities concerned"),
        queryset=Municipality.objects.none(),
        widget=Checks,
        required=False,
        help_text=_("Live figures count in these municipalities; none means the whole region."),
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        region = plan.region
        self.fields["pillar"].queryset = plan.pillars.all()
        self.fields["owner"].queryset = queries.people_of(region)
        self.fields["owner_partner"].queryset = Partner.objects.filter(region=region, active=True)
        self.fields["municipalities"].queryset = region.municipalities.order_by("name_nl")

    def clean(self):
        data = super().clean()
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The action cannot end before it starts."))
        return data


class IndicatorForm(forms.Form):
    measure = forms.ChoiceField(
        label=_("Live figure"),
        required=False,
        help_text=_("Computed from the data in pnt, so progress is never typed twice."),
    )
    name = forms.CharField(
        label=_("Name"), max_length=200, required=False,
        help_text=_("Leave empty to use the name of the live figure."),
    )  # fmt: skip
    target = forms.DecimalField(label=_("Target"), min_value=0.1, max_digits=10, decimal_places=1)
    baseline = forms.DecimalField(
        label=_("Starting value"), required=False, max_digits=10, decimal_places=1
    )
    manual_value = forms.DecimalField(
        label=_("Current value (only without a live figure)"), required=False, max_digits=10,
        decimal_places=1,
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].choices = [("", _("none: I type the value"))] + measures.choices()

    def clean(self):
        data = super().clean()
        if data.get("measure") and data.get("manual_value") is not None:
            self.add_error("manual_value", _("A live figure is computed; do not type its value."))
        if not data.get("measure") and not data.get("name"):
            self.add_error("name", _("Name the indicator."))
        return data


class PracticeSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("all themes")), *PracticeTheme.choices]
    )


class PracticeForm(RegionForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = text(_("What"), rows=4, required=True)
    where = forms.CharField(
        label=_("Where"), max_length=200, help_text=_("Organisation and place.")
    )
    contact = forms.CharField(label=_("Contact"), max_length=200, required=False)
    effort = text(_("What it took"), rows=3)
    results = text(_("Results"), rows=3)
    themes = forms.MultipleChoiceField(
        label=_("Themes"), choices=PracticeTheme.choices, widget=Checks, required=False
    )
    activities = forms.ModelMultipleChoiceField(
        label=_("Activities in the offer"), queryset=Activity.objects.none(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )  # fmt: skip
    actions = forms.ModelMultipleChoiceField(
        label=_("Actions of the plan"), queryset=Action.objects.none(), widget=Checks,
        required=False,
    )  # fmt: skip
    shared = forms.BooleanField(
        label=_("Share with everyone in pnt"), required=False,
        help_text=_("Other networks and all partners can then read it."),
    )  # fmt: skip
    attachment = forms.FileField(
        label=_("Attachment"), required=False,
        help_text=_("PDF, office document or picture, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ATTACHMENTS)}),
    )  # fmt: skip

    def setup(self, region, regions) -> None:
        chosen = [region] if region is not None else list(regions)
        self.fields["activities"].queryset = (
            Activity.objects.published()
            .filter(municipality__regions__in=chosen)
            .distinct()
            .order_by("title")
        )
        self.fields["actions"].queryset = Action.objects.filter(
            pillar__plan__region__in=chosen
        ).select_related("pillar")


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"), widget=forms.ClearableFileInput(attrs={"accept": ",".join(ATTACHMENTS)})
    )


class ApplicationForm(RegionForm):
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=FundingProgramme.objects.all(), required=False
    )
    new_programme = forms.CharField(label=_("or a new programme"), max_length=200, required=False)
    new_programme_funder = forms.ChoiceField(
        label=_("Funder of the new programme"), required=False,
        choices=[("", "—"), *FundingProgramme.Funder.choices],
    )  # fmt: skip
    title = forms.CharField(label=_("Title"), max_length=200)
    amount_requested = forms.DecimalField(
        label=_("Amount requested (€)"), min_value=0, max_digits=12, decimal_places=2
    )
    starts_on = forms.DateField(label=_("Period from"), widget=DATE)
    ends_on = forms.DateField(label=_("Period until"), widget=DATE)
    submit_by = forms.DateField(label=_("Submit by"), widget=DATE, required=False)
    notes = text(_("Notes"), rows=3)

    def clean(self):
        data = super().clean()
        if not data.get("programme") and not data.get("new_programme"):
            self.add_error("programme", _("Choose a programme, or name a new one and its funder."))
        if data.get("new_programme") and not data.get("new_programme_funder"):
            self.add_error("new_programme_funder", _("Who funds the new programme?"))
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The period cannot end before it starts."))
        return data


class ApplicationStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=FundingApplication.Status.choices)
    amount_granted = forms.DecimalField(
        label=_("Amount granted (€)"), required=False, min_value=0, max_digits=12, decimal_places=2
    )


class DeliverableForm(forms.Form):
    title = forms.CharField(label=_("Deliverable"), max_length=200)
    due_on = forms.DateField(label=_("Due on"), widget=DATE)
    remind_days = forms.IntegerField(
        label=_("Remind this many days before"), min_value=1, max_value=180, initial=21
    )


class HandInForm(forms.Form):
    document = DocumentField(label=_("Report or document"))


class DeliverableReportForm(forms.Form):
    """Which report of pnt.reporting to attach: the kind, the quarter (by default the last
    full quarter before the due date) and, for a council decision, the municipality."""

    kind = forms.ChoiceField(
        label=_("Report"), choices=DeliverableReport.Kind.choices, widget=forms.RadioSelect,
        initial=DeliverableReport.Kind.REPORT_PDF,
    )  # fmt: skip
    quarter = forms.ChoiceField(label=_("Quarter"))
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.none(), required=False,
        help_text=_("Only for the council decision draft."),
    )  # fmt: skip
    hand_in = forms.BooleanField(label=_("Mark the deliverable as submitted today"), required=False)

    def __init__(self, *args, deliverable: Deliverable, **kwargs):
        super().__init__(*args, **kwargs)
        application = deliverable.application
        quarters = deliverable_reports.quarter_choices(application, deliverable.due_on)
        self.fields["quarter"].choices = [(str(q), q.label) for q in quarters]
        self.fields["quarter"].initial = str(
            deliverable_reports.default_quarter(deliverable.due_on)
        )
        self.fields["municipality"].queryset = deliverable_reports.council_municipalities(
            application.region
        )
        if deliverable.status != Deliverable.Status.OPEN:
            del self.fields["hand_in"]

    def clean_quarter(self) -> Quarter:
        return Quarter.parse(self.cleaned_data["quarter"])

    def clean(self):
        data = super().clean()
        if data.get("kind") == DeliverableReport.Kind.COUNCIL_DOCX:
            if not data.get("municipality"):
                self.add_error("municipality", _("Choose the municipality of the council."))
        else:
            data["municipality"] = None
        data.setdefault("hand_in", False)
        return data
