"""Every form that creates or changes something carries a one-time token (core/once.py), on every
page that has such forms; and every form that changes the file or a component carries the
version it was read at (core/versions.py)."""

import re

from django.urls import reverse
from django.utils import timezone

from kansrijk.core.tests.once import posting_forms
from kansrijk.interventions.tests.factories import make_intervention, make_referral
from kansrijk.interventions.views import STEPS
from kansrijk.rights import services as rights_services

# Forms that post but write nothing a repeat could double: searches and filters (which post to
# keep names out of addresses), the language switch and logging out.
NOT_WRITING = {"logout", "set_language", "interventions:list", "rights:search", "audit:log"}
# Forms that write but are exactly once by their service itself, and so carry no token: the
# import's confirmation (one conditional UPDATE from checked to importing) and a quote's review
# (only a pending quote is reviewed).
ONCE_BY_THEIR_SERVICE = {"interchange:job_confirm", "evaluations:quote_review"}
# The steps that change the file itself, and so carry its version (interventions/forms/steps.py).
CHANGES_THE_FILE = {"plan_intake", "start", "complete", "stop", "not_start", "reopen", "assign"}


def _without_token(page: str, path: str) -> list[str]:
    exempt = {_address(name, page) for name in NOT_WRITING | ONCE_BY_THEIR_SERVICE}
    return [
        action or path
        for action, body in posting_forms(page)
        if action not in exempt and 'name="submission_token"' not in body
    ]


def _address(name: str, page: str) -> str:
    # The exempt addresses without arguments; those with one are matched by their start.
    try:
        return reverse(name)
    except Exception:  # noqa: BLE001 - an address with arguments
        prefix = reverse(name, args=["00000000-0000-0000-0000-000000000000"]).split("00000000")[0]
        found = re.search(rf'action="({re.escape(prefix)}[^"]*)"', page)
        return found[1] if found else prefix


def _check(client, user, path: str, expected_forms: int) -> str:
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200, path
    page = response.content.decode()
    writing = [action for action, _body in posting_forms(page)]
    assert len(writing) >= expected_forms, (path, writing)
    assert _without_token(page, path) == [], path
    return page


def test_every_form_on_the_file_carries_a_token(client, team_lead_a, caseworker_a, school_a):
    intervention = make_intervention(
        status="in_progress",
        professional=team_lead_a,
        school=school_a,
        components=["reflection"],
        consents=["participation"],
    )
    page = _check(client, team_lead_a, reverse("interventions:detail", args=[intervention.uuid]), 12)

    for action, body in posting_forms(page):
        steps = {reverse(f"interventions:{key}", args=[intervention.uuid]): key for key in STEPS}
        versioned = steps.get(action) in CHANGES_THE_FILE or "/onderdelen/" in action
        assert ('-version" value="' in body) == versioned, action


def test_a_new_file_offers_planning_the_intake_with_token_and_version(client, caseworker_a, school_a):
    intervention = make_intervention(status="new", professional=caseworker_a, school=school_a)
    page = _check(client, caseworker_a, reverse("interventions:detail", args=[intervention.uuid]), 4)

    assert 'name="intake_plan-version" value="1"' in page


def test_every_form_of_triage_carries_a_token(client, team_lead_a):
    submitted = make_referral(status="submitted", team_lead=team_lead_a)
    in_review = make_referral(status="in_review", team_lead=team_lead_a)

    _check(client, team_lead_a, reverse("referrals:detail", args=[submitted.uuid]), 1)
    _check(client, team_lead_a, reverse("referrals:detail", args=[in_review.uuid]), 2)


def test_the_referrers_form_carries_a_token(client, referrer_a):
    _check(client, referrer_a, reverse("portal:new"), 1)


def test_every_form_of_a_data_subject_request_carries_a_token(client, privacy_officer, caseworker_a):
    young_person = make_referral(professional=caseworker_a).young_person
    _check(client, privacy_officer, reverse("rights:register", args=["jongere", young_person.uuid]), 1)
    correction = rights_services.request_register(
        by=privacy_officer,
        kind="correction",
        person=young_person,
        requester="subject",
        received_on=timezone.localdate(),
    )

    _check(client, privacy_officer, reverse("rights:detail", args=[correction.uuid]), 3)


def test_the_invitation_and_the_import_carry_a_token(client, team_lead_a, admin_user, organisation_a):
    _check(client, team_lead_a, reverse("invitation_create"), 1)
    _check(client, admin_user, reverse("interchange:jobs"), 1)


def test_publishing_a_factsheet_carries_a_token(client, team_lead_a, school_a):
    path = reverse("reports:factsheet") + "?periode=2024-2025&scope=regio&naam=Haaglanden"
    page = _check(client, team_lead_a, path, 1)

    assert reverse("reports:factsheet_publish") in [action for action, _body in posting_forms(page)]
