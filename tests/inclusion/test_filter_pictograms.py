"""The catalogue's filter options show their pictogram beside their words (issue 9).

The drawing is decorative (`alt=""`, `aria-hidden`): a screen reader reads only the words, which
stay the name of the checkbox or radio button.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from pnt.offer.forms import CatalogueFilterForm

#: filter field → (pictogram kind, {option value: pictogram name} where the two differ).
GROUPS = {
    "type": ("type", {}),
    "theme": ("theme", {}),
    "goal": ("goal", {}),
    "needs": ("need", {"women_only": "women"}),
    "level": ("level", {"": None}),  # "any level" has no pictogram
    "family": ("need", {"on": "family"}),  # "with my children", a single checkbox
}


class _Labels(HTMLParser):
    """Every <label>: the input inside it, its images and its words."""

    def __init__(self):
        super().__init__()
        self.labels, self._open = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self._open = {"input": None, "images": [], "words": ""}
        elif self._open is not None and tag == "input":
            self._open["input"] = attrs
        elif self._open is not None and tag == "img":
            self._open["images"].append(attrs)

    def handle_data(self, data):
        if self._open is not None:
            self._open["words"] += data

    def handle_endtag(self, tag):
        if tag == "label" and self._open is not None:
            self._open["words"] = " ".join(self._open["words"].split())
            self.labels.append(self._open)
            self._open = None


@pytest.mark.django_db
@pytest.mark.parametrize("field", GROUPS)
def test_filter_options_show_a_decorative_pictogram_beside_their_words(client, field):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    parser = _Labels()
    parser.feed(client.get(reverse("public_catalogue")).content.decode())
    options = {
        label["input"].get("value", "on"): label
        for label in parser.labels
        if label["input"] and label["input"]["name"] == field
    }
    kind, names = GROUPS[field]
    form_field = CatalogueFilterForm.base_fields[field]
    choices = getattr(form_field, "choices", [("on", form_field.label)])
    assert sorted(options) == sorted(str(value) for value, _label in choices)
    with translation.override("ar"):
        for value, words in choices:
            option = options[str(value)]
            assert option["words"] == str(words)  # the words stay the option's name
            name = names.get(str(value), value)
            if name is None:
                assert option["images"] == []
                continue
            (image,) = option["images"]
            assert image["src"].endswith(f"/pnt/icons/{kind}-{name}.svg")
            assert image["alt"] == "" and image["aria-hidden"] == "true"
