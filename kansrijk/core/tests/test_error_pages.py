"""Error pages are Dutch, plain, and reveal nothing about what exists."""

import os
import subprocess
import sys
from pathlib import Path

import pytest


def test_it_answers_an_unknown_address_with_a_dutch_404_page(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    text = response.content.decode()
    assert "Pagina niet gevonden" in text
    assert "Traceback" not in text


@pytest.mark.urls("kansrijk.core.tests.urls_failing")
def test_it_renders_a_dutch_500_page_without_details(client, db):
    client.raise_request_exception = False
    response = client.get("/stuk/")
    assert response.status_code == 500
    text = response.content.decode()
    assert "Er is iets misgegaan" in text
    assert "Traceback" not in text
    assert "Sem de Vries" not in text


def test_it_passes_the_deployment_checks_with_production_settings():
    root = Path(__file__).resolve().parents[3]
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "production-like-secret-key-for-the-check-0123456789",
        "ALLOWED_HOSTS": "kansrijk.example.nl",
        "SITE_URL": "https://kansrijk.example.nl",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
