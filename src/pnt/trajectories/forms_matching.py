"""Forms of the matching pages: the period of a plan, the start of an allocation round, the
matching weights of a region."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pnt.trajectories.allocation_services import DEFAULT_PARAMETERS
from pnt.trajectories.models_weights import DEFAULT_WEIGHTS, WEIGHT_NAMES, bound_of, weight_errors

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


# --- the matching weights of a region --------------------------------------------------------

# Each weight of pnt.matching.Weights with its name and one sentence on what it does (the
# core explains them only in its docstring, in English; these are translated).
WEIGHT_TEXTS: dict[str, tuple[str, str]] = {
    "interests": (
        _("Shared interests"),
        _("Points when the activity is about the newcomer's interests or talents."),
    ),
    "goal": (_("Goal"), _("Points when the activity serves one of the newcomer's goals.")),
    "distance_per_km": (
        _("Distance, per km"),
        _("Points taken off for every kilometre between home and the activity."),
    ),
    "schedule": (
        _("Fits the week"),
        _("Points times the share of the activity's hours when the newcomer is free."),
    ),
    "cost": (
        _("Free or cheaper"),
        _("Points when money is a barrier and the activity is free; half with UiTPAS."),
    ),
    "childcare": (
        _("Childcare"),
        _("Points when the newcomer needs childcare and the activity offers it."),
    ),
    "places": (
        _("Places left"),
        _("Points when enough places are left; a share of them when fewer are."),
    ),
    "variety": (
        _("Something new"),
        _("Points for a kind of activity the newcomer has not done yet."),
    ),
    "own_words": (
        _("Own words"),
        _("Points when the newcomer's own words are close to the activity's description."),
    ),
    "interests_cap": (
        _("Shared interests for full points"),
        _("How many shared interests give all the interest points; fewer give a share."),
    ),
    "places_cap": (
        _("Places left for full points"),
        _("How many free places give all the points for places left."),
    ),
    "uitpas_price_factor": (
        _("Price share with UiTPAS"),
        _("The share of the price a newcomer pays with the UiTPAS social tariff: 0.2 is a fifth."),
    ),
    "own_words_floor": (
        _("Own words: lowest similarity"),
        _("Below this similarity the own words add no points."),
    ),
    "own_words_full": (
        _("Own words: full similarity"),
        _("From this similarity on the own words give all their points."),
    ),
}


# Where each weight goes on the page: the parts of the fit, then how some are measured.
MEASURES = (
    "interests_cap",
    "places_cap",
    "uitpas_price_factor",
    "own_words_floor",
    "own_words_full",
)
WEIGHT_GROUPS = (
    (_("Parts of the fit"), tuple(n for n in WEIGHT_NAMES if n not in MEASURES)),
    (_("How the parts are measured"), tuple(n for n in WEIGHT_NAMES if n in MEASURES)),
)


class RegionWeightsForm(forms.Form):
    """One number per weight, within its bounds; the region's own values as initial
    (``current``: only those that differ from the defaults)."""

    def __init__(self, *args, current: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.current = current
        for name in WEIGHT_NAMES:
            label, meaning = WEIGHT_TEXTS.get(name, (name, ""))
            bound = bound_of(name)
            field_class = forms.IntegerField if bound.whole else forms.FloatField
            self.fields[name] = field_class(
                label=label,
                help_text=meaning,
                min_value=bound.low,
                max_value=bound.high,
                initial=current.get(name, DEFAULT_WEIGHTS[name]),
            )
            if not bound.whole:
                self.fields[name].widget.attrs["step"] = "any"

    def clean(self) -> dict:
        data = super().clean()
        if not self.errors:
            for name, message in weight_errors(data).items():
                self.add_error(name if name in self.fields else None, message)
        return data

    def groups(self) -> list[tuple[str, list[tuple]]]:
        """Per group of the page: (title, [(field, default, changed by the region), …])."""
        return [
            (title, [(self[n], DEFAULT_WEIGHTS[n], n in self.current) for n in names])
            for title, names in WEIGHT_GROUPS
        ]

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in WEIGHT_NAMES}
