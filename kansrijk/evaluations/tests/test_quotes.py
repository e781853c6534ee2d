"""Acceptance 2: team leads of the region approve quotes (anonymised) before they can appear;
answers without consent and unapproved quotes never appear in a factsheet."""

from django.test import Client

from kansrijk.core.dates import SchoolYear
from kansrijk.evaluations.constants import QuoteStatus
from kansrijk.reports.factsheet import compute_factsheet
from kansrijk.reports.scope import Scope
from kansrijk.reports.tests.helpers import words

from .helpers import answers, ended_intervention, evaluation_of, links_in_mail, path_of


def _answered(django_capture_on_commit_callbacks, referrer, respondent="professional", **extra):
    intervention = ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    address = {"professional": "rik@zuiderlicht.example", "young_person": "sem@example.org"}[respondent]
    Client().post(path_of(links_in_mail()[address]), answers(respondent, **extra))
    return evaluation_of(intervention, respondent)


def _quotes(evaluation) -> dict:
    period = SchoolYear.containing(evaluation.referral_date)
    return compute_factsheet(period=period, scope=Scope.all())["quotes"]


def test_it_lets_the_team_lead_anonymise_and_approve_a_quote(
    django_capture_on_commit_callbacks, referrer, team_lead_a, client
):
    evaluation = _answered(
        django_capture_on_commit_callbacks,
        referrer,
        open_answer="Anna van Halt hielp ons op het Zuiderlicht enorm.",
        consent_to_quote="on",
    )
    client.force_login(team_lead_a)

    listed = client.get("/evaluaties/citaten/")
    response = client.post(
        f"/evaluaties/citaten/{evaluation.uuid}/",
        {f"{evaluation.uuid}-text": "De Halt-medewerker hielp ons enorm.", "approve": "1"},
    )

    assert "Anna van Halt hielp ons op het Zuiderlicht enorm." in words(listed.content.decode())
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.quote_status == QuoteStatus.APPROVED
    assert evaluation.quote_reviewed_by == team_lead_a
    assert _quotes(evaluation)["professional"] == ["De Halt-medewerker hielp ons enorm."]


def test_it_never_shows_a_quote_that_is_not_approved(django_capture_on_commit_callbacks, referrer):
    evaluation = _answered(
        django_capture_on_commit_callbacks, referrer, open_answer="Heel prettig.", consent_to_quote="on"
    )

    assert evaluation.quote_status == QuoteStatus.PENDING
    assert _quotes(evaluation) == {"professional": [], "young_person": [], "parent": []}


def test_it_never_shows_a_rejected_quote(django_capture_on_commit_callbacks, referrer, team_lead_a, client):
    evaluation = _answered(
        django_capture_on_commit_callbacks, referrer, open_answer="Heel prettig.", consent_to_quote="on"
    )
    client.force_login(team_lead_a)

    client.post(f"/evaluaties/citaten/{evaluation.uuid}/", {"reject": "1"})

    evaluation.refresh_from_db()
    assert evaluation.quote_status == QuoteStatus.REJECTED
    assert _quotes(evaluation)["professional"] == []


def test_it_never_offers_an_answer_without_consent_for_approval(
    django_capture_on_commit_callbacks, referrer, team_lead_a, client
):
    evaluation = _answered(django_capture_on_commit_callbacks, referrer, open_answer="Niet voor publicatie.")
    client.force_login(team_lead_a)

    listed = client.get("/evaluaties/citaten/")
    forced = client.post(
        f"/evaluaties/citaten/{evaluation.uuid}/",
        {f"{evaluation.uuid}-text": "Niet voor publicatie.", "approve": "1"},
    )

    assert "Niet voor publicatie." not in words(listed.content.decode())
    assert forced.status_code == 400
    evaluation.refresh_from_db()
    assert evaluation.quote_status == QuoteStatus.NONE
    assert _quotes(evaluation)["professional"] == []


def test_it_keeps_quotes_from_other_regions_and_roles_away(
    django_capture_on_commit_callbacks, referrer, team_lead_b, caseworker_a, client
):
    evaluation = _answered(
        django_capture_on_commit_callbacks, referrer, open_answer="Heel prettig.", consent_to_quote="on"
    )
    data = {f"{evaluation.uuid}-text": "Heel prettig.", "approve": "1"}

    client.force_login(team_lead_b)
    other_region = client.post(f"/evaluaties/citaten/{evaluation.uuid}/", data)
    other_list = client.get("/evaluaties/citaten/")
    client.force_login(caseworker_a)
    caseworker = client.post(f"/evaluaties/citaten/{evaluation.uuid}/", data)

    assert other_region.status_code == 404
    assert "Heel prettig." not in words(other_list.content.decode())
    assert caseworker.status_code == 404
    evaluation.refresh_from_db()
    assert evaluation.quote_status == QuoteStatus.PENDING


def test_it_shows_at_most_two_quotes_per_respondent(
    django_capture_on_commit_callbacks, referrer, team_lead_a, client
):
    from kansrijk.evaluations import services

    evaluations = [
        _answered(
            django_capture_on_commit_callbacks, referrer, open_answer=f"Citaat {n}.", consent_to_quote="on"
        )
        for n in range(3)
    ]
    for evaluation in evaluations:
        services.evaluation_quote_approve(evaluation=evaluation, by=team_lead_a, text=evaluation.open_answer)

    assert _quotes(evaluations[0])["professional"] == ["Citaat 0.", "Citaat 1."]
