"""What people type in outreach: the follow-on, the check-in answer, the regular offer and
the text of an information page."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
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


class CheckInRecordForm(forms.Form):
    """The coach records an answer the newcomer gave them: the same three answers as the
    newcomer's link, how they answered and on which day."""

    answer = forms.ChoiceField(
        label=_("Does the newcomer still take part in an activity, a club, volunteering, work "
                "or study?"),
        choices=CheckIn.Answer.choices,
        widget=forms.RadioSelect,
    )  # fmt: skip
    via = forms.ChoiceField(
        label=_("How did the newcomer answer?"),
        choices=[(v, label) for v, label in CheckIn.Via.choices if v != CheckIn.Via.LINK],
        widget=forms.RadioSelect,
    )
    answered_on = forms.DateField(
        label=_("Answered on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, check_in: CheckIn, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.check_in = check_in
        today = timezone.localdate()
        self.fields["answered_on"].initial = today
        self.fields["answered_on"].widget.attrs.update(
            min=check_in.opens_on.isoformat(), max=today.isoformat()
        )

    def clean_answered_on(self):
        day = self.cleaned_data["answered_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The day of the answer cannot be in the future."))
        if day < self.check_in.opens_on:
            raise forms.ValidationError(
                _("This check-in can be answered from %(day)s.")
                % {"day": date_format(self.check_in.opens_on, "j F Y")}
            )
        return day


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
