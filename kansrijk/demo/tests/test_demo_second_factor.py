"""Every demo account logs in with the shared password and a code for the shared demo key."""

from base64 import b32decode
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from kansrijk.accounts.tests.helpers import totp_code
from kansrijk.demo.totp import DEMO_TOTP_SECRET, demo_otpauth_uri, demo_totp_secret_grouped

STAFF = ["teamlead", "medewerker", "medewerker2", "relatiemanager", "privacy", "beheerder"]


def _log_in(browser, username):
    return browser.post(reverse("login"), {"username": username, "password": "kansrijk-demo"})


@pytest.mark.parametrize("username", STAFF)
def test_it_logs_a_demo_user_in_with_the_password_and_the_current_code(demo, username):
    browser = Client()  # a plain client: the suite's `client` would skip the second step
    second_step = _log_in(browser, username)
    assert second_step["Location"].startswith(reverse("accounts:second_factor"))

    # What an authenticator app shows for the key printed by `make demo` and in the README.
    code = totp_code(b32decode(DEMO_TOTP_SECRET).hex())
    response = browser.post(second_step["Location"], {"code": code}, follow=True)

    assert response.status_code == 200
    assert response.context["user"].username == username
    assert not response.redirect_chain[-1][0].startswith(reverse("login"))


def test_the_demo_administrator_reaches_the_admin_after_both_steps(demo):
    browser = Client()
    second_step = _log_in(browser, "beheerder")
    browser.post(second_step["Location"], {"code": totp_code(b32decode(DEMO_TOTP_SECRET).hex())})

    assert browser.get(reverse("admin:index")).status_code == 200


def test_the_demo_referrer_needs_only_the_password(demo):
    browser = Client()

    response = _log_in(browser, "verwijzer")

    assert response["Location"] == reverse("home")
    assert browser.get(reverse("home"))["Location"] == reverse("portal:referrals")
    assert browser.get(reverse("portal:referrals")).status_code == 200


def test_the_readme_shows_the_key_the_demo_uses():
    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")

    assert demo_otpauth_uri() in readme
    assert demo_totp_secret_grouped() in readme
