"""The Django admin is for administrators only."""

from __future__ import annotations

import pytest

from pnt.accounts.models import Role
from tests.factories import UserFactory, municipality, region, user_with_role

pytestmark = pytest.mark.django_db


def test_admin_opens_the_django_admin(client):
    client.force_login(user_with_role(Role.ADMIN))
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "make_user",
    [
        pytest.param(lambda: user_with_role(Role.COORDINATOR, region=region()), id="coordinator"),
        pytest.param(lambda: user_with_role(Role.COACH, region=region()), id="coach"),
        pytest.param(
            lambda: user_with_role(Role.MUNICIPAL_OFFICER, municipality=municipality("12025")),
            id="municipal_officer",
        ),
        pytest.param(lambda: user_with_role(Role.COUNSELLOR), id="counsellor"),
        pytest.param(UserFactory, id="no_membership"),
    ],
)
def test_other_roles_are_sent_to_the_admin_login(client, make_user):
    client.force_login(make_user())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_anonymous_visitor_is_sent_to_the_admin_login(client):
    response = client.get("/admin/trajectories/newcomer/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_coach_cannot_open_an_admin_change_list(client):
    client.force_login(user_with_role(Role.COACH, region=region()))
    response = client.get("/admin/trajectories/newcomer/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
