"""Adding a note to the file: inline with HTMX, and as a plain form without JavaScript."""

import pytest
from django.urls import reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.models import Note
from kansrijk.interventions.tests.factories import make_intervention

HTMX = {"HX-Request": "true"}
ENGLISH = {"accept-language": "en"}


@pytest.fixture
def open_file(caseworker_a, school_a):
    return make_intervention(status="in_progress", professional=caseworker_a, school=school_a)


def _post(client, user, intervention, text, headers=None):
    client.force_login(user)
    return client.post(
        reverse("interventions:add_note", args=[intervention.uuid]), {"text": text}, headers=headers or {}
    )


def test_it_offers_the_note_form_on_an_open_file(client, caseworker_a, open_file):
    client.force_login(caseworker_a)
    text = client.get(reverse("interventions:detail", args=[open_file.uuid])).content.decode()
    url = reverse("interventions:add_note", args=[open_file.uuid])
    assert f'hx-post="{url}"' in text
    assert f'action="{url}"' in text


def test_it_adds_a_note_and_answers_htmx_with_the_new_timeline(client, caseworker_a, open_file):
    response = _post(
        client, caseworker_a, open_file, "  Vader gebeld, komt donderdag.  ", headers={**HTMX, **ENGLISH}
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert "<html" not in text
    assert text.lstrip().startswith('<section class="section" id="tijdlijn"')
    assert "Vader gebeld, komt donderdag." in text
    assert "The note has been added." in text
    note = Note.objects.get(intervention=open_file)
    assert (note.text, note.recorded_by) == ("Vader gebeld, komt donderdag.", caseworker_a)
    assert AuditEvent.objects.filter(event="intervention_note_recorded", actor=caseworker_a).count() == 1


def test_it_adds_a_note_without_javascript_and_returns_to_the_file(client, caseworker_a2, open_file):
    response = _post(client, caseworker_a2, open_file, "Collega neemt het over tijdens verlof.")

    assert response.status_code == 302
    assert response["Location"] == reverse("interventions:detail", args=[open_file.uuid])
    page = client.get(response["Location"]).content.decode()
    assert "Collega neemt het over tijdens verlof." in page


def test_it_shows_a_dutch_field_error_for_an_empty_note(client, caseworker_a, open_file):
    for headers in (HTMX, {}):
        response = _post(client, caseworker_a, open_file, "   ", headers=headers)
        assert response.status_code == 200
        text = response.content.decode()
        assert "Dit veld is verplicht." in text
        assert 'aria-invalid="true"' in text
    assert not Note.objects.exists()


def test_it_does_not_offer_the_form_on_a_closed_file(client, caseworker_a, school_a):
    closed = make_intervention(status="stopped", professional=caseworker_a, school=school_a)
    client.force_login(caseworker_a)
    text = client.get(reverse("interventions:detail", args=[closed.uuid])).content.decode()
    assert reverse("interventions:add_note", args=[closed.uuid]) not in text
    assert "<textarea" not in text


def test_it_shows_the_domain_error_when_a_note_is_forced_onto_a_closed_file(client, caseworker_a, school_a):
    closed = make_intervention(status="completed", professional=caseworker_a, school=school_a)
    for headers in (HTMX, {}):
        response = _post(client, caseworker_a, closed, "Toch nog iets.", headers={**headers, **ENGLISH})
        assert response.status_code == 200
        assert "This intervention has ended and can no longer be changed." in response.content.decode()
    assert not Note.objects.exists()
