"""The API (aggregates only, always suppressed), the report page and the key figures."""

from __future__ import annotations

import pytest
from django.test import Client

from pnt.reporting.indicators import INDICATORS
from pnt.reporting.keyfigures import trend_arrow
from pnt.reporting.suppression import Cell
from tests.factories import municipality, region, user_with_role
from tests.reporting.helpers import D, trajectory

pytestmark = pytest.mark.django_db


def _client(role: str, **scope) -> Client:
    client = Client()
    client.force_login(user_with_role(role, **scope))
    return client


@pytest.fixture
def three_started():
    for _ in range(3):
        trajectory("12029", opened=D(2024, 4, 1), started=D(2024, 5, 1))


def test_the_api_lists_every_indicator_with_its_plain_words():
    data = _client("coach", region=region("rivierenland")).get("/api/reporting/indicators").json()
    assert [item["key"] for item in data] == [i.key for i in INDICATORS]
    assert all(item["doc"] for item in data)


def test_the_api_suppresses_even_inside_ones_own_scope(three_started):
    client = _client("coordinator", region=region("rivierenland"))
    data = client.get("/api/reporting/regions/rivierenland?quarter=2024-Q2").json()
    started = data["indicators"]["started"]
    assert (started["display"][0], started["values"][0], started["hidden"][0]) == (
        "<5",
        None,
        "primary",
    )


def test_the_api_gives_numbers_as_numbers():
    for _ in range(6):
        trajectory("12025", opened=D(2024, 4, 1), started=D(2024, 5, 1))
    client = _client("coordinator", region=region("rivierenland"))
    data = client.get("/api/reporting/regions/rivierenland?quarter=2024-Q2").json()
    assert data["indicators"]["started"]["values"] == [6, 0, 0]


def test_the_api_refuses_a_malformed_quarter():
    client = _client("coordinator", region=region("rivierenland"))
    assert client.get("/api/reporting/regions/rivierenland?quarter=spring").status_code == 400


def test_the_page_shows_exact_small_counts_in_ones_own_scope(three_started):
    client = _client("municipal_officer", municipality=municipality("12029"))
    response = client.get("/reports/municipalities/12029/?quarter=2024-Q2")
    assert "Your own scope" in response.text


def test_the_page_suppresses_outside_ones_own_scope(three_started):
    client = _client("municipal_officer", municipality=municipality("12029"))
    response = client.get("/reports/regions/rivierenland/?quarter=2024-Q2")
    assert "&lt;5" in response.text and "Counts of fewer than 5" in response.text


def test_the_page_has_charts_and_the_map():
    client = _client("coordinator", region=region("rivierenland"))
    response = client.get("/reports/regions/rivierenland/?quarter=2024-Q2")
    assert response.text.count("<svg") >= 4 and "region-map" in response.text


def test_a_malformed_quarter_is_a_bad_request():
    client = _client("coordinator", region=region("rivierenland"))
    assert client.get("/reports/regions/rivierenland/?quarter=2024-Q5").status_code == 400


def test_key_figures_link_to_the_full_report():
    client = _client("coordinator", region=region("rivierenland"))
    response = client.get("/reports/key-figures/?quarter=2024-Q2")
    assert "/reports/regions/rivierenland/?quarter=2024-Q2" in response.text


@pytest.mark.parametrize(
    ("now", "before", "arrow"),
    [(Cell(8, "8"), Cell(5, "5"), "up"), (Cell(5, "5"), Cell(8, "8"), "down"),
     (Cell(5, "5"), Cell(5, "5"), "same"), (Cell(3, "<5", "primary"), Cell(8, "8"), "")],
)  # fmt: skip
def test_trend_arrows_never_point_at_hidden_figures(now, before, arrow):
    assert trend_arrow(now, before) == arrow
