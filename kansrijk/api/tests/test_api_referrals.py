"""The API for partner systems: an organisation's key submits referrals and reads their status,
with the form's rules and Dutch field messages (400), and nothing of other organisations (404)."""

import hashlib

import pytest
from django.core.cache import cache
from django.urls import reverse
from rest_framework.throttling import SimpleRateThrottle

from kansrijk.api import services
from kansrijk.api.models import ApiToken
from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.tests.factories import database_state, make_referral
from kansrijk.referrals.models import Referral
from kansrijk.referrals.tests.portal import api_payload, birth_date_for


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


PLAIN_TEXT = "Gebruik gewone tekst op één regel, zonder regeleinden of stuurtekens."


@pytest.fixture
def key(organisation_a):
    _token, key = services.api_token_create(organisation=organisation_a, name="Leerlingvolgsysteem", by=None)
    return key


def _post(client, key, payload, **headers):
    return client.post(
        reverse("api:referrals"),
        payload,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
        **headers,
    )


def _state():
    state = database_state()
    del state["api.ApiToken"]  # last_used_at
    return state


def test_it_creates_a_referral_and_answers_with_its_status(client, key, organisation_a):
    response = _post(client, key, api_payload())

    referral = Referral.objects.get()
    assert response.status_code == 201
    assert response.json() == {
        "uuid": str(referral.uuid),
        "reference": referral.reference,
        "referral_date": referral.referral_date.isoformat(),
        "status": "submitted",
        "status_label": "Ingediend",
        "rejection_reason": None,
        "outcome": None,
        "decided_on": None,
    }
    assert referral.organisation == organisation_a
    assert referral.referred_by is None
    assert [r.code for r in referral.reasons.all()] == ["physical_aggression", "bullying"]
    received = AuditEvent.objects.get(event="referral_received_by_api")
    assert received.subject_id == str(referral.uuid)
    assert received.new == {"api_token": str(ApiToken.objects.get().uuid)}


@pytest.mark.parametrize(
    ("changes", "errors"),
    [
        pytest.param(
            {
                "young_person": {
                    "first_name": "Daan",
                    "last_name": "Verbeek",
                    "birth_date": birth_date_for(9).isoformat(),
                }
            },
            {
                "young_person": {
                    "birth_date": [
                        "De jongere was 9 jaar op de datum van het voorval. Halt werkt met jongeren "
                        "van 10 tot en met 23 jaar."
                    ]
                }
            },
            id="too-young",
        ),
        pytest.param(
            {"reasons": []},
            {"reasons": ["Kies ten minste één reden; de belangrijkste reden eerst."]},
            id="no-reason",
        ),
        pytest.param(
            {"reasons": ["stealing"]},
            {"reasons": {"0": ['"stealing" is een ongeldige keuze.']}},
            id="unknown-reason",
        ),
        pytest.param(
            {"parents": []},
            {
                "parents": [
                    "De jongere is jonger dan 18: geef een telefoonnummer of e-mailadres van ten "
                    "minste één ouder of verzorger."
                ]
            },
            id="under-18-parents-unreachable",
        ),
        pytest.param(
            {"incident_date": "2999-01-01"},
            {"incident_date": ["De datum van het voorval kan niet in de toekomst liggen."]},
            id="future",
        ),
        pytest.param(
            {"youth_informed": None},
            {"youth_informed": ["Geef aan of de jongere van de aanmelding weet."]},
            id="youth-informed-null",
        ),
        pytest.param(
            {"description": ""}, {"description": ["Beschrijf wat er is gebeurd."]}, id="no-description"
        ),
        pytest.param(
            {
                "parents": [
                    {
                        "first_name": "Marieke\n\nLog in op https://evil.example/halt",
                        "phone": "06-12345678",
                    }
                ]
            },
            {"parents": {"0": {"first_name": [PLAIN_TEXT]}}},
            id="parent-name-with-line-breaks-and-a-link",
        ),
        pytest.param(
            {
                "young_person": {
                    "first_name": "Daan",
                    "last_name": "Verbeek\u202e",
                    "birth_date": birth_date_for(14).isoformat(),
                    "school_class": "2B\t",
                }
            },
            {"young_person": {"last_name": [PLAIN_TEXT]}},
            id="young-person-name-with-a-control-character",
        ),
        pytest.param(
            {"other_care_involved": True, "other_care_description": "Wijkteam\u2028Jeugdzorg"},
            {"other_care_description": [PLAIN_TEXT]},
            id="other-care-on-two-lines",
        ),
    ],
)
def test_it_refuses_bad_input_with_dutch_field_messages_and_stores_nothing(client, key, changes, errors):
    before = _state()

    response = _post(client, key, api_payload(**changes))

    assert response.status_code == 400
    assert response.json() == errors
    assert _state() == before


