"""Django's password validators apply wherever a password is set: the user's own change form,
the admin's forms for a new user and for a new password, and the management commands."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from kansrijk.accounts.models import User
from kansrijk.audit.models import AuditEvent

# Short, numeric, common, like the user name, and with a word anyone would guess here.
WEAK = ["grijs", "12345678901234", "password1234", "anna-anna", "kansrijk-is-mooi", "Halt 2026 zomer!"]
STRONG = "grijze-reiger-bij-de-vijver"


@pytest.mark.parametrize("weak", WEAK)
def test_the_own_change_form_refuses_a_weak_password(client, caseworker_a, weak):
    client.force_login(caseworker_a)
    response = client.post(
        reverse("account:password"),
        {"old_password": "correct-horse-battery", "new_password1": weak, "new_password2": weak},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    caseworker_a.refresh_from_db()
    assert caseworker_a.check_password("correct-horse-battery")


def test_the_own_change_form_sets_a_strong_password_and_audits_it(client, caseworker_a):
    client.force_login(caseworker_a)
    response = client.post(
        reverse("account:password"),
        {"old_password": "correct-horse-battery", "new_password1": STRONG, "new_password2": STRONG},
    )
    assert response.status_code == 302
    caseworker_a.refresh_from_db()
    assert caseworker_a.check_password(STRONG)
    row = AuditEvent.objects.get(event="password_changed")
    assert row.actor == caseworker_a and row.new is None and row.old is None
    # Still logged in (and still past the second factor) after the change.
    assert client.get(reverse("work")).status_code == 200


def test_a_long_password_of_any_composition_is_accepted(client, caseworker_a):
    long_one = "een asphalt weg, 64 tekens of meer; zonder regels voor cijfers of hoofdletters!" * 2
    client.force_login(caseworker_a)
    response = client.post(
        reverse("account:password"),
        {"old_password": "correct-horse-battery", "new_password1": long_one, "new_password2": long_one},
    )
    assert response.status_code == 302
    caseworker_a.refresh_from_db()
    assert caseworker_a.check_password(long_one)


def test_the_own_change_form_needs_the_current_password(client, caseworker_a):
    client.force_login(caseworker_a)
    response = client.post(
        reverse("account:password"),
        {"old_password": "wrong", "new_password1": STRONG, "new_password2": STRONG},
    )
    assert response.context["form"].errors["old_password"]
    assert AuditEvent.objects.filter(event="login_failed").count() == 1  # counted like a failed login


def test_the_admin_refuses_a_weak_password_for_a_new_user(client, admin_user):
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:accounts_user_add"),
        {"username": "nieuw", "password1": "kansrijk", "password2": "kansrijk", "role": "admin"},
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="nieuw").exists()
    assert "password2" in response.context["adminform"].form.errors


def test_the_admin_refuses_a_weak_new_password(client, admin_user, caseworker_a):
    admin_user.is_staff = admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)
    url = reverse("admin:auth_user_password_change", args=[caseworker_a.pk]).replace(
        "auth/user", "accounts/user"
    )
    response = client.post(url, {"password1": "12345678901234", "password2": "12345678901234"})
    assert response.status_code == 200
    caseworker_a.refresh_from_db()
    assert caseworker_a.check_password("correct-horse-battery")


def test_createsuperuser_refuses_a_weak_password(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "kansrijk")
    with pytest.raises(CommandError):
        call_command(
            "createsuperuser",
            "--noinput",
            "--username",
            "root",
            "--email",
            "r@example.nl",
            stdout=io.StringIO(),
        )
    assert not User.objects.filter(username="root").exists()


def test_createsuperuser_takes_a_strong_password(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", STRONG)
    call_command(
        "createsuperuser", "--noinput", "--username", "root", "--email", "r@x.nl", stdout=io.StringIO()
    )
    assert User.objects.get(username="root").check_password(STRONG)


def test_interactive_createsuperuser_offers_no_way_around_the_password_rules(db, monkeypatch):
    """Django asks "Bypass password validation and create user anyway?": answering y changes nothing."""
    from django.contrib.auth.management.commands import createsuperuser as django_createsuperuser

    passwords = iter(["kansrijk", "kansrijk", STRONG, STRONG])
    prompts: list[str] = []

    def answer(prompt=""):
        prompts.append(prompt)
        if len(prompts) > 10:
            raise RuntimeError(f"the command keeps asking: {prompts}")
        if prompt.startswith("Bypass"):
            return "y"
        # The field labels come in the active language (Gebruikersnaam, E-mailadres).
        return "r@example.nl" if "mail" in prompt.lower() else "root"

    monkeypatch.setattr("builtins.input", answer)
    monkeypatch.setattr(django_createsuperuser.getpass, "getpass", lambda prompt="": next(passwords))
    call_command(
        "createsuperuser", interactive=True, stdin=MockTTY(), stdout=io.StringIO(), stderr=io.StringIO()
    )

    # The weak password was refused although the bypass was answered "y"; the second one was taken.
    assert any(prompt.startswith("Bypass") for prompt in prompts) is False
    assert User.objects.get(username="root").check_password(STRONG)
    assert not hasattr(django_createsuperuser, "input")


class MockTTY:
    """A stdin that says it is a terminal, as Django's interactive mode requires."""

    def isatty(self):
        return True
