"""Health checks for the load balancer: liveness touches nothing, readiness the database and
Redis; both over plain HTTP, without a cookie."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_liveness_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/gezondheid/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert not response.cookies


def test_readiness_answers_ok_when_the_database_answers(client):
    response = client.get("/gezondheid/gereed/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_readiness_fails_while_the_database_is_unreachable_and_recovers(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:
        patch.setattr(connection, "cursor", unreachable)
        down = client.get("/gezondheid/gereed/")
    up = client.get("/gezondheid/gereed/")

    assert down.status_code == 503
    assert down.json() == {"status": "unavailable", "checks": {"database": "unavailable"}}
    assert "refused" not in down.content.decode()
    assert up.status_code == 200


@pytest.mark.skipif("connection.vendor != 'postgresql'")
@pytest.mark.django_db(transaction=True)
def test_readiness_fails_on_a_postgresql_server_that_is_not_there_and_recovers(client):
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        down = client.get("/gezondheid/gereed/")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    up = client.get("/gezondheid/gereed/")

    assert down.status_code == 503
    assert up.status_code == 200


def test_readiness_checks_redis_when_it_is_configured(client, settings):
    cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    with override_settings(REDIS_URL="redis://127.0.0.1:1/0", CACHES={"default": cache}):
        response = client.get("/gezondheid/gereed/")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}


def test_health_is_served_over_plain_http_when_everything_else_redirects(client, settings):
    settings.SECURE_SSL_REDIRECT = True

    assert client.get("/gezondheid/").status_code == 200
    assert client.get("/gezondheid/gereed/").status_code == 200
    assert client.get("/inloggen/").status_code == 301


def test_the_deployment_check_refuses_production_without_a_broker_and_warns_without_redis(settings):
    from django.core.checks import run_checks

    settings.CELERY_BROKER_URL, settings.REDIS_URL = "", ""
    missing = {problem.id for problem in run_checks(include_deployment_checks=True)}
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.REDIS_URL = "redis://127.0.0.1:6379/1"
    present = {problem.id for problem in run_checks(include_deployment_checks=True)}

    assert {"kansrijk.E001", "kansrijk.W001"} <= missing
    assert not {"kansrijk.E001", "kansrijk.W001"} & present
