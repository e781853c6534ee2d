"""Schemathesis fuzzes the API with requests generated from its own OpenAPI schema:
no answer may be a server error, and every answer must match the schema.

Run by `.ci/run` as its own step (`pytest -m fuzz`); the normal suite leaves it out, because it
sends a few hundred requests. Requests go through Django's WSGI handler in this process, so they
see the test database: an organisation with a key, and a referral of its own and of another.
"""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from kansrijk.api import services
from kansrijk.interventions.tests.factories import make_referral
from kansrijk.wsgi import application

pytestmark = pytest.mark.fuzz

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    # Django closes the database connection when a request ends; the test client switches that
    # off, and so must we: the requests here run inside the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def key(organisation_a, organisation_b):
    cache.clear()  # the throttle counts per organisation; the fuzz run is many calls
    make_referral(organisation=organisation_a)
    make_referral(organisation=organisation_b)
    _token, key = services.api_token_create(organisation=organisation_a, name="fuzz", by=None)
    return key


@schema.parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_it_answers_every_generated_request_within_the_schema(case, key, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(
        SimpleRateThrottle, "THROTTLE_RATES", {"organisation": "100000/minute", "failed": "100000/minute"}
    )
    case.call_and_validate(headers={"Authorization": f"Bearer {key}"}, checks=CHECKS)


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_it_answers_requests_without_a_key_within_the_schema(db, case):
    cache.clear()
    case.call_and_validate(checks=CHECKS)
