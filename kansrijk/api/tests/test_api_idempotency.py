"""`Idempotency-Key` on the API's POST (docs/api.md): a retry with the same key and body is
answered with the first answer and stores nothing new; the same key with another body is 422."""

import datetime as dt
import json
import threading

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kansrijk.api import services
from kansrijk.core.models import Submission
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral
from kansrijk.referrals.tests.portal import api_payload

KEY = "6f1c3c1e-4a0b-4f5e-9d1a-0c2b7e0f5a11"


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def key(organisation_a):
    _token, key = services.api_token_create(organisation=organisation_a, name="Leerlingvolgsysteem", by=None)
    return key


def _post(client, key, payload, idempotency_key=None, *, body=None):
    headers = {"Idempotency-Key": idempotency_key} if idempotency_key is not None else {}
    return client.post(
        reverse("api:referrals"),
        body if body is not None else payload,
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}", **headers},
    )


def test_it_answers_a_repeat_with_the_first_answer_and_stores_one_referral(client, key):
    first = _post(client, key, api_payload(), KEY)
    again = _post(client, key, api_payload(), KEY)

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert not first.has_header("Idempotent-Replayed")
    referral = Referral.objects.get()
    assert first.json()["uuid"] == str(referral.uuid)
    assert YoungPerson.objects.count() == 1


def test_the_same_request_is_recognised_whatever_its_spacing_and_field_order(client, key):
    payload = api_payload()
    _post(client, key, payload, KEY)
    reordered = json.dumps(dict(reversed(list(payload.items()))), indent=4)

    again = _post(client, key, None, KEY, body=reordered)

    assert again.status_code == 201
    assert Referral.objects.count() == 1


def test_it_refuses_the_same_key_with_another_body_and_stores_nothing(client, key):
    _post(client, key, api_payload(), KEY)

    other = _post(client, key, api_payload(description="Een ander voorval."), KEY)

    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    assert Referral.objects.count() == 1


def test_a_refused_request_keeps_nothing_and_its_key_can_be_used_again(client, key):
    refused = _post(client, key, api_payload(reasons=[]), KEY)
    assert refused.status_code == 400
    assert not Submission.objects.exists()

    corrected = _post(client, key, api_payload(), KEY)

    assert corrected.status_code == 201
    assert Referral.objects.count() == 1


def test_keys_count_per_api_key(client, key, organisation_a):
    _token, other_key = services.api_token_create(organisation=organisation_a, name="Tweede systeem", by=None)

    _post(client, key, api_payload(), KEY)
    second = _post(client, other_key, api_payload(), KEY)

    assert second.status_code == 201
    assert not second.has_header("Idempotent-Replayed")
    assert Referral.objects.count() == 2


def test_a_key_expires_after_24_hours(client, key):
    _post(client, key, api_payload(), KEY)

    with time_machine.travel(timezone.now() + dt.timedelta(hours=24, minutes=1)):
        later = _post(client, key, api_payload(), KEY)

    assert later.status_code == 201
    assert not later.has_header("Idempotent-Replayed")
    assert Referral.objects.count() == 2
    assert Submission.objects.count() == 1  # the expired key made room for the new one


def test_without_a_key_every_post_is_a_new_referral(client, key):
    _post(client, key, api_payload())
    _post(client, key, api_payload())

    assert Referral.objects.count() == 2
    assert not Submission.objects.exists()


@pytest.mark.parametrize("bad", ["", "x" * 256, "sleutel-é"])
def test_it_refuses_a_malformed_key(client, key, bad):
    response = _post(client, key, api_payload(), bad)

    assert response.status_code == 400
    assert response.json()["code"] == "idempotency_key_invalid"
    assert not Referral.objects.exists()


def test_the_schema_documents_the_header_and_the_422(client):
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()

    post = schema["paths"]["/api/v1/referrals/"]["post"]
    [header] = [parameter for parameter in post["parameters"] if parameter["in"] == "header"]
    assert header["name"] == "Idempotency-Key" and not header.get("required", False)
    assert "422" in post["responses"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent transactions need PostgreSQL")
def test_two_posts_with_one_key_at_once_store_one_referral(transactional_db, key):
    answers: list[tuple[int, dict]] = []
    start = threading.Barrier(2)

    def post():
        try:
            start.wait(timeout=5)
            response = _post(Client(), key, api_payload(), KEY)
            answers.append((response.status_code, response.json()))
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert [status for status, _body in answers] == [201, 201]
    assert answers[0][1] == answers[1][1]
    assert Referral.objects.count() == 1
