"""Own-words matching's entries of the scoping matrix (tests/scoping/README.md): the public
"describe what you like" box and the coach's page of a newcomer's own words."""

from __future__ import annotations

from tests.scoping.registry import NOT_PROVIDER_302, NOT_PROVIDER_STAFF, Detail, Page

OWN_WORDS_WEB = [
    Page("public_own_words", anonymous=200),
    Detail("newcomer_own_words", "newcomer", status=NOT_PROVIDER_STAFF),
    # Nothing chosen: back to the page with a message, nothing changed.
    Detail(
        "newcomer_own_words_confirm", "newcomer", method="post", data={}, status=NOT_PROVIDER_302
    ),
]
