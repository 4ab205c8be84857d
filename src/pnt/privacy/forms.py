"""Forms of the privacy pages: searching a person, erasing, filtering the audit log."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pnt.accounts.models import AuditEntry

DATE = forms.DateInput(attrs={"type": "date"})


class SubjectSearchForm(forms.Form):
    q = forms.CharField(label=_("Name, e-mail address or number"), max_length=100)


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I checked the person's identity and the request; erase the data now."),
    )
    note = forms.CharField(
        label=_("How the request came in (no personal details)"),
        max_length=200,
        required=False,
    )


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"), choices=[("", _("all"))] + list(AuditEntry.Action.choices),
        required=False,
    )  # fmt: skip
    object_type = forms.ChoiceField(
        label=_("Record"),
        required=False,
        choices=[
            ("", _("all")),
            ("trajectories.newcomer", _("newcomer")),
            ("buddies.volunteer", _("volunteer")),
            ("buddies.pair", _("pair")),
            ("trajectories.enrolment", _("enrolment")),
        ],
    )
    object_id = forms.CharField(label=_("Number"), max_length=64, required=False)
    username = forms.CharField(label=_("By (username)"), max_length=150, required=False)
    since = forms.DateField(label=_("From"), required=False, widget=DATE)
    until = forms.DateField(label=_("Until"), required=False, widget=DATE)
