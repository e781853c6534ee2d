"""Without their phone, staff log in with a recovery code; each code works once."""

import datetime as dt

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts import services
from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError

from .helpers import log_in_with_password

VERIFY = reverse("accounts:second_factor")


@pytest.fixture
def codes(team_lead_a):
    TOTPDevice.objects.create(user=team_lead_a, name="app", confirmed=True)
    return services.recovery_codes_replace(user=team_lead_a)


def test_it_lets_staff_in_with_a_recovery_code_and_says_how_many_are_left(browser, team_lead_a, codes):
    log_in_with_password(browser, "tineke")

    response = browser.post(VERIFY, {"code": codes[0]}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("work")
    assert "U heeft nog 9 herstelcodes." in response.content.decode()
    assert AuditEvent.objects.filter(event="recovery_code_used", subject_id=str(team_lead_a.pk)).count() == 1


def test_it_accepts_a_recovery_code_typed_in_capitals_and_groups(browser, team_lead_a, codes):
    log_in_with_password(browser, "tineke")
    typed = f"{codes[1][:4].upper()}-{codes[1][4:].upper()}"

    response = browser.post(VERIFY, {"code": typed})

    assert response["Location"] == reverse("home")


def test_it_does_not_accept_a_recovery_code_twice(browser, team_lead_a, codes):
    log_in_with_password(browser, "tineke")
    browser.post(VERIFY, {"code": codes[2]})
    browser.post(reverse("logout"))

    log_in_with_password(browser, "tineke")
    response = browser.post(VERIFY, {"code": codes[2]})

    assert response.status_code == 200
    assert "Die code klopt niet." in response.content.decode()
    assert browser.get(reverse("work"))["Location"].startswith(VERIFY)


def test_it_makes_ten_different_codes_and_new_ones_replace_the_old(team_lead_a, codes, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
    assert len(set(codes)) == 10

    new = services.recovery_codes_replace(user=team_lead_a)

    assert not set(new) & set(codes)
    with pytest.raises(DomainError) as refused:
        services.second_factor_verify(user=team_lead_a, token=codes[0])
    assert refused.value.code == "wrong_code"
    time_machine.shift(dt.timedelta(seconds=5))  # past django-otp's pause after a wrong code
    assert services.second_factor_verify(user=team_lead_a, token=new[0]).user == team_lead_a
