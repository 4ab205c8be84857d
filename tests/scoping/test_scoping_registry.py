"""The registry covers every URL and API operation: a new one without an entry fails here."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver

from pnt.api import api
from tests.scoping.registry import API, IGNORED_NAMESPACES, IGNORED_URL_NAMES, WEB, Page
from tests.scoping.world import ANONYMOUS, SEES, SIGNED_IN

HOW_TO = "Add an entry to tests/scoping/registry.py (see tests/scoping/README.md)."


def _walk(resolver: URLResolver, prefix: str = "") -> tuple[set[str], list[str]]:
    names: set[str] = set()
    unnamed: list[str] = []
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in IGNORED_NAMESPACES:
                continue
            inner = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            more_names, more_unnamed = _walk(pattern, inner)
            names |= more_names
            unnamed += more_unnamed
        elif isinstance(pattern, URLPattern):
            if pattern.name is None:
                unnamed.append(str(pattern.pattern))
            elif pattern.name not in IGNORED_URL_NAMES:
                names.add(prefix + pattern.name)
    return names, unnamed


def url_names() -> set[str]:
    return _walk(get_resolver())[0]


def api_operation_ids() -> set[str]:
    paths = api.get_openapi_schema()["paths"]
    return {op["operationId"] for methods in paths.values() for op in methods.values()}


def test_every_url_pattern_has_a_name():
    unnamed = _walk(get_resolver())[1]
    assert not unnamed, f"Give these URL patterns a name= so the matrix can cover them: {unnamed}"


def test_every_named_url_has_an_entry():
    missing = url_names() - {entry.name for entry in WEB}
    assert not missing, f"URLs without a scoping entry: {sorted(missing)}. {HOW_TO}"


def test_every_api_operation_has_an_entry():
    missing = api_operation_ids() - {entry.name for entry in API}
    assert not missing, f"API operations without a scoping entry: {sorted(missing)}. {HOW_TO}"


def test_every_web_entry_names_an_existing_url():
    stale = {entry.name for entry in WEB} - url_names()
    assert not stale, f"Entries for URL names that do not exist (renamed?): {sorted(stale)}"


def test_every_api_entry_names_an_existing_operation():
    stale = {entry.name for entry in API} - api_operation_ids()
    assert not stale, f"Entries for API operations that do not exist: {sorted(stale)}"


def test_each_url_and_operation_has_one_entry():
    for entries in (WEB, API):
        names = [entry.name for entry in entries]
        assert len(names) == len(set(names)), f"Duplicate entries: {names}"


def test_the_sees_table_answers_for_every_signed_in_role():
    incomplete = {kind: set(SIGNED_IN) - set(rows) for kind, rows in SEES.items()}
    assert not any(incomplete.values()), f"SEES misses roles: {incomplete}"


def test_public_kinds_say_what_anonymous_visitors_see():
    public_kinds = {entry.kind for entry in WEB + API if getattr(entry, "public", False)}
    missing = {kind for kind in public_kinds if ANONYMOUS not in SEES[kind]}
    assert not missing, f"SEES needs an '{ANONYMOUS}' row for public kinds: {missing}"


def test_every_kind_in_the_registry_is_in_the_sees_table():
    kinds = {entry.kind for entry in WEB + API if not isinstance(entry, Page)}
    assert kinds <= set(SEES), f"Kinds without a SEES table: {kinds - set(SEES)}"
