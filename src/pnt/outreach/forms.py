"""What people type in outreach: the follow-on, the check-in answer, the regular offer and
the text of an information page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from pnt.offer.models import Activity
from pnt.outreach.infopages import check_in_text
from pnt.outreach.models import CheckIn, Destination


class FollowOnForm(forms.Form):
    destination = forms.ChoiceField(
        label=_("Where does the newcomer go next?"),
        choices=Destination.choices,
        widget=forms.RadioSelect,
    )
    activity = forms.ModelChoiceField(
        label=_("Regular activity (optional)"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label=_("— none —"),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, activities=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if activities is not None:
            self.fields["activity"].queryset = activities

    def clean(self):
        data = super().clean()
        if data.get("destination") == Destination.NOTHING_YET and data.get("activity"):
            self.add_error("activity", _("Choose an activity only when the newcomer goes on."))
        return data


class CheckInAnswerForm(forms.Form):
    """The one question, its wording from the newcomer's language (data/check_in.json)."""

    answer = forms.ChoiceField(widget=forms.RadioSelect)

    def __init__(self, *args, language: str = "nl", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        text = check_in_text(language)
        self.fields["answer"].label = text["question"]
        self.fields["answer"].choices = [(value, text[value]) for value in CheckIn.Answer.values]


class RegularOfferForm(forms.Form):
    regular = forms.BooleanField(
        label=_("This is regular offer: newcomers can keep coming after the PNT"),
        required=False,
    )


class LeadsToForm(forms.Form):
    regular = forms.ModelChoiceField(
        label=_("Leads on to this regular activity"), queryset=Activity.objects.none()
    )

    def __init__(self, *args, choices=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["regular"].queryset = choices


class InfoPageForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=150)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_(
            "Plain language, short sentences. An empty line starts a new paragraph; a line "
            'starting with "## " is a heading; a line starting with "- " is a point in a list.'
        ),
    )
    publish = forms.BooleanField(label=_("Publish this version now"), required=False)
