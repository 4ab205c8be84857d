"""Forms of the matching pages: the period of a plan, the start of an allocation round."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pnt.trajectories.allocation_services import DEFAULT_PARAMETERS

PLAN_WEEKS = [(8, _("8 weeks")), (13, _("13 weeks (a quarter)")), (26, _("26 weeks"))]


class PlanPeriodForm(forms.Form):
    weeks = forms.TypedChoiceField(
        label=_("Period of the plan"), choices=PLAN_WEEKS, coerce=int, initial=13
    )


class AllocationRoundForm(forms.Form):
    """Where and how to allocate: the region, places per newcomer, fairness, priorities."""

    region = forms.ModelChoiceField(label=_("Region"), queryset=None, empty_label=None)
    note = forms.CharField(
        label=_("Name of the round"),
        required=False,
        max_length=120,
        help_text=_("Optional, e.g. “Autumn Samen Doen”."),
    )
    k = forms.IntegerField(
        label=_("Places per newcomer at most"),
        min_value=1,
        max_value=5,
        initial=DEFAULT_PARAMETERS["k"],
    )
    fairness = forms.BooleanField(
        label=_("First give as many newcomers as possible one place"),
        required=False,
        initial=DEFAULT_PARAMETERS["fairness"],
    )
    compulsory_bonus = forms.FloatField(
        label=_("Priority for a compulsory trajectory"),
        min_value=0,
        max_value=10,
        initial=DEFAULT_PARAMETERS["compulsory_bonus"],
        help_text=_("Added to a priority of 1; 0.5 makes a fit count one and a half times."),
    )
    per_month_waiting = forms.FloatField(
        label=_("Priority per month of waiting"),
        min_value=0,
        max_value=10,
        initial=DEFAULT_PARAMETERS["per_month_waiting"],
        help_text=_("At most 0.5 in all."),
    )
    deadline_bonus = forms.FloatField(
        label=_("Priority when the deadline is near"),
        min_value=0,
        max_value=10,
        initial=DEFAULT_PARAMETERS["deadline_bonus"],
        help_text=_("Rises over the last 90 days before the deadline."),
    )

    def __init__(self, *args, regions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions

    def parameters(self) -> dict:
        data = self.cleaned_data
        return {
            "k": data["k"],
            "fairness": data["fairness"],
            "compulsory_bonus": data["compulsory_bonus"],
            "per_month_waiting": data["per_month_waiting"],
            "deadline_bonus": data["deadline_bonus"],
        }
