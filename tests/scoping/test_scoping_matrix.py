"""The scoping matrix: every web page and API operation, for every role.

One test per (entry, role). Lists show exactly the objects of the role's scope; details of
anything else are 404, never 403; anonymous visitors are sent to the login page (web) or get
401 (API) unless the entry is public. The expectations live in registry.py and world.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from pnt.api import api
from tests.scoping.registry import API, LOGIN, WEB, Detail, Entry, Listing, Page, Status
from tests.scoping.world import ANONYMOUS, ROLES, World

pytestmark = pytest.mark.django_db

# Sends one request: (url arguments, data) → response.
Send = Callable[[dict, dict | None], HttpResponse]


def _cases(entries: list[Entry]):
    return [
        pytest.param(entry, role, id=f"{entry.name}-{role}") for entry in entries for role in ROLES
    ]


def _client(world: World, role: str) -> Client:
    client = Client()
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


def _outcome(response: HttpResponse) -> Status:
    """The status code, or LOGIN for a redirect to the login page."""
    if response.status_code == 302 and response.url.startswith(reverse("login")):
        return LOGIN
    return response.status_code


def _expected(entry: Entry, role: str) -> Status:
    """What the role gets when the object is in scope (or for a page)."""
    if role == ANONYMOUS:
        if isinstance(entry, Page):
            return entry.anonymous
        if not entry.public:
            return "denied"
    status = entry.status
    return status.get(role, 200) if isinstance(status, dict) else status


@cache
def _operations() -> dict[str, tuple[str, str]]:
    """operation id → (method, path template) from the OpenAPI schema."""
    paths = api.get_openapi_schema()["paths"]
    return {
        operation["operationId"]: (method, path)
        for path, methods in paths.items()
        for method, operation in methods.items()
    }


def _web_sender(client: Client, entry: Entry) -> Send:
    method = getattr(client, entry.method if not isinstance(entry, Listing) else "get")

    def send(kwargs: dict, data: dict | None) -> HttpResponse:
        return method(reverse(entry.name, kwargs=kwargs), data or {})

    return send


def _api_sender(client: Client, entry: Entry) -> Send:
    method_name, path = _operations()[entry.name]
    method = getattr(client, method_name)

    def send(kwargs: dict, data: dict | None) -> HttpResponse:
        if method_name == "get":
            return method(path.format(**kwargs))
        return method(path.format(**kwargs), json.dumps(data or {}), "application/json")

    return send


def _check(entry: Entry, role: str, world: World, send: Send, denied: Status, web: bool):
    expected = _expected(entry, role)
    if isinstance(entry, Page):
        assert _outcome(send(entry.kwargs, entry.data)) == expected
    elif expected == "denied":
        outcomes = {_outcome(send(kwargs, None)) for kwargs in _all_kwargs(entry, world)}
        assert outcomes == {denied}
    elif isinstance(entry, Listing):
        response = send({}, None)
        assert _outcome(response) == expected
        if expected == 200:
            _check_listing(entry, role, world, response, web)
    else:
        _check_detail(entry, role, world, send, expected, web)


def _all_kwargs(entry: Listing | Detail, world: World) -> list[dict]:
    """The URL arguments of the list, or of every object's detail."""
    if isinstance(entry, Listing):
        return [{}]
    return [entry.kwargs(obj) for obj in world.objects[entry.kind].values()]


def _check_listing(entry: Listing, role: str, world: World, response, web: bool) -> None:
    objects = world.objects[entry.kind]
    if web:
        html = response.content.decode()
        shown = {key for key, label in world.labels[entry.kind].items() if label in html}
        assert shown == world.sees(entry.kind, role)
        return
    ids = {item["id"] for item in response.json()}
    assert {key for key, obj in objects.items() if obj.pk in ids} == world.sees(entry.kind, role)
    if entry.exact:
        assert ids <= {obj.pk for obj in objects.values()}, "objects outside the world"


def _check_detail(entry: Detail, role, world: World, send: Send, expected, web: bool) -> None:
    sees = world.sees(entry.kind, role)
    outcomes, wrong = {}, set()
    for key, obj in world.objects[entry.kind].items():
        response = send(entry.kwargs(obj), entry.data)
        outcomes[key] = _outcome(response)
        if response.status_code == 200 and entry.method == "get":
            if web and world.labels[entry.kind][key] not in response.text:
                wrong.add(key)
            if not web and response.json()["id"] != obj.pk:
                wrong.add(key)
        if response.status_code == 404 and not web:
            assert response.json()["detail"], "a 404 of the API carries a JSON message"
    assert outcomes == {key: expected if key in sees else 404 for key in outcomes}
    assert not wrong, f"200, but not showing the object asked for: {wrong}"


@pytest.mark.parametrize(("entry", "role"), _cases(WEB))
def test_web(entry: Entry, role: str, world: World):
    send = _web_sender(_client(world, role), entry)
    _check(entry, role, world, send, denied=LOGIN, web=True)


@pytest.mark.parametrize(("entry", "role"), _cases(API))
def test_api(entry: Entry, role: str, world: World):
    send = _api_sender(_client(world, role), entry)
    _check(entry, role, world, send, denied=401, web=False)
