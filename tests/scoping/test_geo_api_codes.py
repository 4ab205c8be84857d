"""The geography API answers unknown and merged NIS codes clearly."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_unknown_nis_code_is_404_with_a_message(client):
    response = client.get("/api/geo/municipalities/99999")
    assert response.status_code == 404
    assert "99999" in response.json()["detail"]


def test_merged_municipality_answers_with_its_successor(client):
    response = client.get("/api/geo/municipalities/46013")
    assert response.status_code == 200
    kruibeke = response.json()
    assert kruibeke["name_nl"] == "Kruibeke"
    assert kruibeke["valid_until"] == "2024-12-31"
    assert kruibeke["successor_nis_code"] == "46030"


def test_merged_municipality_is_left_out_of_the_current_list(client):
    codes = {m["nis_code"] for m in client.get("/api/geo/municipalities").json()}
    assert "46030" in codes
    assert "46013" not in codes


def test_list_with_merged_municipalities_includes_them(client):
    codes = {m["nis_code"] for m in client.get("/api/geo/municipalities?current=false").json()}
    assert {"46013", "46030"} <= codes
