"""Closed files are read-only: no forms at all, except for a team lead, who can reopen the
file with a reason; the reason goes into the timeline and the work can go on."""

import pytest
from django.urls import reverse

from kansrijk.interventions.tests.factories import make_intervention

HTMX = {"HX-Request": "true"}
ENGLISH = {"accept-language": "en"}


def _main(response):
    """The page's own content, without the header's language and logout forms."""
    return response.content.decode().split("<main")[1].split("</main>")[0]


@pytest.mark.parametrize("status", ["completed", "stopped", "not_started"])
def test_it_shows_a_closed_file_without_forms(client, caseworker_a, school_a, status):
    intervention = make_intervention(status=status, professional=caseworker_a, school=school_a)
    client.force_login(caseworker_a)

    response = client.get(reverse("interventions:detail", args=[intervention.uuid]), headers=ENGLISH)

    main = _main(response)
    assert "<form" not in main
    assert "<textarea" not in main and "<select" not in main
    assert "This file is closed: nothing more can be recorded. A team lead can reopen it." in main


@pytest.mark.parametrize("status", ["completed", "stopped", "not_started"])
def test_it_offers_a_team_lead_only_reopening(client, team_lead_a, caseworker_a, school_a, status):
    intervention = make_intervention(status=status, professional=caseworker_a, school=school_a)
    client.force_login(team_lead_a)

    response = client.get(reverse("interventions:detail", args=[intervention.uuid]))

    main = _main(response)
    assert main.count("<form") == 1
    assert f'action="{reverse("interventions:reopen", args=[intervention.uuid])}"' in main


@pytest.mark.parametrize(("status", "reopened_as"), [("completed", "in_progress"), ("not_started", "new")])
def test_a_team_lead_reopens_with_a_reason(client, team_lead_a, caseworker_a, school_a, status, reopened_as):
    intervention = make_intervention(status=status, professional=caseworker_a, school=school_a)
    client.force_login(team_lead_a)

    response = client.post(
        reverse("interventions:reopen", args=[intervention.uuid]),
        {"reopen-reason": "Moeder meldt nieuwe zorgen."},
        headers={**HTMX, **ENGLISH},
    )

    assert response.status_code == 200
    intervention.refresh_from_db()
    assert (intervention.status, intervention.end_date, intervention.outcome) == (reopened_as, None, "")
    last = intervention.history.last()
    assert last is not None
    assert (last.to_status, last.by, last.reason) == (reopened_as, team_lead_a, "Moeder meldt nieuwe zorgen.")
    text = response.content.decode()
    timeline = text.split('id="tijdlijn"')[1].split("</section>")[0]
    assert "Moeder meldt nieuwe zorgen." in timeline
    assert "This file is closed" not in text
    # The work can go on: the note form is back, and so are the steps of the status.
    assert reverse("interventions:add_note", args=[intervention.uuid]) in text
    assert reverse("interventions:record_parent_contact", args=[intervention.uuid]) in text


def test_it_asks_for_the_reason_to_reopen_in_dutch(client, team_lead_a, caseworker_a, school_a):
    intervention = make_intervention(status="stopped", professional=caseworker_a, school=school_a)
    client.force_login(team_lead_a)

    response = client.post(reverse("interventions:reopen", args=[intervention.uuid]), {"reopen-reason": "  "})

    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    intervention.refresh_from_db()
    assert intervention.status == "stopped"
