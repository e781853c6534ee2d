"""Answering the questionnaire: every question once on the 1-5 scale, an open answer, consent."""

from django.test import Client

from kansrijk.evaluations.constants import QuoteStatus
from kansrijk.reports.tests.helpers import words

from .helpers import answers, ended_intervention, evaluation_of, links_in_mail, path_of


def test_it_stores_the_scores_the_open_answer_and_the_consent(django_capture_on_commit_callbacks, referrer):
    intervention = ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    path = path_of(links_in_mail()["marieke@example.org"])

    response = Client().post(
        path,
        answers("parent", score=5, q_informed="3", open_answer="Fijn contact.", consent_to_quote="on"),
        follow=True,
    )

    assert "Bedankt!" in words(response.content.decode())
    evaluation = intervention.evaluations.get(parent__first_name="Marieke")
    assert evaluation.scores == {
        "fit_question": 5,
        "interaction": 5,
        "informed": 3,
    }
    assert evaluation.is_answered
    assert evaluation.quote_status == QuoteStatus.PENDING
    assert evaluation.quote_text == "Fijn contact."


def test_it_makes_no_quote_of_an_answer_without_consent(django_capture_on_commit_callbacks, referrer):
    intervention = ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    path = path_of(links_in_mail()["rik@zuiderlicht.example"])

    Client().post(path, answers("professional", open_answer="Goede samenwerking met Anna."))

    evaluation = evaluation_of(intervention, "professional")
    assert evaluation.open_answer == "Goede samenwerking met Anna."
    assert evaluation.quote_status == QuoteStatus.NONE
    assert evaluation.quote_text == ""


def test_it_asks_again_in_dutch_for_a_missing_answer(django_capture_on_commit_callbacks, referrer):
    intervention = ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    path = path_of(links_in_mail()["sem@example.org"])
    data = answers("young_person")
    del data["q_heard"]

    response = Client().post(path, data)

    assert response.status_code == 200
    assert "Kies één antwoord." in words(response.content.decode())
    assert not evaluation_of(intervention, "young_person").is_answered


def test_it_refuses_a_score_outside_the_scale(django_capture_on_commit_callbacks, referrer):
    intervention = ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    path = path_of(links_in_mail()["rik@zuiderlicht.example"])

    response = Client().post(path, answers("professional", q_fit="7"))

    assert response.status_code == 200
    assert evaluation_of(intervention, "professional").scores == {}
