"""Fuzzing the import parsers of the offer (CSV and JSON-LD): whatever the file holds, the
parsers answer with rows and errors (never an exception), and an import with any error
writes nothing. Bounded and seeded (derandomized) so it runs in `make test` in seconds."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pnt.accounts.models import Role
from pnt.offer.exchange import csv_template, parse_csv, parse_jsonld
from pnt.offer.models import Activity
from pnt.offer.services import OfferError, import_activities
from tests.factories import ProviderFactory, user_with_role
from tests.security.strategies import NASTY, TEXT

FUZZ = settings(
    max_examples=60, derandomize=True, deadline=None, database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip

HEADER = csv_template().splitlines()[0]
COLUMNS = next(iter([HEADER.split(";")] if ";" in HEADER else [HEADER.split(",")]))
SEPARATOR = ";" if ";" in HEADER else ","


def _csv_line(cells: list[str]) -> str:
    return SEPARATOR.join('"' + c.replace('"', '""') + '"' for c in cells)


csv_files = st.one_of(
    st.text(max_size=400),
    st.lists(st.lists(TEXT, min_size=len(COLUMNS), max_size=len(COLUMNS)), max_size=4).map(
        lambda rows: "\n".join([HEADER, *(_csv_line(r) for r in rows)])
    ),
    # A valid template row with one cell replaced by something hostile.
    st.tuples(st.integers(0, len(COLUMNS) - 1), NASTY).map(
        lambda change: (
            "\n".join(
                csv_template().splitlines()[:1]
                + [
                    SEPARATOR.join(
                        (change[1] if i == change[0] else cell)
                        for i, cell in enumerate(csv_template().splitlines()[1].split(SEPARATOR))
                    )
                ]
            )
            if len(csv_template().splitlines()) > 1
            else HEADER
        )
    ),
)

json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(TEXT, children, max_size=4)
    ),
    max_leaves=12,
)
EVENT_KEYS = [
    "@type", "name", "description", "startDate", "endDate", "location", "offers",
    "eventSchedule", "identifier", "audience", "inLanguage", "typicalAgeRange",
]  # fmt: skip
jsonld_files = st.one_of(
    st.text(max_size=300),
    json_values.map(json.dumps),
    st.lists(st.dictionaries(st.sampled_from(EVENT_KEYS), json_values, max_size=8), max_size=3).map(
        lambda events: json.dumps({"@context": "https://schema.org", "@graph": events})
    ),
)


@FUZZ
@given(text=csv_files)
def test_csv_parser_never_raises(db, text):
    rows, errors = parse_csv(text)
    assert isinstance(rows, list) and isinstance(errors, list)


@FUZZ
@given(text=jsonld_files)
def test_jsonld_parser_never_raises(db, text):
    rows, errors = parse_jsonld(text)
    assert isinstance(rows, list) and isinstance(errors, list)


@pytest.fixture
def author(db):
    provider = ProviderFactory()
    return user_with_role(Role.PROVIDER_STAFF, provider=provider), provider


@FUZZ
@given(text=st.one_of(csv_files, jsonld_files))
def test_an_import_with_errors_writes_nothing(author, text):
    user, provider = author
    before = Activity.objects.count()
    parse = parse_jsonld if text.lstrip()[:1] in ("[", "{") else parse_csv
    rows, errors = parse(text)
    try:
        plan = import_activities(
            user=user, provider=provider, rows=rows, errors=errors, dry_run=False
        )
    except OfferError:
        assert Activity.objects.count() == before
        return
    if plan.errors:
        assert not plan.applied
        assert Activity.objects.count() == before
