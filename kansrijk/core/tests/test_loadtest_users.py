"""manage.py loadtest_users (kansrijk/demo; here because the demo tests share a loaded demo data set):
log-in details for the load test, guarded, in a file only its owner reads."""

import io
import json
import stat

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.models import User
from kansrijk.api.services import api_token_for_key
from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.constants import Status
from kansrijk.interventions.tests.factories import make_intervention


@pytest.fixture
def busy(caseworker_a, caseworker_a2, caseworker_b, organisation_a, team_lead_a):
    """caseworker_a2 has two open files, caseworker_b one, caseworker_a one closed one."""
    for _ in range(2):
        make_intervention(status=Status.IN_PROGRESS, professional=caseworker_a2, team_lead=team_lead_a)
    make_intervention(status=Status.INTAKE_PLANNED, professional=caseworker_b)
    make_intervention(status=Status.COMPLETED, professional=caseworker_a, team_lead=team_lead_a)
    return caseworker_a2, caseworker_b


def test_it_refuses_without_debug_unless_confirmed(busy, settings, tmp_path):
    settings.DEBUG = False
    out = tmp_path / "accounts.json"

    with pytest.raises(CommandError) as refused:
        call_command("loadtest_users", "--count", "1", "--out", str(out), stdout=io.StringIO())

    assert refused.value.returncode == 2
    assert "--i-know-this-changes-accounts" in str(refused.value)
    assert not out.exists()
    assert not TOTPDevice.objects.exists()


def test_the_busiest_caseworkers_get_working_logins_in_a_private_file(busy, settings, tmp_path):
    settings.DEBUG = False
    out = tmp_path / "accounts.json"
    stdout = io.StringIO()

    call_command(
        "loadtest_users", "--count", "2", "--out", str(out), "--i-know-this-changes-accounts", stdout=stdout
    )

    details = json.loads(out.read_text())
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [account["username"] for account in details["accounts"]] == [user.username for user in busy]
    for account in details["accounts"]:
        user = User.objects.get(username=account["username"])
        assert user.check_password(account["password"])
        device = TOTPDevice.objects.get(user=user, name="loadtest")
        assert device.verify_token(f"{TOTP(bytes.fromhex(account['totp_key'])).token():06d}")
    assert api_token_for_key(details["api_key"]) is not None
    assert AuditEvent.objects.filter(event=Event.LOADTEST_ACCOUNT_PREPARED).count() == 2
    # Counts on the screen, never the secrets.
    assert "2 " in stdout.getvalue()
    assert details["accounts"][0]["password"] not in stdout.getvalue()


def test_a_second_run_replaces_the_load_test_device(busy, settings, tmp_path):
    settings.DEBUG = True  # development: no confirmation needed
    out = tmp_path / "accounts.json"
    call_command("loadtest_users", "--count", "1", "--out", str(out), stdout=io.StringIO())
    first = json.loads(out.read_text())["accounts"][0]["totp_key"]

    call_command("loadtest_users", "--count", "1", "--out", str(out), stdout=io.StringIO())

    devices = TOTPDevice.objects.filter(user=busy[0], name="loadtest")
    assert devices.count() == 1
    assert devices.get().key != first


def test_it_refuses_more_users_than_there_are_caseworkers(busy, settings, tmp_path):
    settings.DEBUG = True
    out = tmp_path / "accounts.json"

    with pytest.raises(CommandError) as refused:
        call_command("loadtest_users", "--count", "50", "--out", str(out), stdout=io.StringIO())

    assert refused.value.returncode == 2
    assert "fewer than 50" in str(refused.value) or "minder dan 50" in str(refused.value)
    assert not out.exists()
    assert not TOTPDevice.objects.exists()
