"""The questionnaires: a few questions in plain words, each answered with a face."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pnt.reporting.models import Feedback

FACES = [
    (Feedback.Answer.YES, _("yes")),
    (Feedback.Answer.SOMEWHAT, _("a little")),
    (Feedback.Answer.NO, _("no")),
]


def _question(label) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=FACES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a face.")},
    )


class NewcomerFeedbackForm(forms.Form):
    helpful = _question(_("Did the activities help you to find your way here?"))
    enjoyed = _question(_("Did you like the activities?"))
    met_people = _question(_("Did you meet new people?"))
    continues = _question(_("Will you keep going to an activity or a club?"))
    comment = forms.CharField(
        label=_("Do you want to tell us something? (you may skip this)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ProviderFeedbackForm(forms.Form):
    went_well = _question(_("Did the newcomers take part well?"))
    welcome_again = _question(_("Will you welcome newcomers again?"))
    needs_support = _question(_("Would you like support from the network?"))
    comment = forms.CharField(
        label=_("Anything to add? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
