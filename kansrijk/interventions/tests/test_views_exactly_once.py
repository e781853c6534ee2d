"""Every form on the file happens once, however often it is posted (core/once.py): a repeat with
the same one-time token stores nothing and goes where the first went, saying so."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from kansrijk.core.models import Submission
from kansrijk.core.tests.once import form_token, with_token
from kansrijk.interventions.models import (
    Agreement,
    CareReferral,
    CareReport,
    Component,
    Consent,
    Conversation,
    InterventionStatusChange,
    Note,
    ParentContact,
    RestorationAction,
)
from kansrijk.interventions.tests.factories import make_intervention

HTMX = {"HX-Request": "true"}
DUTCH = {"accept-language": "nl"}
ALREADY_SAVED = "Dit was al opgeslagen."


@pytest.fixture
def open_file(caseworker_a, school_a):
    return make_intervention(status="in_progress", professional=caseworker_a, school=school_a)


def _today() -> str:
    return timezone.localdate().isoformat()


# Each step that creates a record: valid input, and the record's model.
CREATES = {
    "record_parent_contact": (lambda: {"contact-mode": "phone", "contact-date": _today()}, ParentContact),
    "record_conversation": (
        lambda: {"conversation-kind": "follow_up", "conversation-date": _today()},
        Conversation,
    ),
    "record_agreement": (lambda: {"agreement-description": "Een excuusbrief schrijven."}, Agreement),
    "plan_component": (lambda: {"component-kind": "reflection"}, Component),
    "record_restoration": (lambda: {"restoration-kind": "apology_letter"}, RestorationAction),
    "record_consent": (
        lambda: {
            "consent-purpose": "care_referral",
            "consent-person": "young_person",
            "consent-given_on": _today(),
        },
        Consent,
    ),
    "record_care_referral": (
        lambda: {"care_referral-kind": "youth_care", "care_referral-meldcode_ground": "on"},
        CareReferral,
    ),
    "record_care_report": (lambda: {"care_report-receiving_body": "Veilig Thuis"}, CareReport),
}


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_double_clicked_note_is_stored_once(client, caseworker_a, open_file):
    client.force_login(caseworker_a)
    file_url = reverse("interventions:detail", args=[open_file.uuid])
    url = reverse("interventions:add_note", args=[open_file.uuid])
    page = client.get(file_url).content.decode()
    data = {"text": "Moeder gebeld.", "submission_token": form_token(page, url)}

    first = client.post(url, data, headers=DUTCH)
    again = client.post(url, data, headers=DUTCH)

    assert Note.objects.filter(intervention=open_file).count() == 1
    assert (first.status_code, first["Location"]) == (302, file_url)
    assert (again.status_code, again["Location"]) == (302, file_url)
    assert ALREADY_SAVED in _messages(again)


def test_a_repeat_with_htmx_sends_the_browser_to_the_file(client, caseworker_a, open_file):
    client.force_login(caseworker_a)
    file_url = reverse("interventions:detail", args=[open_file.uuid])
    url = reverse("interventions:add_note", args=[open_file.uuid])
    data = with_token({"text": "Moeder gebeld."})
    headers = {**HTMX, "HX-Current-URL": f"http://testserver{file_url}"}

    first = client.post(url, data, headers=headers)
    again = client.post(url, data, headers=headers)

    assert first.status_code == 200
    assert "Moeder gebeld." in first.content.decode()
    # HTMX would put a followed redirect's page in the timeline's place; the browser goes itself.
    assert (again.status_code, again["HX-Redirect"]) == (200, file_url)
    assert Note.objects.filter(intervention=open_file).count() == 1
    assert ALREADY_SAVED in client.get(file_url).content.decode()


@pytest.mark.parametrize("step", CREATES)
def test_every_step_that_creates_a_record_does_so_once(client, caseworker_a, open_file, step):
    data, model = CREATES[step]
    client.force_login(caseworker_a)
    url = reverse(f"interventions:{step}", args=[open_file.uuid])
    page = client.get(reverse("interventions:detail", args=[open_file.uuid])).content.decode()
    posted = {**data(), "submission_token": form_token(page, url)}
    before = model._default_manager.count()

    for _ in range(3):
        response = client.post(url, posted)
        assert response.status_code == 302

    assert model._default_manager.count() == before + 1


def test_a_repeated_status_step_writes_one_history_row(client, caseworker_a, school_a):
    intervention = make_intervention(status="new", professional=caseworker_a, school=school_a)
    client.force_login(caseworker_a)
    url = reverse("interventions:plan_intake", args=[intervention.uuid])
    day = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    data = with_token({"intake_plan-date": day, "intake_plan-time": "10:00", "intake_plan-version": 1})

    client.post(url, data)
    again = client.post(url, data, headers=DUTCH)

    # The repeat is not refused as stale (the first moved the version on): it is the same POST.
    assert ALREADY_SAVED in _messages(again)
    planned = InterventionStatusChange.objects.filter(intervention=intervention, to_status="intake_planned")
    assert planned.count() == 1


def test_a_refused_post_keeps_no_token_and_can_be_sent_again_corrected(client, caseworker_a, open_file):
    client.force_login(caseworker_a)
    url = reverse("interventions:add_note", args=[open_file.uuid])
    token = with_token({})["submission_token"]

    refused = client.post(url, {"text": "   ", "submission_token": token})
    assert refused.status_code == 200
    assert not Submission.objects.exists()
    corrected = client.post(url, {"text": "Toch iets te melden.", "submission_token": token})

    assert corrected.status_code == 302
    assert Note.objects.filter(intervention=open_file).count() == 1


def test_every_rendering_of_a_form_has_a_token_of_its_own(client, caseworker_a, open_file):
    client.force_login(caseworker_a)
    file_url = reverse("interventions:detail", args=[open_file.uuid])
    url = reverse("interventions:add_note", args=[open_file.uuid])

    tokens = {form_token(client.get(file_url).content.decode(), url) for _ in range(2)}
    # After an HTMX note the timeline, with its form, is rendered anew: the next note is new too.
    answer = client.post(url, with_token({"text": "Eerste."}), headers=HTMX).content.decode()
    tokens.add(form_token(answer, url))

    assert len(tokens) == 3


def test_a_token_is_the_users_own(client, caseworker_a, caseworker_a2, open_file):
    url = reverse("interventions:add_note", args=[open_file.uuid])
    data = with_token({"text": "Zelfde token, andere collega."})
    client.force_login(caseworker_a)
    client.post(url, data)
    client.force_login(caseworker_a2)

    client.post(url, data)

    assert Note.objects.filter(intervention=open_file).count() == 2


def test_a_post_without_a_token_is_processed_as_before(client, caseworker_a, open_file):
    client.force_login(caseworker_a)
    url = reverse("interventions:add_note", args=[open_file.uuid])

    client.post(url, {"text": "Zonder token."})
    client.post(url, {"text": "Zonder token."})

    assert Note.objects.filter(intervention=open_file).count() == 2
    assert not Submission.objects.exists()
