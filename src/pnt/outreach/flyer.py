"""A printable flyer per municipality (PDF): a few plain words in five languages and a QR
code to the municipality's page of the public catalogue."""

from __future__ import annotations

import json
from functools import cache

import segno
from django.template.loader import render_to_string
from django.utils import timezone, translation

from pnt.geo.models import Municipality
from pnt.offer.queries import public_activities
from pnt.outreach.infopages import DATA_DIR, NEWCOMER_LANGUAGES


@cache
def flyer_texts() -> dict[str, dict[str, str]]:
    return json.loads((DATA_DIR / "flyer.json").read_text(encoding="utf-8"))


def qr_data_uri(url: str) -> str:
    """The URL as a QR code (SVG, as a data URI an <img> can show)."""
    return segno.make(url, error="m").svg_data_uri(scale=8, border=2)


def flyer_context(municipality: Municipality, catalogue_url: str) -> dict:
    texts = flyer_texts()
    place = municipality.name_nl
    lines = [
        {
            "language": code,
            "title": texts[code]["title"].format(place=place),
            "scan": texts[code]["scan"].format(place=place),
            "rtl": code == "ar",
        }
        for code in NEWCOMER_LANGUAGES
        if code in texts
    ]
    return {
        "municipality": municipality,
        "lead": texts["nl"]["lead"],
        "lines": lines,
        "url": catalogue_url,
        "qr": qr_data_uri(catalogue_url),
        "activities": public_activities().filter(municipality=municipality).count(),
        "printed_at": timezone.now(),
    }


def flyer_html(municipality: Municipality, catalogue_url: str) -> str:
    with translation.override("nl"):
        return render_to_string(
            "outreach/pdf/flyer.html", flyer_context(municipality, catalogue_url)
        )


def flyer_pdf(municipality: Municipality, catalogue_url: str) -> bytes:
    from weasyprint import CSS, HTML  # imported late: WeasyPrint loads pango on import

    html = flyer_html(municipality, catalogue_url)
    css = render_to_string("outreach/pdf/flyer.css")
    return HTML(string=html).write_pdf(stylesheets=[CSS(string=css)])
