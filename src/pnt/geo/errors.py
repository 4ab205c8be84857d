"""Errors of the reference geography, with messages fit to show to the person who caused them."""

from __future__ import annotations


class GeoError(ValueError):
    """Base class: a municipality code or set of municipalities that cannot be used."""


class UnknownMunicipality(GeoError):
    """No Flemish municipality, past or present, has this NIS code."""


class MunicipalityNoLongerExists(GeoError):
    """The municipality merged (or was dissolved) before the day that matters."""


class MunicipalityNotYetExisting(GeoError):
    """The municipality was created after the day that matters (e.g. a 2025 merger)."""
