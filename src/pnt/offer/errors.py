"""The offer's domain error: its message is fit to show to the person who caused it."""

from __future__ import annotations


class OfferError(ValueError):
    """A rule of the offer was broken (not allowed, not eligible, bad import…)."""
