"""What people type in the network space: partners, agreements, groups and meetings.

The plan, good practices and funding have their own forms in `forms_plan.py`.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pnt.accounts.models import User
from pnt.geo.models import Municipality, Region
from pnt.network import queries
from pnt.network.models import (
    Action,
    ActionPoint,
    AgendaItem,
    Agreement,
    Group,
    Meeting,
    Partner,
)
from pnt.offer.models import Provider
from pnt.trajectories.models import Trajectory

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
DOCUMENT_ACCEPT = ".pdf,.docx,.odt"


def text(label, rows: int = 3, required: bool = False) -> forms.CharField:
    """A multi-line text field."""
    return forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": rows}), required=required
    )


class Checks(forms.CheckboxSelectMultiple):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, attrs={"class": "buddy-checks"}, **kwargs)


def person_label(user) -> str:
    return user.get_full_name() or user.username


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return person_label(obj)


class PeopleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return person_label(obj)


class RegionForm(forms.Form):
    """A form about one region: the region is chosen only when the user manages several."""

    region = forms.ModelChoiceField(label=_("Regional network"), queryset=Region.objects.none())

    def __init__(self, *args, user, region: Region | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        regions = queries.managed_regions(user)
        self.fields["region"].queryset = regions
        self.fixed_region = region or (regions.first() if regions.count() == 1 else None)
        if self.fixed_region is not None:
            del self.fields["region"]
        self.setup(self.fixed_region, regions)

    def setup(self, region: Region | None, regions) -> None:
        """Fill the choices that depend on the region (all managed regions when open)."""

    def chosen_region(self) -> Region:
        return self.fixed_region or self.cleaned_data["region"]

    @staticmethod
    def municipalities(region: Region | None, regions):
        chosen = [region] if region is not None else regions
        return Municipality.objects.filter(regions__in=chosen).distinct().order_by("name_nl")


class PartnerForm(RegionForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    tier = forms.ChoiceField(label=_("Place in the network"), choices=Partner.Tier.choices)
    sector = forms.ChoiceField(label=_("Sector"), choices=Partner.Sector.choices)
    municipality = forms.ModelChoiceField(
        label=_("Local government"),
        queryset=Municipality.objects.none(),
        required=False,
        help_text=_("Only for a local government: which municipality it is."),
    )
    provider = forms.ModelChoiceField(
        label=_("Organisation in the offer"),
        queryset=Provider.objects.none(),
        required=False,
        help_text=_("Its staff then see what this partner takes part in."),
    )
    role = text(_("Role in the network"), rows=3)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def setup(self, region, regions) -> None:
        municipalities = self.municipalities(region, regions)
        self.fields["municipality"].queryset = municipalities
        self.fields["provider"].queryset = Provider.objects.filter(
            municipality__in=municipalities
        ).order_by("name")


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    function = forms.CharField(label=_("Function"), max_length=120, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    user = PersonChoice(
        label=_("pnt account"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("With an account, the person sees what the partner takes part in."),
    )

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = queries.people_of(region)


class DocumentField(forms.FileField):
    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("PDF, DOCX or ODT, at most 10 MB."))
        super().__init__(
            widget=forms.ClearableFileInput(attrs={"accept": DOCUMENT_ACCEPT}), **kwargs
        )


class AgreementForm(RegionForm):
    kind = forms.ChoiceField(label=_("Type"), choices=Agreement.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    parties = forms.ModelMultipleChoiceField(
        label=_("Parties"), queryset=Partner.objects.none(), widget=Checks
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("Ends on"), widget=DATE, required=False)
    notice_days = forms.IntegerField(
        label=_("Remind this many days before the end"), min_value=7, max_value=365, initial=90
    )
    notes = text(_("Notes"), rows=3)
    document = DocumentField(label=_("Signed document"))

    def __init__(self, *args, agreement: Agreement | None = None, **kwargs):
        """With `agreement`, the form corrects it: its region stays, its parties stay
        choosable even when no longer active, and a new document replaces the old one."""
        self.agreement = agreement
        if agreement is not None:
            kwargs["region"] = agreement.region
            kwargs.setdefault("initial", _agreement_initial(agreement))
        super().__init__(*args, **kwargs)
        if agreement is not None and agreement.document:
            self.fields["document"].label = _("Replace the signed document")
            self.fields["document"].help_text = _(
                "Leave empty to keep %(name)s. PDF, DOCX or ODT, at most 10 MB."
            ) % {"name": agreement.document_name}

    def setup(self, region, regions) -> None:
        chosen = [region] if region is not None else regions
        parties = Q(region__in=chosen, active=True)
        if self.agreement is not None:
            parties |= Q(pk__in=self.agreement.parties.values("pk"))
        self.fields["parties"].queryset = Partner.objects.filter(parties)

    def clean(self):
        data = super().clean()
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The agreement cannot end before it starts."))
        return data


def _agreement_initial(agreement: Agreement) -> dict:
    names = ("kind", "title", "starts_on", "ends_on", "notice_days", "notes")
    initial = {name: getattr(agreement, name) for name in names}
    initial["parties"] = list(agreement.parties.values_list("pk", flat=True))
    return initial


class RenewForm(forms.Form):
    ends_on = forms.DateField(label=_("New end date"), widget=DATE, required=False)
    document = DocumentField(label=_("Signed renewal"))


class GroupForm(RegionForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=Group.Kind.choices)
    name = forms.CharField(label=_("Name"), max_length=200)
    purpose = text(_("Purpose"), rows=3)
    members = PeopleChoice(
        label=_("Members"), queryset=User.objects.none(), widget=Checks, required=False
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners represented"), queryset=Partner.objects.none(), widget=Checks,
        required=False,
    )  # fmt: skip

    def __init__(self, *args, group: Group | None = None, **kwargs):
        """With `group`, the form corrects it: its region stays, and its present members
        and partners stay choosable even when they left the network meanwhile."""
        self.group = group
        if group is not None:
            kwargs["region"] = group.region
            kwargs.setdefault("initial", _group_initial(group))
        super().__init__(*args, **kwargs)

    def setup(self, region, regions) -> None:
        chosen = [region] if region is not None else list(regions)
        people = User.objects.none()
        for one in chosen:
            people = people | queries.people_of(one)
        partners = Q(region__in=chosen, active=True)
        if self.group is not None:
            people = people | User.objects.filter(pk__in=self.group.members.values("pk"))
            partners |= Q(pk__in=self.group.partners.values("pk"))
        self.fields["members"].queryset = people.distinct()
        self.fields["partners"].queryset = Partner.objects.filter(partners)


def _group_initial(group: Group) -> dict:
    return {
        "kind": group.kind,
        "name": group.name,
        "purpose": group.purpose,
        "members": list(group.members.values_list("pk", flat=True)),
        "partners": list(group.partners.values_list("pk", flat=True)),
    }


class MeetingForm(forms.Form):
    title = forms.CharField(
        label=_("Title"), max_length=200, required=False,
        help_text=_("Leave empty to name it after the group and the day."),
    )  # fmt: skip
    date = forms.DateField(label=_("Date"), widget=DATE)
    time = forms.TimeField(label=_("Starts at"), widget=TIME)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)


class MeetingEditForm(MeetingForm):
    """Correct a meeting: it may move to another group of the same network."""

    field_order = ("title", "group", "date", "time", "place", "minutes")

    group = forms.ModelChoiceField(
        label=_("Group"), queryset=Group.objects.none(),
        help_text=_("Its decisions and action points move with it."),
    )  # fmt: skip
    minutes = text(_("Minutes"), rows=8)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        local = timezone.localtime(meeting.starts_at)
        kwargs.setdefault("initial", {
            "title": meeting.title, "group": meeting.group_id, "date": local.date(),
            "time": local.time().replace(second=0, microsecond=0), "place": meeting.place,
            "minutes": meeting.minutes,
        })  # fmt: skip
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        self.fields["title"].help_text = ""
        self.fields["group"].queryset = Group.objects.filter(region_id=meeting.group.region_id)

    def starts_at(self) -> dt.datetime:
        data = self.cleaned_data
        return timezone.make_aware(dt.datetime.combine(data["date"], data["time"]))


class AgendaRowForm(forms.Form):
    """One point of the agenda; the empty row at the end adds a point."""

    item = forms.ModelChoiceField(
        queryset=AgendaItem.objects.none(), widget=forms.HiddenInput, required=False
    )
    title = forms.CharField(label=_("Point"), max_length=200)
    notes = forms.CharField(
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 1, "placeholder": _("Notes")}),
        required=False,
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = meeting.agenda.all()

    def row(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in ("item", "title", "notes")}


AgendaRows = forms.formset_factory(
    AgendaRowForm, extra=1, can_order=True, can_delete=True, can_delete_extra=False
)


def agenda_initial(meeting: Meeting) -> list[dict]:
    return [
        {"item": item.pk, "title": item.title, "notes": item.notes} for item in meeting.agenda.all()
    ]


class AgendaForm(forms.Form):
    """The agenda starts from what is still open: action points and plan actions."""

    action_points = forms.ModelMultipleChoiceField(
        label=_("Open action points"), queryset=ActionPoint.objects.none(), widget=Checks,
        required=False,
    )  # fmt: skip
    actions = forms.ModelMultipleChoiceField(
        label=_("Open actions of the plan"), queryset=Action.objects.none(),
        widget=Checks, required=False,
    )  # fmt: skip
    title = forms.CharField(label=_("Another point"), max_length=200, required=False)
    notes = text(_("Notes"), rows=2)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        present = meeting.agenda.values_list
        points = queries.open_action_points(meeting.group).exclude(
            pk__in=[p for p in present("action_points", flat=True) if p]
        )
        actions = queries.open_actions(meeting.group).exclude(
            pk__in=[a for a in present("action_id", flat=True) if a]
        )
        self.fields["action_points"].queryset = points
        self.fields["actions"].queryset = actions
        self.fields["action_points"].label_from_instance = _point_label
        self.fields["actions"].label_from_instance = _action_label


def _point_label(point: ActionPoint) -> str:
    due = point.due_on.strftime("%d-%m-%Y") if point.due_on else "—"
    return f"{point.title} ({point.owner_label}, {due})"


def _action_label(action) -> str:
    return f"{action.pillar.number}. {action.title} ({action.get_status_display()})"


class MinutesForm(forms.Form):
    minutes = text(_("Minutes"), rows=8)
    held = forms.BooleanField(label=_("The meeting took place"), required=False, initial=True)


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 3}))
    agenda_item = forms.ModelChoiceField(
        label=_("On agenda item"), queryset=Meeting.objects.none(), required=False
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = meeting.agenda.all()


class ActionPointRowForm(forms.Form):
    """One action point following from a decision; an empty row is skipped."""

    title = forms.CharField(label=_("Action point"), max_length=200, required=False)
    owner = PersonChoice(label=_("Owner"), queryset=User.objects.none(), required=False)
    owner_partner = forms.ModelChoiceField(
        label=_("or partner"), queryset=Partner.objects.none(), required=False
    )
    due_on = forms.DateField(label=_("Due on"), widget=DATE, required=False)

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        region = meeting.group.region
        self.fields["owner"].queryset = queries.people_of(region)
        self.fields["owner_partner"].queryset = Partner.objects.filter(region=region, active=True)

    def clean(self):
        data = super().clean()
        if data.get("title") and not (data.get("owner") or data.get("owner_partner")):
            self.add_error("owner", _("An action point needs an owner."))
        if not data.get("title") and (data.get("owner") or data.get("due_on")):
            self.add_error("title", _("Say what has to be done."))
        return data

    def point(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("title"):
            return None
        names = ("title", "owner", "owner_partner", "due_on")
        return {name: data.get(name) for name in names}


ActionPointRows = forms.formset_factory(ActionPointRowForm, extra=3, max_num=10)


class TrajectoryChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        newcomer = obj.newcomer
        return f"{newcomer.first_name} {newcomer.last_name} ({newcomer.municipality})"


class CaseForm(forms.Form):
    trajectory = TrajectoryChoice(
        label=_("Newcomer"),
        queryset=Trajectory.objects.none(),
        help_text=_("The group sees only a reference, never the name."),
    )
    question = text(_("Question to the group"), rows=3, required=True)
    advice = text(_("Advice of the group"), rows=3)

    def __init__(self, *args, meeting: Meeting, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trajectory"].queryset = (
            queries.visible_trajectories(user)
            .filter(newcomer__municipality__regions=meeting.group.region)
            .select_related("newcomer", "newcomer__municipality")
            .order_by("newcomer__first_name", "newcomer__last_name")
        )


class ActionPointStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionPoint.Status.choices)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
