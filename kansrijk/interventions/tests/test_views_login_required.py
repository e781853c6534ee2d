"""Every page of the web app asks an anonymous visitor to log in first."""

import uuid

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.tests.helpers import totp_code
from kansrijk.interventions.models import Note
from kansrijk.interventions.tests.factories import make_intervention


@pytest.fixture
def intervention(caseworker_a, school_a):
    return make_intervention(status="new", professional=caseworker_a, school=school_a)


def _urls(intervention):
    return [
        reverse("work"),
        reverse("interventions:list"),
        reverse("interventions:list") + "?status=open",
        reverse("interventions:detail", args=[intervention.uuid]),
        reverse("interventions:detail", args=[uuid.uuid4()]),
    ]


def test_it_sends_anonymous_visitors_to_the_login_page(client, intervention):
    for url in _urls(intervention):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login") + "?next=")


def test_it_refuses_an_anonymous_note(client, intervention):
    response = client.post(reverse("interventions:add_note", args=[intervention.uuid]), {"text": "Hallo"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not Note.objects.exists()


def test_it_comes_back_to_the_page_asked_for_after_logging_in(client, intervention, caseworker_a):
    device = TOTPDevice.objects.create(user=caseworker_a, name="app", confirmed=True)
    detail = reverse("interventions:detail", args=[intervention.uuid])
    login_url = client.get(detail)["Location"]
    response = client.post(login_url, {"username": "anna", "password": "correct-horse-battery"})
    # Then the second step, which carries the page along.
    response = client.post(response["Location"], {"code": totp_code(device)})
    assert response.status_code == 302
    assert response["Location"] == detail
