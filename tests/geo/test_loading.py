"""Loading the reference geography, and resolving NIS codes across mergers.

The session fixture in tests/conftest.py has already loaded the committed data once.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import translation

from pnt.geo.errors import (
    GeoError,
    MunicipalityNoLongerExists,
    MunicipalityNotYetExisting,
    UnknownMunicipality,
)
from pnt.geo.loading import load_reference_geography, resolve_nis, validate_region_members
from pnt.geo.models import Municipality, Region

BEFORE_2019 = dt.date(2018, 6, 1)
IN_2024 = dt.date(2024, 6, 1)
AFTER_2025 = dt.date(2025, 6, 1)

RIVIERENLAND = {
    "Berlaar", "Bonheiden", "Bornem", "Duffel", "Heist-op-den-Berg", "Lier", "Mechelen",
    "Nijlen", "Putte", "Puurs-Sint-Amands", "Sint-Katelijne-Waver", "Willebroek",
}  # fmt: skip

pytestmark = pytest.mark.django_db


def names(region: Region) -> set[str]:
    return set(region.municipalities.values_list("name_nl", flat=True))


def test_it_loads_the_twelve_municipalities_of_rivierenland_with_mechelen_as_host():
    region = Region.objects.get(slug="rivierenland")
    assert names(region) == RIVIERENLAND
    assert region.host.nis_code == "12025"


def test_kempen_is_the_27_municipalities_of_arrondissement_turnhout():
    region = Region.objects.get(slug="kempen")
    codes = set(region.municipalities.values_list("arrondissement_code", flat=True))
    assert region.municipalities.count() == 27
    assert codes == {"13000"}
    assert region.host.name_nl == "Turnhout"


def test_the_pilot_region_holds_the_current_successors_of_its_members():
    region = Region.objects.get(slug="kruibeke-temse-zwijndrecht")
    assert names(region) == {"Temse", "Beveren-Kruibeke-Zwijndrecht"}
    assert region.host.name_nl == "Temse"
    assert "merged" in region.source


@pytest.mark.parametrize(("day", "count"), [(BEFORE_2019, 308), (IN_2024, 300), (AFTER_2025, 285)])
def test_flanders_has_the_official_number_of_municipalities_on_each_day(day, count):
    assert Municipality.objects.current(day).count() == count


def test_a_merged_municipality_keeps_its_record_and_points_to_its_successor():
    kruibeke = Municipality.objects.get(nis_code="46013")
    assert kruibeke.valid_until == dt.date(2024, 12, 31)
    assert kruibeke.successor.nis_code == "46030"
    assert kruibeke.outline, "history stays mappable"
    assert kruibeke.latitude == pytest.approx(51.156, abs=0.01)


def test_a_new_municipality_has_the_union_of_its_predecessors_as_outline():
    merged = Municipality.objects.get(nis_code="46030")
    assert merged.valid_from == dt.date(2025, 1, 1)
    assert merged.arrondissement_code == "46000"
    assert merged.province_code == "40000"
    assert {p.nis_code for p in merged.predecessors.all()} == {"46003", "46013", "11056"}
    assert merged.outline


def test_municipalities_merged_in_2019_have_no_outline_but_a_successor():
    puurs = Municipality.objects.get(nis_code="12030")
    assert puurs.valid_until == dt.date(2018, 12, 31)
    assert puurs.successor.name_nl == "Puurs-Sint-Amands"
    assert puurs.outline == []


def test_an_old_code_resolves_to_the_municipality_of_the_day():
    assert resolve_nis("46013", on=AFTER_2025).nis_code == "46030"
    assert resolve_nis("46013", on=IN_2024).nis_code == "46013"
    assert resolve_nis("12030", on=AFTER_2025).name_nl == "Puurs-Sint-Amands"
    assert resolve_nis("12030", on=BEFORE_2019).name_nl == "Puurs"


def test_a_current_code_resolves_to_itself_today():
    assert resolve_nis(" 12025 ").name_nl == "Mechelen"


def test_an_unknown_code_raises_a_message_that_names_it():
    expected = "Unknown NIS code '99999': no Flemish municipality has this code."
    with translation.override("en"), pytest.raises(UnknownMunicipality, match=re.escape(expected)):
        resolve_nis("99999")


def test_a_code_asked_for_before_it_existed_raises():
    with translation.override("en"), pytest.raises(MunicipalityNotYetExisting, match="46030"):
        resolve_nis("46030", on=IN_2024)


def test_a_merged_member_of_a_region_raises_a_clear_message():
    members = Municipality.objects.filter(nis_code__in=["46013", "46025"])
    expected = (
        "Kruibeke (46013) no longer exists since 1 January 2025: "
        "it merged into Beveren-Kruibeke-Zwijndrecht (46030)."
    )
    with translation.override("en"), pytest.raises(MunicipalityNoLongerExists) as error:
        validate_region_members(members, on=AFTER_2025)
    assert str(error.value) == expected
    assert isinstance(error.value, GeoError)


def test_a_municipality_merged_in_2019_names_the_successor_of_the_day():
    puurs = Municipality.objects.filter(nis_code="12030")
    with translation.override("en"), pytest.raises(MunicipalityNoLongerExists) as error:
        validate_region_members(puurs, on=AFTER_2025)
    assert "since 1 January 2019: it merged into Puurs-Sint-Amands (12041)" in str(error.value)


def test_current_members_pass_validation():
    validate_region_members(Region.objects.get(slug="kempen").municipalities.all(), on=AFTER_2025)
    validate_region_members(Municipality.objects.filter(nis_code="46013"), on=IN_2024)


def test_loading_twice_changes_nothing():
    before = list(Municipality.objects.order_by("nis_code").values())
    counts = load_reference_geography()
    assert counts["municipalities"] == 327
    assert counts["regions"] == 3
    assert counts["municipalities_created"] == counts["municipalities_updated"] == 0
    assert counts["regions_created"] == counts["regions_updated"] == 0
    assert list(Municipality.objects.order_by("nis_code").values()) == before


def test_loading_repairs_rows_that_drifted_from_the_data():
    Municipality.objects.filter(nis_code="12025").update(name_nl="Mechelen?", successor=None)
    Municipality.objects.filter(nis_code="46013").update(successor=None)
    Region.objects.get(slug="kempen").municipalities.clear()
    counts = load_reference_geography()
    assert counts["municipalities_updated"] == 2
    assert counts["regions_updated"] == 1
    assert resolve_nis("12025").name_nl == "Mechelen"
    assert resolve_nis("46013", on=AFTER_2025).nis_code == "46030"
    assert Region.objects.get(slug="kempen").municipalities.count() == 27
