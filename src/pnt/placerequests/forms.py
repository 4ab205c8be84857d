"""The public request form: short, plain, in the visitor's language."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from pnt.geo.models import Municipality


class PlaceRequestForm(forms.Form):
    first_name = forms.CharField(label=_("Your first name"), max_length=80)
    email = forms.EmailField(label=_("Your e-mail"), required=False)
    phone = forms.CharField(
        label=_("Your phone number"),
        max_length=40,
        required=False,
        help_text=_("Give your e-mail or your phone number, or both."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Where do you live?"),
        queryset=Municipality.objects.none(),
        empty_label=_("Choose your municipality"),
    )
    language = forms.ChoiceField(label=_("Which language do you read best?"))
    message = forms.CharField(
        label=_("Message (not required)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("A coach may contact me about this activity."),
        error_messages={"required": _("Tick this box, so a coach may contact you.")},
    )
    # Left empty by people; robots that fill in every field give themselves away.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = (
            Municipality.objects.current().defer("outline").order_by("name_nl")
        )
        self.fields["language"].choices = [(code, name) for code, name in settings.LANGUAGES]
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "").strip()
        digits = [c for c in phone if c.isdigit()]
        if phone and (len(digits) < 8 or any(c not in "0123456789+ ./()-" for c in phone)):
            raise forms.ValidationError(_("This is not a phone number. Example: 0470 12 34 56"))
        return phone

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error("email", _("Give your e-mail or your phone number."))
        return data


class HandleForm(forms.Form):
    newcomer = forms.ModelChoiceField(
        label=_("Newcomer (if registered)"),
        queryset=None,
        required=False,
        empty_label=_("not registered (yet)"),
    )

    def __init__(self, *args, newcomers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["newcomer"].queryset = newcomers
