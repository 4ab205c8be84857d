"""Inclusion's entries of the scoping matrix (tests/scoping): one per URL."""

from __future__ import annotations

from tests.scoping.registry import Page

INCLUSION_WEB = [
    # The plain-Dutch check of the activity editor: text in, warnings out, nothing stored.
    Page("offer_readability", method="post", data={"description": "Wij koken samen."}),
]
