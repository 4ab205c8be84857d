"""Region maps rendered as SVG on the server."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest

from pnt.geo.models import Region
from pnt.geo.svg import region_map_svg

SVG = "{http://www.w3.org/2000/svg}"
SQUARE = [[[[4.0, 51.0], [4.1, 51.0], [4.1, 51.1], [4.0, 51.1], [4.0, 51.0]]]]


def place(pk: int = 1, name: str = "Ergens", outline=SQUARE, nis_code: str = "99001"):
    return SimpleNamespace(
        pk=pk, nis_code=nis_code, name_nl=name, outline=outline, latitude=51.05, longitude=4.05
    )


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 (our own output, parsed to prove it well-formed)


def paths(svg: str) -> list[ET.Element]:
    return parse(svg).findall(f"{SVG}g/{SVG}path")


@pytest.mark.django_db
def test_it_draws_one_path_per_municipality_of_the_region():
    region = Region.objects.get(slug="rivierenland")
    host = region.host
    svg = region_map_svg(region.municipalities.all(), {host.pk: "#e76f51"}, title=region.name)
    drawn = paths(svg)
    assert len(drawn) == 12
    assert {p.get("data-nis") for p in drawn} == set(
        region.municipalities.values_list("nis_code", flat=True)
    )
    assert {p.find(f"{SVG}title").text for p in drawn} >= {"Mechelen", "Lier"}
    assert [p.get("fill") for p in drawn if p.get("data-nis") == host.nis_code] == ["#e76f51"]
    assert "<script" not in svg


def test_names_are_escaped():
    svg = region_map_svg([place(name='<b>"Kwaad" & Co</b>')], title="A < B")
    assert "<b>" not in svg
    assert "&lt;b&gt;&quot;Kwaad&quot; &amp; Co&lt;/b&gt;" in svg
    assert parse(svg).find(f"{SVG}title").text == "A < B"


def test_a_value_is_either_a_fill_colour_or_a_css_class():
    svg = region_map_svg(
        [place(1, nis_code="1"), place(2, nis_code="2"), place(3, nis_code="3")],
        {1: "hsl(30, 80%, 60%)", 2: "level-3", 3: '" onmouseover="alert(1)'},
    )
    first, second, third = paths(svg)
    assert first.get("fill") == "hsl(30, 80%, 60%)"
    assert second.get("class") == "municipality level-3"
    assert third.get("class") == "municipality" and third.get("fill") is None
    assert "onmouseover" not in svg


def test_labels_can_be_left_out():
    assert "<text" in region_map_svg([place()])
    assert "<text" not in region_map_svg([place()], labels=False)


def test_holes_and_islands_become_subpaths_of_one_path():
    hole = [[4.03, 51.03], [4.06, 51.03], [4.06, 51.06], [4.03, 51.06], [4.03, 51.03]]
    island = [[[4.2, 51.0], [4.25, 51.0], [4.25, 51.05], [4.2, 51.0]]]
    outline = [[SQUARE[0][0], hole], island]
    (path,) = paths(region_map_svg([place(outline=outline)]))
    assert path.get("d").count("M") == 3


def test_the_map_fits_its_box_and_keeps_the_shape():
    root = parse(region_map_svg([place()], width=500))
    width, height = float(root.get("width")), float(root.get("height"))
    # 0.1° of longitude is only cos(51°) ≈ 0.63 of 0.1° of latitude: the square is tall.
    assert height == 500
    assert width == pytest.approx(8 + 492 * math.cos(math.radians(51.05)), abs=1)


def test_municipalities_without_outline_are_left_out():
    svg = region_map_svg([place(outline=[])])
    assert paths(svg) == []
    parse(svg)  # still a well-formed, empty map
