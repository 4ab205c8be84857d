"""Load the committed reference geography, and resolve NIS codes across mergers.

The data files in `pnt/geo/data/` are built by `scripts/build_geo_data.py` (see SOURCES.md
there). Loading is an upsert keyed on NIS code and region slug, so it can run on every
deployment: running it twice changes nothing, and records added by hand are left alone.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from pnt.geo.errors import (
    MunicipalityNoLongerExists,
    MunicipalityNotYetExisting,
    UnknownMunicipality,
)
from pnt.geo.models import Municipality, Region

DATA_DIR = Path(__file__).resolve().parent / "data"

# Model fields filled from a record of municipalities.json (the successor comes in pass two).
MUNICIPALITY_FIELDS = [
    "name_nl",
    "name_fr",
    "arrondissement_code",
    "province_code",
    "valid_from",
    "valid_until",
    "latitude",
    "longitude",
    "outline",
]


def load_reference_geography(data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Create or update every municipality and region of the data files, in one transaction.

    Returns counts: `municipalities` and `regions` (in the files) and how many of each were
    `…_created` and `…_updated`; on a second run both of the latter are 0.
    """
    municipalities = _read(data_dir / "municipalities.json")
    regions = _read(data_dir / "regions.json")
    with transaction.atomic():
        counts = _upsert_municipalities(municipalities)
        counts |= _upsert_regions(regions)
    return counts


