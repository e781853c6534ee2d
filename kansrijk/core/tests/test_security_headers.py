"""Every answer carries a strict Content-Security-Policy and the other protective headers;
production (DEBUG false) adds HSTS, HTTPS-only cookies and the redirect to HTTPS."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from kansrijk.interventions.tests.factories import make_intervention


def _policy(response) -> dict[str, list[str]]:
    directives = [part.strip().split() for part in response["Content-Security-Policy"].split(";")]
    return {name: sources for name, *sources in directives}


@pytest.fixture
def pages(client, team_lead_a, school_a, admin_user):
    intervention = make_intervention(status="in_progress", professional=team_lead_a, school=school_a)
    answers = {"login": client.get(reverse("login")), "not found": client.get("/bestaat-niet/")}
    client.force_login(team_lead_a)
    answers["work"] = client.get(reverse("work"))
    answers["file"] = client.get(reverse("interventions:detail", args=[intervention.uuid]))
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)
    answers["admin"] = client.get(reverse("admin:index"))
    return answers


def test_it_sends_a_strict_content_security_policy_everywhere(pages):
    for name, response in pages.items():
        policy = _policy(response)
        assert policy["default-src"] == ["'self'"], name
        assert policy["script-src"] == ["'self'"], name
        assert policy["style-src"] == ["'self'"], name
        assert policy["object-src"] == ["'none'"], name
        assert policy["base-uri"] == ["'none'"], name
        assert policy["frame-ancestors"] == ["'none'"], name
        assert policy["form-action"] == ["'self'"], name
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], name
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], name


def test_it_forbids_framing_sniffing_and_leaking_the_address(pages):
    for name, response in pages.items():
        assert response["X-Frame-Options"] == "DENY", name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Referrer-Policy"] == "same-origin", name


def test_it_shows_the_qr_code_without_loosening_the_policy(caseworker_a):
    browser = Client()  # a plain client: after the password, before the second factor
    browser.post(reverse("login"), {"username": "anna", "password": "correct-horse-battery"})

    response = browser.get(reverse("accounts:second_factor_setup"))

    text = response.content.decode()
    assert "<svg" in text  # inline markup, not an image from elsewhere or a data: URI
    assert "data:" not in text
    assert _policy(response)["img-src"] == ["'self'"]


# Production settings are read once, at start-up, from the environment: a fresh process is the
# only honest way to see them. After collectstatic, as on every deploy, it answers a few requests
# with the test client and prints them.
PRODUCTION_PROBE = """
import json, re
from django.test import Client
host = {"HTTP_HOST": "kansrijk.example.nl"}
plain = Client().get("/inloggen/", **host)
secure = Client().get("/inloggen/", secure=True, **host)
stylesheet = re.search(r'href="(/static/[^"]+[.]css)"', secure.content.decode()).group(1)
css = Client().get(stylesheet, secure=True, HTTP_ACCEPT_ENCODING="gzip", **host)
print("PROBE " + json.dumps({
    "plain": [plain.status_code, plain.get("Location", "")],
    "headers": dict(secure.headers),
    "cookies": {name: {"secure": bool(c["secure"])} for name, c in secure.cookies.items()},
    "stylesheet": stylesheet,
    "css": [css.status_code, css.get("Content-Type", ""), css.get("Cache-Control", ""),
            css.get("Content-Encoding", "")],
}))
"""


def test_it_adds_hsts_https_and_secure_cookies_in_production(tmp_path):
    root = Path(__file__).resolve().parents[3]
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "production-like-secret-key-for-the-check-0123456789",
        "ALLOWED_HOSTS": "kansrijk.example.nl",
        "SITE_URL": "https://kansrijk.example.nl",
        # An empty database: showing the login page must not need one.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    _manage(root, env, "collectstatic", "--noinput", "-v0")
    result = _manage(root, env, "shell", "-c", PRODUCTION_PROBE)
    probe = json.loads(next(line[6:] for line in result.stdout.splitlines() if line.startswith("PROBE ")))

    assert probe["plain"] == [301, "https://kansrijk.example.nl/inloggen/"]
    # The stylesheet by its hashed name, compressed, cached for a year (WhiteNoise).
    assert re.fullmatch(r"/static/\S+\.[0-9a-f]{12}\.css", probe["stylesheet"])
    status, content_type, cache_control, encoding = probe["css"]
    assert (status, content_type.split(";")[0], encoding) == (200, "text/css", "gzip")
    assert "max-age=315360000" in cache_control and "immutable" in cache_control
    headers = probe["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert probe["cookies"]["csrftoken"]["secure"]


def _manage(root: Path, env: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    """Run a manage.py command in a fresh process (our own interpreter, our own fixed command)."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *arguments],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result
