"""Every answer that shows the file writes one `intervention_viewed` row, whichever view answers
and however the step went; a step that went through writes its own row besides (issue 14).

The rows are written where the file is built (`selectors.intervention_file`); every address of
the project is checked in kansrijk/core/tests/test_case_pages_audited.py.
"""

import pytest
from django.urls import reverse

from kansrijk.interventions.tests.factories import audit_mark, audit_rows_since, make_intervention

HTMX = {"HX-Request": "true"}


@pytest.fixture
def open_file(caseworker_a, school_a):
    return make_intervention(
        status="in_progress",
        professional=caseworker_a,
        school=school_a,
        young_person_data={"first_name": "Noor", "last_name": "Bakker"},
    )


def _note(client, intervention, text, headers=None):
    return client.post(
        reverse("interventions:add_note", args=[intervention.uuid]), {"text": text}, headers=headers or {}
    )


def test_the_page_of_the_file_writes_exactly_one_row(client, caseworker_a, open_file):
    client.force_login(caseworker_a)
    mark = audit_mark()

    response = client.get(reverse("interventions:detail", args=[open_file.uuid]))

    assert "Noor Bakker" in response.content.decode()
    assert audit_rows_since(mark) == [("intervention_viewed", str(open_file.uuid))]


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_note_refused_for_its_empty_text_shows_the_file_and_writes_one_row(
    client, caseworker_a, open_file, headers
):
    client.force_login(caseworker_a)
    mark = audit_mark()

    response = _note(client, open_file, "", headers)

    assert response.status_code == 200
    assert "Noor" in response.content.decode()
    assert audit_rows_since(mark) == [("intervention_viewed", str(open_file.uuid))]


@pytest.mark.parametrize("step", ["record_agreement", "assign"])
def test_an_empty_step_shows_the_file_and_writes_one_row(client, team_lead_a, open_file, step):
    client.force_login(team_lead_a)
    mark = audit_mark()

    response = client.post(reverse(f"interventions:{step}", args=[open_file.uuid]), {})

    assert response.status_code == 200
    assert "Noor" in response.content.decode()
    rows = audit_rows_since(mark)
    assert rows == [("intervention_viewed", str(open_file.uuid))]


def test_a_note_added_with_htmx_writes_the_note_and_the_look_at_the_updated_file(
    client, caseworker_a, open_file
):
    client.force_login(caseworker_a)
    mark = audit_mark()

    response = _note(client, open_file, "Vader gebeld.", HTMX)

    assert response.status_code == 200
    assert audit_rows_since(mark) == [
        ("intervention_note_recorded", str(open_file.uuid)),
        ("intervention_viewed", str(open_file.uuid)),
    ]


def test_a_note_added_without_javascript_writes_the_note_and_the_file_page_its_look(
    client, caseworker_a, open_file
):
    client.force_login(caseworker_a)
    mark = audit_mark()

    response = _note(client, open_file, "Vader gebeld.")
    assert response.status_code == 302
    assert audit_rows_since(mark) == [("intervention_note_recorded", str(open_file.uuid))]

    client.get(response["Location"])
    assert audit_rows_since(mark)[1:] == [("intervention_viewed", str(open_file.uuid))]
