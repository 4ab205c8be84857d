"""The feedback questionnaires: a secret link without an account, faces for answers, once."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from pnt.reporting import services
from pnt.reporting.models import Feedback
from pnt.reporting.services import FeedbackError
from tests.factories import ProviderFactory, region, user_with_role
from tests.reporting.helpers import D, trajectory

pytestmark = pytest.mark.django_db
ANSWERS = {"helpful": "yes", "enjoyed": "somewhat", "met_people": "yes", "continues": "no"}


@pytest.fixture
def link():
    newcomer = trajectory(opened=D(2024, 1, 1), started=D(2024, 2, 1),
                          completed=D(2024, 5, 1)).newcomer  # fmt: skip
    feedback, raw = services.invite_newcomer(newcomer=newcomer)
    return f"/feedback/{raw}/", feedback


def test_the_questionnaire_opens_without_an_account(link):
    response = Client().get(link[0])
    assert response.status_code == 200 and "face-yes.svg" in response.text


def test_answers_are_saved_with_faces(link):
    Client().post(link[0], {**ANSWERS, "comment": "Fijn!"})
    feedback = Feedback.objects.get(pk=link[1].pk)
    assert (feedback.helpful, feedback.continues, feedback.comment) == ("yes", "no", "Fijn!")


def test_the_link_stops_working_once_answered(link):
    Client().post(link[0], ANSWERS)
    assert Client().get(link[0]).status_code == 404


def test_every_question_needs_a_face(link):
    response = Client().post(link[0], {"helpful": "yes"})
    assert response.status_code == 200 and "Choose a face." in response.text


def test_an_unknown_key_is_404():
    assert Client().get("/feedback/not-a-key/").status_code == 404


def test_a_provider_answers_its_own_questions():
    feedback, raw = services.invite_provider(provider=ProviderFactory())
    Client().post(f"/feedback/{raw}/", {"went_well": "yes", "welcome_again": "yes",
                                        "needs_support": "no"})  # fmt: skip
    assert Feedback.objects.get(pk=feedback.pk).welcome_again == "yes"


def test_an_answered_questionnaire_cannot_be_sent_again(link):
    services.answer(feedback=link[1], **ANSWERS)
    with pytest.raises(FeedbackError):
        services.invite_newcomer(newcomer=link[1].newcomer)


def test_the_invitation_round_mails_newcomers_who_completed(settings):
    newcomer = trajectory(opened=D(2024, 1, 1), started=D(2024, 2, 1),
                          completed=D(2024, 5, 1)).newcomer  # fmt: skip
    sent = services.send_invitations(today=D(2024, 6, 1))
    assert sent["trajectory"] == 1 and mail.outbox[0].to == [newcomer.email]
    assert "/feedback/" in mail.outbox[0].body


def test_the_invitation_round_asks_each_newcomer_once():
    trajectory(opened=D(2024, 1, 1), started=D(2024, 2, 1), completed=D(2024, 5, 1))
    services.send_invitations(today=D(2024, 6, 1))
    assert services.send_invitations(today=D(2024, 6, 2))["trajectory"] == 0


def test_a_coach_makes_a_link_for_a_newcomer_of_the_region():
    newcomer = trajectory(opened=D(2024, 1, 1), completed=D(2024, 5, 1),
                          started=D(2024, 2, 1)).newcomer  # fmt: skip
    client = Client()
    client.force_login(user_with_role("coach", region=region("rivierenland")))
    response = client.post(f"/reports/feedback/newcomers/{newcomer.pk}/invite/", follow=True)
    assert "/feedback/" in response.text
    assert Feedback.objects.filter(newcomer=newcomer, kind="trajectory").exists()