def _read(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


def _field_values(record: dict[str, Any]) -> dict[str, Any]:
    centroid = record["centroid"] or [None, None]
    return {
        "name_nl": record["name_nl"],
        "name_fr": record["name_fr"],
        "arrondissement_code": record["arrondissement"],
        "province_code": record["province"],
        "valid_from": _date(record["valid_from"]),
        "valid_until": _date(record["valid_until"]),
        "longitude": centroid[0],
        "latitude": centroid[1],
        "outline": record["outline"],
    }


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _upsert_municipalities(records: list[dict[str, Any]]) -> dict[str, int]:
    """Pass one writes the rows, pass two links successors, so every successor exists first."""
    existing = {m.nis_code: m for m in Municipality.objects.all()}
    created, changed = [], set()
    for record in records:
        values = _field_values(record)
        municipality = existing.get(record["nis"])
        if municipality is None:
            created.append(Municipality(nis_code=record["nis"], **values))
        elif _assign(municipality, values):
            changed.add(municipality.nis_code)
    Municipality.objects.bulk_create(created)
    # Re-read the new rows: not every database backend returns primary keys from bulk_create.
    new_codes = {m.nis_code for m in created}
    existing |= {m.nis_code: m for m in Municipality.objects.filter(nis_code__in=new_codes)}
    for record in records:
        municipality = existing[record["nis"]]
        successor = existing[record["successor"]] if record["successor"] else None
        if municipality.successor_id != (successor.pk if successor else None):
            municipality.successor = successor
            changed.add(municipality.nis_code)
    fields = [*MUNICIPALITY_FIELDS, "successor"]
    Municipality.objects.bulk_update([existing[code] for code in changed], fields)
    return {
        "municipalities": len(records),
        "municipalities_created": len(created),
        "municipalities_updated": len(changed - new_codes),
    }


def _assign(instance: Any, values: dict[str, Any]) -> bool:
    """Set the values that differ; True when anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


def _upsert_regions(records: list[dict[str, Any]]) -> dict[str, int]:
    by_code = {m.nis_code: m for m in Municipality.objects.all()}
    created = updated = 0
    for record in records:
        values = {
            "name": record["name"],
            "host": by_code[record["host"]],
            "source": record["source"],
        }
        region = Region.objects.filter(slug=record["slug"]).first()
        is_new = region is None
        if region is None:
            region = Region.objects.create(slug=record["slug"], **values)
            changed = False
        elif changed := _assign(region, values):
            region.save()
        members = {by_code[code].pk for code in record["municipalities"]}
        if members != set(region.municipalities.values_list("pk", flat=True)):
            region.municipalities.set(members)
            changed = True
        created += is_new
        updated += changed and not is_new
    return {"regions": len(records), "regions_created": created, "regions_updated": updated}


# --- resolving codes ------------------------------------------------------------------------


def resolve_nis(code: str, on: dt.date | None = None) -> Municipality:
    """The municipality that exists on the day (today by default) for any known NIS code.

    An old code follows its mergers: `resolve_nis("46013")` (Kruibeke) gives
    Beveren-Kruibeke-Zwijndrecht from 2025 on. Raises UnknownMunicipality for a code no
    Flemish municipality has, MunicipalityNotYetExisting for a day before the municipality
    existed, MunicipalityNoLongerExists when a merged record has no successor.
    """
    day = on or timezone.localdate()
    clean = str(code).strip()
    municipality = Municipality.objects.select_related("successor").filter(nis_code=clean).first()
    if municipality is None:
        raise UnknownMunicipality(
            _("Unknown NIS code '%(code)s': no Flemish municipality has this code.")
            % {"code": clean}
        )
    seen = {municipality.pk}
    while not municipality.exists_on(day):
        if municipality.valid_from is not None and day < municipality.valid_from:
            raise MunicipalityNotYetExisting(_not_yet_message(municipality, day))
        successor = municipality.successor
        if successor is None or successor.pk in seen:
            raise MunicipalityNoLongerExists(_no_longer_message(municipality, None))
        seen.add(successor.pk)
        municipality = successor
    return municipality


def validate_region_members(
    municipalities: Iterable[Municipality], on: dt.date | None = None
) -> None:
    """Check that every municipality exists on the day (today by default).

    Raises MunicipalityNoLongerExists (or MunicipalityNotYetExisting) naming each problem
    municipality and, for a merged one, the municipality it merged into.
    """
    day = on or timezone.localdate()
    gone, not_yet = [], []
    for municipality in sorted(municipalities, key=lambda m: (m.name_nl, m.nis_code)):
        if municipality.valid_from is not None and day < municipality.valid_from:
            not_yet.append(_not_yet_message(municipality, day))
        elif not municipality.exists_on(day):
            gone.append(_no_longer_message(municipality, _successor_on(municipality, day)))
    if gone:
        raise MunicipalityNoLongerExists(" ".join(gone + not_yet))
    if not_yet:
        raise MunicipalityNotYetExisting(" ".join(not_yet))


def _successor_on(municipality: Municipality, day: dt.date) -> Municipality | None:
    """The successor that exists on the day: Puurs (merged 2019) names Puurs-Sint-Amands."""
    if municipality.successor_id is None:
        return None
    try:
        return resolve_nis(municipality.successor.nis_code, day)  # type: ignore[union-attr]
    except (MunicipalityNoLongerExists, MunicipalityNotYetExisting):
        return municipality.successor


def _no_longer_message(municipality: Municipality, successor: Municipality | None) -> str:
    values = {
        "name": municipality.name_nl,
        "code": municipality.nis_code,
        "date": _day_after(municipality.valid_until),
    }
    if successor is None:
        return _("%(name)s (%(code)s) no longer exists since %(date)s.") % values
    return _(
        "%(name)s (%(code)s) no longer exists since %(date)s: it merged into "
        "%(successor)s (%(successor_code)s)."
    ) % {**values, "successor": successor.name_nl, "successor_code": successor.nis_code}


def _not_yet_message(municipality: Municipality, day: dt.date) -> str:
    return _("%(name)s (%(code)s) did not exist yet on %(day)s: it exists since %(date)s.") % {
        "name": municipality.name_nl,
        "code": municipality.nis_code,
        "day": date_format(day, "j F Y"),
        "date": date_format(municipality.valid_from, "j F Y"),
    }


def _day_after(day: dt.date | None) -> str:
    # valid_until is the last day of existence; people say "since" the first day without it.
    return date_format(day + dt.timedelta(days=1), "j F Y") if day else "?"
