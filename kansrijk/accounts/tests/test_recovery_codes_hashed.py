"""Recovery codes are stored only as salted hashes (ASVS 6.5.2), and still work once each."""

import datetime as dt
import importlib
import io
import re
from base64 import b32decode

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts import recovery_codes, services
from kansrijk.accounts.models import RecoveryCode
from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError

from .helpers import log_in_with_password, totp_code

SETUP = reverse("accounts:second_factor_setup")
VERIFY = reverse("accounts:second_factor")
CODE_ON_PAGE = re.compile(r"<li><code>([a-z2-7]{8})</code></li>")


@pytest.fixture
def codes(team_lead_a):
    TOTPDevice.objects.create(user=team_lead_a, name="app", confirmed=True)
    return services.recovery_codes_replace(user=team_lead_a)


def _stored(user) -> list[str]:
    return list(RecoveryCode.objects.filter(device__user=user).values_list("code_hash", flat=True))


def test_the_database_holds_no_code_in_plain_text(team_lead_a, codes):
    # Everything in the database, as text: every table of every app.
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)

    assert not [code for code in codes if code in dump.getvalue()]
    assert not StaticToken.objects.exists()
    assert len(_stored(team_lead_a)) == 10
    assert all(encoded.startswith("pbkdf2_sha256$") for encoded in _stored(team_lead_a))


def test_each_hash_has_its_own_salt_and_the_real_number_of_rounds(monkeypatch):
    # The suite hashes with one round (kansrijk/conftest.py); undo that here.
    monkeypatch.undo()

    first = recovery_codes.recovery_code_hash("abcd2345")
    second = recovery_codes.recovery_code_hash("abcd2345")

    algorithm, rounds, salt, _hash = first.split("$")
    assert (algorithm, int(rounds)) == ("pbkdf2_sha256", 100_000)
    assert len(salt) >= 16  # ASVS asks for at least 32 bits; Django's salt has about 128
    assert first != second
    assert recovery_codes.recovery_code_matches("abcd2345", first)
    assert recovery_codes.recovery_code_matches("abcd2345", second)
    assert not recovery_codes.recovery_code_matches("abcd2346", first)


def test_a_code_works_once(team_lead_a, codes):
    assert services.second_factor_verify(user=team_lead_a, token=codes[3]).user == team_lead_a
    assert len(_stored(team_lead_a)) == 9

    with pytest.raises(DomainError) as refused:
        services.second_factor_verify(user=team_lead_a, token=codes[3])

    assert refused.value.code == "wrong_code"
    assert len(_stored(team_lead_a)) == 9


def test_a_wrong_code_fails_and_uses_up_nothing(team_lead_a, codes, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
    wrong = next(code for code in ("aaaaaaaa", "bbbbbbbb") if code not in codes)

    with pytest.raises(DomainError) as refused:
        services.second_factor_verify(user=team_lead_a, token=wrong)

    assert refused.value.code == "wrong_code"
    assert len(_stored(team_lead_a)) == 10
    assert StaticDevice.objects.get(user=team_lead_a).throttling_failure_count == 1
    assert (
        AuditEvent.objects.filter(event="second_factor_failed", subject_id=str(team_lead_a.pk)).count() == 1
    )
    time_machine.shift(dt.timedelta(seconds=5))  # past django-otp's pause after a wrong code
    assert services.second_factor_verify(user=team_lead_a, token=codes[0]).user == team_lead_a


def test_a_code_from_the_set_up_logs_in_at_a_later_login(browser, caseworker_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
    log_in_with_password(browser, "anna")
    page = browser.get(SETUP).content.decode()
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page)
    assert secret
    shown = CODE_ON_PAGE.findall(
        browser.post(
            SETUP, {"code": totp_code(b32decode(secret.group(1).replace(" ", "")).hex())}
        ).content.decode()
    )
    browser.post(reverse("logout"))

    time_machine.shift(dt.timedelta(minutes=5))
    log_in_with_password(browser, "anna")
    response = browser.post(VERIFY, {"code": shown[4].upper()}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("work")
    assert len(_stored(caseworker_a)) == 9
    assert AuditEvent.objects.filter(event="recovery_code_used", subject_id=str(caseworker_a.pk)).count() == 1


def test_the_migration_hashes_the_plain_codes_that_were_stored(team_lead_a):
    """accounts 0005: codes django-otp stored in plain text keep working, as hashes only."""
    migration = importlib.import_module("kansrijk.accounts.migrations.0005_hash_recovery_codes")
    TOTPDevice.objects.create(user=team_lead_a, name="app", confirmed=True)
    device = StaticDevice.objects.create(user=team_lead_a, name="Recovery codes", confirmed=True)
    StaticToken.objects.create(device=device, token="abcd2345")
    StaticToken.objects.create(device=device, token="WXYZ-7654")  # as an operator might have typed it

    migration.hash_plain_codes(apps, None)

    assert not StaticToken.objects.exists()
    assert len(_stored(team_lead_a)) == 2
    assert not [
        encoded for encoded in _stored(team_lead_a) if "abcd2345" in encoded or "WXYZ-7654" in encoded
    ]
    assert services.second_factor_verify(user=team_lead_a, token="abcd2345") == device
    assert services.second_factor_verify(user=team_lead_a, token="wxyz7654") == device
    assert not RecoveryCode.objects.exists()
