"""Acceptance 1: a link works once, not after 30 days, and not for another intervention; a used
or expired link shows a friendly page, not an error."""

import datetime as dt

import time_machine
from django.test import Client
from django.utils import timezone

from kansrijk.reports.tests.helpers import words

from .helpers import answers, ended_intervention, links_in_mail, path_of


def _young_link(django_capture_on_commit_callbacks, referrer, email="sem@example.org", **options):
    ended_intervention(
        django_capture_on_commit_callbacks,
        referrer=referrer,
        young_person_data={"first_name": "Sem", "last_name": "de Wit", "email": email},
        **options,
    )
    return path_of(links_in_mail()[email])


def test_it_shows_the_questionnaire_with_only_the_first_name(django_capture_on_commit_callbacks, referrer):
    path = _young_link(django_capture_on_commit_callbacks, referrer)

    response = Client().get(path)

    text = words(response.content.decode())
    assert response.status_code == 200
    assert "Hoi Sem" in text
    assert "Ik weet nu hoe ik anders kan reageren." in text
    assert "de Wit" not in text
    assert "HLT-" not in text and "Zuiderlicht" not in text


def test_it_works_once(django_capture_on_commit_callbacks, referrer):
    path = _young_link(django_capture_on_commit_callbacks, referrer)
    browser = Client()

    first = browser.post(path, answers("young_person"))
    again = browser.get(path)
    resent = browser.post(path, answers("young_person", score=1))

    assert first.status_code == 302
    assert first["Location"] == "/evaluatie/bedankt/"
    assert again.status_code == 410
    assert "Deze vragenlijst is al ingevuld" in words(again.content.decode())
    assert resent.status_code == 410


def test_it_no_longer_works_after_30_days(django_capture_on_commit_callbacks, referrer):
    path = _young_link(django_capture_on_commit_callbacks, referrer)

    with time_machine.travel(timezone.now() + dt.timedelta(days=29, hours=23)):
        still = Client().get(path)
    with time_machine.travel(timezone.now() + dt.timedelta(days=30, minutes=1)):
        expired = Client().get(path)
        posted = Client().post(path, answers("young_person"))

    assert still.status_code == 200
    assert expired.status_code == 410
    assert "Deze link is verlopen" in words(expired.content.decode())
    assert posted.status_code == 410


def test_it_does_not_work_for_another_intervention(django_capture_on_commit_callbacks, referrer):
    mine = _young_link(django_capture_on_commit_callbacks, referrer, email="sem@example.org")
    other = _young_link(django_capture_on_commit_callbacks, referrer, email="lotte@example.org")
    _, _, my_uuid, my_token, _ = mine.split("/")
    _, _, other_uuid, _, _ = other.split("/")

    response = Client().post(f"/evaluatie/{other_uuid}/{my_token}/", answers("young_person"))

    assert response.status_code == 404
    assert "Deze link werkt niet" in words(response.content.decode())
    # Neither evaluation was answered by it.
    assert Client().get(mine).status_code == 200
    assert Client().get(other).status_code == 200


def test_it_does_not_work_for_another_respondent_of_the_same_intervention(
    django_capture_on_commit_callbacks, referrer
):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    links = links_in_mail()
    _, _, young_uuid, _, _ = path_of(links["sem@example.org"]).split("/")
    _, _, _, parent_token, _ = path_of(links["marieke@example.org"]).split("/")

    assert Client().get(f"/evaluatie/{young_uuid}/{parent_token}/").status_code == 404


def test_it_answers_a_made_up_link_with_a_friendly_page(db):
    response = Client().get("/evaluatie/9b2f7c1e-0000-4000-8000-000000000000/niet-echt/")

    assert response.status_code == 404
    assert "Deze link werkt niet" in words(response.content.decode())


def test_it_answers_every_role_alike_even_before_the_second_factor(
    django_capture_on_commit_callbacks, referrer, caseworker_a, team_lead_a, privacy_officer
):
    path = _young_link(django_capture_on_commit_callbacks, referrer)
    made_up = "/evaluatie/9b2f7c1e-0000-4000-8000-000000000000/niet-echt/"

    for user in (None, referrer, caseworker_a, team_lead_a, privacy_officer):
        browser = Client()  # a plain client: staff are logged in with the password only
        if user is not None:
            browser.force_login(user)
        assert browser.get(path).status_code == 200, user
        assert browser.get(made_up).status_code == 404, user
