"""Hypothesis strategies for hostile input: form posts built from a form's own fields, with
valid choices mixed with garbage, and text of every kind."""

from __future__ import annotations

from django import forms
from hypothesis import strategies as st

# Text that breaks naive code: control characters, right-to-left marks, huge numbers,
# formula starts, HTML, SQL, NUL bytes (rejected by the database driver), surrogates aside.
NASTY = st.sampled_from([
    "", " ", "0", "-1", "1e309", "NaN", "99999999999999999999", "=cmd|' /C calc'!A0",
    "<script>alert(1)</script>", "'; DROP TABLE trajectories_newcomer; --", "\u202eevil",
    "\x00", "𝕏" * 40, "a" * 300, "2026-02-30", "25:61", "null", "[]", "{}",
])  # fmt: skip
TEXT = st.one_of(NASTY, st.text(max_size=60))


def _choice_values(field: forms.Field) -> list[str]:
    choices = getattr(field, "choices", None)
    if choices is None:
        return []
    values = []
    for value, label in choices:
        if isinstance(label, list | tuple):  # grouped choices
            values += [str(v) for v, _ in label]
        else:
            values.append(str(getattr(value, "value", value)))
    return [v for v in values if v]


def value_for(field: forms.Field) -> st.SearchStrategy:
    """A plausible or hostile value for one field (lists for multiple choices)."""
    valid = _choice_values(field) if not isinstance(field, forms.ModelChoiceField) else []
    one = st.one_of(TEXT, st.sampled_from(valid)) if valid else TEXT
    if isinstance(field, forms.MultipleChoiceField):
        return st.lists(one, max_size=4)
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return st.one_of(TEXT, st.integers(-(10**12), 10**12).map(str))
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", "", "false", "1"])
    return one


def form_posts(
    form_class: type[forms.Form], overrides: dict | None = None, **init
) -> st.SearchStrategy:
    """Dictionaries to POST: each field left out or filled by `value_for` (or by the
    strategy given in `overrides`, e.g. real primary keys mixed with garbage)."""
    form = form_class(**init)
    overrides = overrides or {}
    fields = {
        name: st.one_of(st.none(), overrides[name] if name in overrides else value_for(field))
        for name, field in form.fields.items()
    }
    return st.fixed_dictionaries(fields).map(
        lambda data: {k: v for k, v in data.items() if v is not None}
    )
