"""Consent on the file: recording it, what it allows, withdrawing it (also on an ended file),
and a referral to care that needs it or a ground of the Meldcode (docs/process.md §4)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions import services
from kansrijk.interventions.consent import consent_in_effect
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.interventions.models import CareReferral, Consent
from kansrijk.interventions.tests.factories import make_intervention

HTMX = {"HX-Request": "true"}


def _file(caseworker, *, age=17, status="in_progress"):
    today = timezone.localdate()
    return make_intervention(
        status=status,
        professional=caseworker,
        birth_date=today.replace(year=today.year - age) - dt.timedelta(days=40),
        parents=[{"first_name": "Marieke", "last_name": "Bakker", "relation": "moeder"}],
    )


def _record(client, intervention, person, purpose=ConsentPurpose.CARE_REFERRAL, headers=None):
    return client.post(
        reverse("interventions:record_consent", args=[intervention.uuid]),
        {
            "consent-purpose": purpose,
            "consent-person": person,
            "consent-given_on": timezone.localdate().isoformat(),
        },
        headers=headers or {},
    )


def _refer(client, intervention, **extra):
    return client.post(
        reverse("interventions:record_care_referral", args=[intervention.uuid]),
        {"care_referral-kind": "youth_care", "care_referral-date": timezone.localdate().isoformat(), **extra},
    )


@pytest.mark.django_db
def test_it_records_consent_from_the_file_and_shows_it(client, caseworker_a):
    intervention = _file(caseworker_a, age=17)
    client.force_login(caseworker_a)

    response = _record(client, intervention, "young_person", headers=HTMX)

    assert response.status_code == 200
    assert "De toestemming is vastgelegd." in response.content.decode()
    assert consent_in_effect(intervention=intervention, purpose=ConsentPurpose.CARE_REFERRAL)
    page = client.get(reverse("interventions:detail", args=[intervention.uuid])).content.decode()
    assert "Doorverwijzing naar hulpverlening: <strong>gegeven</strong>" in page


@pytest.mark.django_db
def test_under_sixteen_the_file_says_a_parent_must_agree_too(client, caseworker_a):
    intervention = _file(caseworker_a, age=14)
    client.force_login(caseworker_a)
    _record(client, intervention, "young_person")
    page = client.get(reverse("interventions:detail", args=[intervention.uuid])).content.decode()
    assert "Doorverwijzing naar hulpverlening: niet gegeven" in page
    assert "Onder de 16 jaar" in page

    parent = intervention.referral.young_person.parents.get()
    _record(client, intervention, str(parent.uuid))

    page = client.get(reverse("interventions:detail", args=[intervention.uuid])).content.decode()
    assert "Doorverwijzing naar hulpverlening: <strong>gegeven</strong>" in page


@pytest.mark.django_db
def test_the_consent_form_shows_dutch_field_errors_and_stores_nothing(client, caseworker_a):
    intervention = _file(caseworker_a)
    client.force_login(caseworker_a)

    response = client.post(
        reverse("interventions:record_consent", args=[intervention.uuid]),
        {"consent-purpose": "", "consent-person": "someone-else", "consent-given_on": "gisteren"},
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert "Dit veld is verplicht." in text
    assert "Selecteer een geldige keuze." in text
    assert "Voer een geldige datum in." in text
    assert not Consent.objects.exists()


@pytest.mark.django_db
def test_a_referral_to_care_needs_consent_or_a_meldcode_ground(client, caseworker_a):
    intervention = _file(caseworker_a)
    client.force_login(caseworker_a)

    refused = _refer(client, intervention)
    assert "Er is geen toestemming om deze jongere door te verwijzen" in refused.content.decode()
    assert not CareReferral.objects.exists()

    _refer(client, intervention, **{"care_referral-meldcode_ground": "on"})
    assert CareReferral.objects.get().meldcode_ground is True

    _record(client, intervention, "young_person")
    _refer(client, intervention)
    assert CareReferral.objects.filter(meldcode_ground=False).count() == 1


@pytest.mark.django_db
def test_withdrawal_on_an_ended_file_takes_effect(client, caseworker_a):
    intervention = _file(caseworker_a)
    client.force_login(caseworker_a)
    _record(client, intervention, "young_person", purpose=ConsentPurpose.SHARE_WITH_REFERRER)
    services.intervention_complete(
        intervention=intervention, by=caseworker_a, outcome="sufficient", end_date=timezone.localdate()
    )
    consent = Consent.objects.get()

    response = client.post(
        reverse("interventions:withdraw_consent", args=[intervention.uuid, consent.uuid]),
        {f"withdraw-{consent.uuid}-withdrawn_on": timezone.localdate().isoformat()},
    )

    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_on == timezone.localdate()
    assert not consent_in_effect(intervention=intervention, purpose=ConsentPurpose.SHARE_WITH_REFERRER)
    page = client.get(reverse("interventions:detail", args=[intervention.uuid])).content.decode()
    assert "ingetrokken op" in page
    assert "Intrekking vastleggen" not in page


@pytest.mark.django_db
def test_a_withdrawal_with_a_bad_date_shows_the_error_and_changes_nothing(client, caseworker_a):
    intervention = _file(caseworker_a)
    client.force_login(caseworker_a)
    _record(client, intervention, "young_person")
    consent = Consent.objects.get()

    response = client.post(
        reverse("interventions:withdraw_consent", args=[intervention.uuid, consent.uuid]),
        {f"withdraw-{consent.uuid}-withdrawn_on": (consent.given_on - dt.timedelta(days=3)).isoformat()},
    )

    assert response.status_code == 200
    assert "Toestemming kan niet worden ingetrokken voordat die is gegeven." in response.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_on is None


@pytest.mark.django_db
def test_another_regions_professional_cannot_withdraw(client, caseworker_a, caseworker_b):
    intervention = _file(caseworker_a)
    client.force_login(caseworker_a)
    _record(client, intervention, "young_person")
    consent = Consent.objects.get()
    client.force_login(caseworker_b)

    response = client.post(
        reverse("interventions:withdraw_consent", args=[intervention.uuid, consent.uuid]),
        {f"withdraw-{consent.uuid}-withdrawn_on": timezone.localdate().isoformat()},
    )

    assert response.status_code == 404
    consent.refresh_from_db()
    assert consent.withdrawn_on is None
