"""Safe defaults: without DEBUG=true in the environment Kansrijk is production, and refuses to
start (manage.py, gunicorn's wsgi.py, the Celery worker and beat) without its own SECRET_KEY,
ALLOWED_HOSTS and an https SITE_URL."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PRODUCTION = {
    "SECRET_KEY": "x" * 20 + "production-like-secret-key-for-the-check-0123456789",
    "ALLOWED_HOSTS": "kansrijk.example.nl",
    "SITE_URL": "https://kansrijk.example.nl",
}
UNSAFE = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "SITE_URL", "DJANGO_SETTINGS_MODULE")


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {key: value for key, value in os.environ.items() if key not in UNSAFE}
    return subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        [sys.executable, *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_any_setting_the_checks_refuse_and_name_all_three():
    result = _run("manage.py", "check")

    assert result.returncode != 0
    for code, name in (("E010", "SECRET_KEY"), ("E011", "ALLOWED_HOSTS"), ("E012", "SITE_URL")):
        assert f"kansrijk.{code}" in result.stderr and name in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("missing", "code"),
    [("SECRET_KEY", "E010"), ("ALLOWED_HOSTS", "E011"), ("SITE_URL", "E012")],
)
def test_each_missing_setting_alone_stops_production(missing, code):
    env = {key: value for key, value in PRODUCTION.items() if key != missing}

    result = _run("manage.py", "check", **env)

    assert result.returncode != 0
    assert f"kansrijk.{code}" in result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("?: (kansrijk.E01")] == [
        line for line in result.stderr.splitlines() if f"kansrijk.{code}" in line
    ]


def test_an_http_site_url_is_refused_in_production():
    result = _run("manage.py", "check", **{**PRODUCTION, "SITE_URL": "http://127.0.0.1:8000"})

    assert result.returncode != 0
    assert "kansrijk.E012" in result.stderr


def test_production_with_its_settings_starts():
    result = _run("manage.py", "check", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "kansrijk.E01" not in result.stderr


def test_development_says_so_and_needs_nothing_else():
    result = _run("manage.py", "check", DEBUG="true")

    assert result.returncode == 0, result.stderr


def test_gunicorns_application_refuses_to_load_on_unsafe_settings():
    refused = _run("-c", "import kansrijk.wsgi")
    loaded = _run("-c", "import kansrijk.wsgi; print('loaded')", **PRODUCTION)

    assert refused.returncode != 0
    assert "kansrijk.E010" in refused.stderr and "ImproperlyConfigured" in refused.stderr
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "loaded"


def test_the_celery_worker_refuses_to_start_on_unsafe_settings():
    probe = (
        "import kansrijk.celery as c\n"
        "from celery.signals import worker_init\n"
        "worker_init.send(sender=None)\n"
        "print('started')\n"
    )
    refused = _run("-c", probe)
    started = _run("-c", probe, **PRODUCTION)

    assert refused.returncode != 0
    assert "Kansrijk will not start" in refused.stderr and "kansrijk.E011" in refused.stderr
    assert started.stdout.strip() == "started", started.stderr