def test_a_missing_field_has_the_forms_message(client, key):
    payload = api_payload()
    del payload["parents_informed"]
    response = _post(client, key, payload)
    assert response.status_code == 400
    assert response.json() == {"parents_informed": ["Geef aan of de ouders van de aanmelding weten."]}


def test_messages_are_english_when_asked_for(client, key):
    response = _post(client, key, api_payload(reasons=[]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.json() == {"reasons": ["Choose at least one reason; the main reason first."]}


def test_a_malformed_body_is_a_400(client, key):
    response = client.post(
        reverse("api:referrals"),
        "{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code == 400


def test_it_lists_and_reads_the_own_referrals_status(client, key, organisation_a, organisation_b):
    own = make_referral(organisation=organisation_a, status="rejected", rejection_reason="no_agreement")
    other = make_referral(organisation=organisation_b)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    listed = client.get(reverse("api:referrals"), **headers).json()
    one = client.get(reverse("api:referral", args=[own.uuid]), **headers).json()

    assert listed["count"] == 1
    assert listed["results"] == [one]
    assert one["status"] == "rejected"
    assert one["rejection_reason"] == "no_agreement"
    assert one["decided_on"] is not None
    assert client.get(reverse("api:referral", args=[other.uuid]), **headers).status_code == 404


@pytest.mark.parametrize("header", [None, "Bearer kr_wrong", "Bearer", "Basic dXNlcjpwYXNz"])
def test_it_refuses_calls_without_a_valid_key(client, key, header):
    before = _state()
    headers = {"HTTP_AUTHORIZATION": header} if header else {}

    listed = client.get(reverse("api:referrals"), **headers)
    posted = client.post(reverse("api:referrals"), api_payload(), content_type="application/json", **headers)

    assert listed.status_code == 401
    assert posted.status_code == 401
    assert _state() == before


def test_a_revoked_key_opens_nothing(client, key):
    token = ApiToken.objects.get()
    services.api_token_revoke(token=token, by=None)

    assert client.get(reverse("api:referrals"), HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_only_a_hash_of_the_key_is_stored(key):
    token = ApiToken.objects.get()
    assert token.token_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in str(list(ApiToken.objects.values()))
    assert key.startswith(token.prefix)


def test_a_halt_login_does_not_open_the_api(client, team_lead_a):
    client.force_login(team_lead_a)
    assert client.get(reverse("api:referrals")).status_code == 401


def test_calls_are_throttled_per_organisation(client, key, organisation_a, monkeypatch):
    # DRF reads the rates into the class when it is imported; patch them where it reads them.
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"organisation": "3/minute", "failed": "100/minute"}
    )
    _token, second_key = services.api_token_create(organisation=organisation_a, name="Tweede", by=None)

    answers = [
        client.get(reverse("api:referrals"), HTTP_AUTHORIZATION=f"Bearer {k}").status_code
        for k in (key, key, second_key, key)
    ]

    assert answers == [200, 200, 200, 429]


def test_the_schema_and_its_docs_are_served_without_outside_or_inline_code(client, db):
    schema = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    docs = client.get(reverse("api:docs"))

    assert schema.status_code == 200
    assert "/api/v1/referrals/" in schema.json()["paths"]
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "<script>" not in page and "<style>" not in page
    assert "cdn" not in page.lower() and "https://" not in page
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page


def test_a_deeply_nested_body_is_a_400_in_json_and_stores_nothing(client, key):
    before = _state()

    response = client.post(
        reverse("api:referrals"),
        "[" * 5000 + "]" * 5000,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()
    assert _state() == before


def test_calls_without_a_valid_key_are_throttled_per_address(client, key, monkeypatch):
    """Guessing keys is limited: after the failed calls allowed, the address gets 429, even
    with the right key, while another address still gets in."""
    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"organisation": "100/minute", "failed": "3/minute"}
    )

    wrong = [
        client.get(reverse("api:referrals"), HTTP_AUTHORIZATION=f"Bearer kr_guess{n}").status_code
        for n in range(3)
    ]
    unauthenticated = client.get(reverse("api:referrals")).status_code
    with_the_key = client.get(reverse("api:referrals"), HTTP_AUTHORIZATION=f"Bearer {key}").status_code
    elsewhere = client.get(
        reverse("api:referrals"), HTTP_AUTHORIZATION=f"Bearer {key}", REMOTE_ADDR="192.0.2.7"
    ).status_code

    assert wrong == [401, 401, 401]
    assert unauthenticated == 429
    assert with_the_key == 429
    assert elsewhere == 200
