"""Halt staff of region B get 404 for every step URL of a region-A file, and the export of a
region-B team lead never holds region-A files."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions.tests.factories import database_state, make_intervention
from kansrijk.interventions.views import STEPS


def _state():
    """Every row of every table but the sessions, whose expiry moves with each request."""
    state = database_state()
    # Django's own table, unused, and ours (SESSION_ENGINE, kansrijk/accounts/sessions.py).
    del state["sessions.Session"], state["accounts.UserSession"]
    return state


@pytest.fixture
def file_a(caseworker_a, team_lead_a, school_a):
    return make_intervention(
        status="in_progress",
        professional=caseworker_a,
        team_lead=team_lead_a,
        school=school_a,
        components=["reflection"],
        young_person_data={"first_name": "Noor", "last_name": "Bakker"},
    )


@pytest.fixture(params=["caseworker_b", "team_lead_b"])
def outsider(request):
    return request.getfixturevalue(request.param)


def test_it_answers_404_for_every_step_of_a_file_of_another_region(client, outsider, file_a):
    today = timezone.localdate().isoformat()
    component = file_a.components.get()
    urls = [reverse(f"interventions:{step}", args=[file_a.uuid]) for step in STEPS]
    urls.append(reverse("interventions:mark_component", args=[file_a.uuid, component.uuid]))
    # Enough input that each form would be valid: only the access decision may stop it.
    data = {
        "contact-mode": "phone",
        "contact-date": today,
        "agreement-description": "x",
        "component-kind": "reflection",
        "restoration-kind": "apology_letter",
        "care_referral-kind": "youth_care",
        "care_report-receiving_body": "Veilig Thuis",
        "complete-outcome": "sufficient",
        "complete-end_date": today,
        "stop-reason": "other",
        "stop-end_date": today,
        "reopen-reason": "x",
        f"mark-{component.uuid}-status": "not_done",
    }
    client.force_login(outsider)
    before = _state()
    for url in urls:
        for headers in ({}, {"HX-Request": "true"}):
            response = client.post(url, data, headers=headers)
            assert response.status_code == 404, url
            assert "Noor" not in response.content.decode()
    assert _state() == before


def test_the_export_of_another_region_holds_none_of_its_files(client, team_lead_b, caseworker_b, file_a):
    file_b = make_intervention(status="new", professional=caseworker_b)
    client.force_login(team_lead_b)
    response = client.get(reverse("interventions:export"))
    rows = list(
        csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";")
    )
    assert [row[0] for row in rows[1:]] == [file_b.reference]
