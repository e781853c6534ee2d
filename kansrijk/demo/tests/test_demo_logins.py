"""The documented demo accounts exist, with their roles, and the shared password works."""

import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory

from kansrijk.accounts.constants import Role
from kansrijk.demo.totp import DEMO_TOTP_SECRET

EXPECTED = {
    "teamlead": (Role.TEAM_LEAD, "Haaglanden"),
    "medewerker": (Role.CASEWORKER, "Haaglanden"),
    "medewerker2": (Role.CASEWORKER, "Rotterdam-Rijnmond"),
    "relatiemanager": (Role.RELATIONSHIP_MANAGER, None),
    "verwijzer": (Role.REFERRER, None),
    "privacy": (Role.PRIVACY_OFFICER, None),
    "beheerder": (Role.ADMIN, None),
}


def _login_request():
    # Axes, which counts failed logins per username and address, checks every attempt and so
    # needs the request it came with.
    return RequestFactory().post("/inloggen/")


@pytest.mark.parametrize("username", sorted(EXPECTED))
def test_it_logs_in_with_the_shared_password(demo, username):
    user = authenticate(_login_request(), username=username, password="kansrijk-demo")

    assert user is not None
    role, region = EXPECTED[username]
    assert user.role == role
    assert (user.region.name if user.region else None) == region
    assert user.first_name and user.last_name


def test_the_accounts_have_what_their_role_needs(demo):
    relationship_manager = authenticate(_login_request(), username="relatiemanager", password="kansrijk-demo")
    referrer = authenticate(_login_request(), username="verwijzer", password="kansrijk-demo")
    admin = authenticate(_login_request(), username="beheerder", password="kansrijk-demo")
    assert relationship_manager is not None and referrer is not None and admin is not None

    assert sorted(m.name for m in relationship_manager.municipalities.all()) == sorted(
        [
            "Delft",
            "Den Haag",
            "Leidschendam-Voorburg",
            "Midden-Delfland",
            "Pijnacker-Nootdorp",
            "Rijswijk",
            "Wassenaar",
            "Westland",
            "Zoetermeer",
        ]
    )
    assert referrer.organisation is not None
    assert referrer.organisation.kind == "school"
    assert referrer.organisation.municipality.name == "Den Haag"
    assert admin.is_staff
    assert not admin.is_superuser
    assert admin.has_perm("organisations.change_school")
    assert admin.has_perm("accounts.add_user")
    assert not admin.has_perm("interventions.view_intervention")


def test_a_wrong_password_is_refused(demo):
    assert authenticate(_login_request(), username="teamlead", password="kansrijk-demo-wrong") is None


def test_demo_logins_prints_the_table(demo):
    output = io.StringIO()

    call_command("demo_logins", stdout=output)

    text = output.getvalue()
    assert "http://127.0.0.1:8000/" in text
    assert "kansrijk-demo" in text
    for username in EXPECTED:
        assert any(line.split()[0] == username for line in text.splitlines() if line.strip())
    assert any(line.startswith("medewerker2 ") and "Rotterdam-Rijnmond" in line for line in text.splitlines())


def test_demo_logins_prints_the_shared_two_step_key(demo):
    output = io.StringIO()

    call_command("demo_logins", stdout=output)

    text = output.getvalue()
    grouped = " ".join(DEMO_TOTP_SECRET[i : i + 4] for i in range(0, len(DEMO_TOTP_SECRET), 4))
    assert grouped in text
    uri = next(word for word in text.split() if word.startswith("otpauth://"))
    assert uri.startswith("otpauth://totp/")
    assert f"secret={DEMO_TOTP_SECRET}" in uri
