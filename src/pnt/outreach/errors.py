"""Domain errors of outreach: each carries a message fit to show to the person."""

from __future__ import annotations


class OutreachError(ValueError):
    """A rule of follow-on, check-ins or information pages was broken."""
