"""Staff with a linked app log in with their password and then the code the app shows."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.tests.factories import make_intervention

from .helpers import log_in_with_password, totp_code

VERIFY = reverse("accounts:second_factor")


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_it_asks_for_the_code_after_the_password(browser, team_lead_a):
    TOTPDevice.objects.create(user=team_lead_a, name="app", confirmed=True)

    response = log_in_with_password(browser, "tineke", follow=True)

    assert response.redirect_chain[-1][0].startswith(VERIFY)
    text = response.content.decode()
    assert "Tweestapsinloggen" in text
    assert 'autocomplete="one-time-code"' in text


def test_it_lets_staff_in_with_the_current_code(browser, team_lead_a):
    device = TOTPDevice.objects.create(user=team_lead_a, name="app", confirmed=True)
    log_in_with_password(browser, "tineke")
    session_before = browser.cookies["sessionid"].value

    response = browser.post(VERIFY, {"code": totp_code(device)}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("work")
    assert response.status_code == 200
    # A raised privilege gets a new session key, as a login does.
    assert browser.cookies["sessionid"].value != session_before


def test_it_accepts_the_code_as_the_app_groups_it(browser, team_lead_a):
    device = TOTPDevice.objects.create(user=team_lead_a, name="app", confirmed=True)
    log_in_with_password(browser, "tineke")
    code = totp_code(device)

    response = browser.post(VERIFY, {"code": f"{code[:3]} {code[3:]}"})

    assert response["Location"] == reverse("home")


def test_it_refuses_a_wrong_code_and_audits_it(browser, team_lead_a):
    device = TOTPDevice.objects.create(user=team_lead_a, name="app", confirmed=True)
    log_in_with_password(browser, "tineke")

    response = browser.post(VERIFY, {"code": _wrong(totp_code(device))})

    assert response.status_code == 200
    assert "Die code klopt niet." in response.content.decode()
    assert browser.get(reverse("work"))["Location"].startswith(VERIFY)
    failure = AuditEvent.objects.get(event="second_factor_failed")
    assert failure.subject_id == str(team_lead_a.pk)
    assert failure.ip_address == "127.0.0.1"


def test_it_slows_down_guessing(browser, team_lead_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
    device = TOTPDevice.objects.create(user=team_lead_a, name="app", confirmed=True)
    log_in_with_password(browser, "tineke")
    for _ in range(3):
        browser.post(VERIFY, {"code": _wrong(totp_code(device))})

    refused = browser.post(VERIFY, {"code": totp_code(device)})

    assert "Te veel verkeerde codes achter elkaar." in refused.content.decode()
    # The wait is said as it is: one second after the first wrong code (the clock stands still
    # here, so the next two fell inside that wait and did not count; django-otp doubles it with
    # each wrong code that does).
    assert "Wacht 1 seconde en typ dan de code" in refused.content.decode()
    time_machine.shift(dt.timedelta(seconds=30))
    assert browser.post(VERIFY, {"code": totp_code(device)})["Location"] == reverse("home")


def test_it_does_not_accept_a_code_twice(browser, team_lead_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
    device = TOTPDevice.objects.create(user=team_lead_a, name="app", confirmed=True)
    code = totp_code(device)
    log_in_with_password(browser, "tineke")
    assert browser.post(VERIFY, {"code": code}).status_code == 302

    # Someone who saw the password and the code being typed, trying them a moment later.
    other = Client()
    log_in_with_password(other, "tineke")
    response = other.post(VERIFY, {"code": code})

    assert response.status_code == 200
    assert other.get(reverse("work"))["Location"].startswith(VERIFY)


def test_it_returns_to_the_page_asked_for(browser, caseworker_a, school_a):
    device = TOTPDevice.objects.create(user=caseworker_a, name="app", confirmed=True)
    intervention = make_intervention(status="new", professional=caseworker_a, school=school_a)
    detail = reverse("interventions:detail", args=[intervention.uuid])

    login_page = browser.get(detail)["Location"]
    second_step = browser.post(login_page, {"username": "anna", "password": "correct-horse-battery"})
    response = browser.post(second_step["Location"], {"code": totp_code(device)})

    assert response["Location"] == detail


def test_it_does_not_send_anyone_to_another_site_afterwards(browser, caseworker_a):
    device = TOTPDevice.objects.create(user=caseworker_a, name="app", confirmed=True)
    log_in_with_password(browser, "anna")

    response = browser.post(f"{VERIFY}?next=https://evil.example/", {"code": totp_code(device)})

    assert response["Location"] == reverse("home")


def test_the_code_step_shows_no_menu(browser, team_lead_a):
    TOTPDevice.objects.create(user=team_lead_a, name="app", confirmed=True)
    log_in_with_password(browser, "tineke")

    page = browser.get(VERIFY).content.decode()

    assert 'aria-label="Hoofdmenu"' not in page
    assert reverse("work") not in page and reverse("interventions:list") not in page
    assert "Uitloggen" in page


@pytest.mark.parametrize(
    ("seconds", "said"), [(1, "Wacht 1 seconde"), (32, "Wacht 32 seconden"), (256, "Wacht 5 minuten")]
)
def test_the_wait_after_wrong_codes_is_said_as_it_is(seconds, said):
    from django.utils import timezone

    from kansrijk.accounts.services import _too_many_attempts

    error = _too_many_attempts({"locked_until": timezone.now() + dt.timedelta(seconds=seconds)})

    assert said in str(error.message)
