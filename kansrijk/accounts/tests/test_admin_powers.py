"""The functional administrator manages accounts in the admin but cannot turn it against the files:
no promotion of themselves, no superuser, groups or permissions for anyone, no password or
second-factor key for someone else (kansrijk/accounts/admin.py)."""

import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.forms import modelform_factory
from django.test import RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import PasswordReset, User
from kansrijk.accounts.tests.helpers import PASSWORD, log_in_with_password
from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent

NEW_PASSWORD = "zeven-kikkers-op-een-rij"
KEY = "3132333435363738393031323334353637383930"


def _change_url(user) -> str:
    return reverse("admin:accounts_user_change", args=[user.pk])


def _form_data(user, **changes) -> dict:
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "region": user.region_id or "",
        "organisation": user.organisation_id or "",
        "is_active": "on",
        "is_staff": "on" if user.is_staff else "",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "01-01-2026",
        "date_joined_1": "09:00:00",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def _escalation(region, permission_ids, group_id) -> dict:
    return {
        "role": Role.TEAM_LEAD,
        "region": region.pk,
        "is_superuser": "on",
        "is_staff": "on",
        "groups": [group_id],
        "user_permissions": permission_ids,
    }


def test_it_does_not_let_the_administrator_promote_themselves(client, beheerder, region_a):
    group = Group.objects.create(name="alles")
    group.permissions.set(Permission.objects.all())
    client.force_login(beheerder)

    page = client.get(_change_url(beheerder))
    permission = Permission.objects.first()
    assert permission is not None
    response = client.post(
        _change_url(beheerder),
        _form_data(beheerder, first_name="Bert", **_escalation(region_a, [permission.pk], group.pk)),
    )

    assert page.status_code == 200
    assert b'name="is_superuser"' not in page.content
    assert b'name="role"' not in page.content
    assert response.status_code == 302, response.content
    beheerder.refresh_from_db()
    assert beheerder.first_name == "Bert"  # the rest of the form was saved
    assert (beheerder.role, beheerder.region, beheerder.is_superuser) == (Role.ADMIN, None, False)
    assert not beheerder.groups.exists()
    audit = AuditEvent.objects.get(event=Event.ADMIN_OBJECT_CHANGED)
    assert audit.subject_type == "accounts.user" and audit.new == {"fields": ["first_name"]}


def test_it_grants_no_superuser_groups_or_permissions_to_anyone(client, beheerder, caseworker_a, region_a):
    group = Group.objects.create(name="alles")
    client.force_login(beheerder)
    permission = Permission.objects.first()
    assert permission is not None

    response = client.post(
        _change_url(caseworker_a),
        _form_data(caseworker_a, **_escalation(region_a, [permission.pk], group.pk)),
    )

    assert response.status_code == 302, response.content
    caseworker_a.refresh_from_db()
    assert caseworker_a.role == Role.TEAM_LEAD  # managing roles is the administrator's work
    assert not caseworker_a.is_superuser
    assert not caseworker_a.groups.exists() and not caseworker_a.user_permissions.exists()
    audit = AuditEvent.objects.get(event=Event.ADMIN_OBJECT_CHANGED)
    assert audit.old == {"role": "caseworker", "is_staff": False}
    assert audit.new == {"fields": ["role", "is_staff"], "role": "team_lead", "is_staff": True}


def test_save_model_refuses_what_the_form_should_not_have_offered(beheerder, caseworker_a):
    """Should a field slip onto the form (a changed fieldset), saving still refuses it."""
    model_admin = admin.site._registry[User]
    request = RequestFactory().post("/")
    request.user = beheerder
    for instance, fields, data in [
        (caseworker_a, ["username", "is_superuser"], {"username": "anna", "is_superuser": "on"}),
        (beheerder, ["username", "role"], {"username": "bert", "role": Role.TEAM_LEAD}),
    ]:
        form = modelform_factory(User, fields=fields)(data, instance=instance)
        assert form.is_valid(), form.errors
        with pytest.raises(PermissionDenied):
            model_admin.save_model(request, form.save(commit=False), form, True)


def test_it_does_not_touch_an_operators_account(client, beheerder):
    operator = User.objects.create_superuser(username="operator", password=PASSWORD, email="op@example.nl")
    client.force_login(beheerder)

    response = client.post(_change_url(operator), _form_data(operator, is_active="", role=Role.CASEWORKER))

    assert response.status_code == 403
    operator.refresh_from_db()
    assert operator.is_active and operator.is_superuser


def test_it_does_not_let_the_administrator_set_another_users_password(client, beheerder, caseworker_a):
    client.force_login(beheerder)
    url = reverse("admin:auth_user_password_change", args=[caseworker_a.pk])

    get = client.get(url)
    post = client.post(url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "usable_password": "true"})
    own = client.get(reverse("admin:auth_user_password_change", args=[beheerder.pk]))

    assert (get.status_code, post.status_code, own.status_code) == (403, 403, 403)
    caseworker_a.refresh_from_db()
    assert caseworker_a.check_password(PASSWORD)
    assert not client.get(_change_url(caseworker_a)).content.count(b"../password/")


def test_it_does_not_let_the_administrator_add_a_device_for_another_user(client, beheerder, caseworker_a):
    client.force_login(beheerder)
    totp = client.post(
        reverse("admin:otp_totp_totpdevice_add"),
        {
            "user": caseworker_a.pk,
            "name": "mijn telefoon",
            "confirmed": "on",
            "key": KEY,
            "step": 30,
            "t0": 0,
            "digits": 6,
            "tolerance": 1,
            "drift": 0,
        },
    )
    static = client.post(
        reverse("admin:otp_static_staticdevice_add"),
        {
            "user": caseworker_a.pk,
            "name": "codes",
            "confirmed": "on",
            "token_set-TOTAL_FORMS": 1,
            "token_set-INITIAL_FORMS": 0,
            "token_set-0-token": "geheim12",
        },
    )

    assert (totp.status_code, static.status_code) == (403, 403)
    assert not TOTPDevice.objects.filter(user=caseworker_a).exists()
    assert not StaticDevice.objects.filter(user=caseworker_a).exists()


def test_it_shows_a_device_without_its_key_and_refuses_to_change_it(client, beheerder, caseworker_a):
    device = TOTPDevice.objects.create(user=caseworker_a, name="app", key=KEY, confirmed=True)
    client.force_login(beheerder)
    url = reverse("admin:otp_totp_totpdevice_change", args=[device.pk])

    page = client.get(url)
    client.post(url, {"user": beheerder.pk, "name": "app", "confirmed": "on", "key": "00" * 20})

    assert page.status_code == 200
    assert KEY.encode() not in page.content
    device.refresh_from_db()
    assert (device.user, device.key) == (caseworker_a, KEY)


def test_the_second_factor_reset_removes_the_devices_and_is_audited(client, beheerder, caseworker_a, browser):
    TOTPDevice.objects.create(user=caseworker_a, name="app", confirmed=True)
    StaticDevice.objects.create(user=caseworker_a, name="codes", confirmed=True)
    client.force_login(beheerder)

    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [caseworker_a.pk]},
    )

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=caseworker_a).exists()
    assert not StaticDevice.objects.filter(user=caseworker_a).exists()
    audit = AuditEvent.objects.get(event=Event.SECOND_FACTOR_RESET)
    assert (audit.actor, audit.subject_id, audit.new) == (
        beheerder,
        str(caseworker_a.pk),
        {"devices_removed": 2},
    )
    # At the next login the user links a new app.
    login = log_in_with_password(browser, caseworker_a.username)
    assert browser.get(login["Location"])["Location"].startswith(reverse("accounts:second_factor_setup"))


def test_the_administrator_cannot_reset_their_own_second_factor(client, beheerder):
    client.force_login(beheerder)  # gives the administrator a device
    client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [beheerder.pk]},
    )
    assert TOTPDevice.objects.filter(user=beheerder).exists()
    assert not AuditEvent.objects.filter(event=Event.SECOND_FACTOR_RESET).exists()


def _invitation_path(message) -> str:
    match = re.search(r"https?://[^/]+(/uitnodiging/\S+/wachtwoord/)", message.body)
    assert match is not None, message.body
    return match.group(1)


def test_the_password_invitation_lets_the_user_choose_a_password_once(
    client, beheerder, caseworker_a, browser, django_capture_on_commit_callbacks
):
    caseworker_a.email = "anna@halt.example.nl"
    caseworker_a.save()
    client.force_login(beheerder)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:accounts_user_changelist"),
            {"action": "send_password_invitation", "_selected_action": [caseworker_a.pk]},
        )

    [message] = mail.outbox
    assert message.to == ["anna@halt.example.nl"]
    path = _invitation_path(message)
    token = path.split("/")[2]
    assert PasswordReset.objects.get().token_hash != token
    caseworker_a.refresh_from_db()
    assert caseworker_a.check_password(PASSWORD)  # unchanged until the link is used

    assert browser.get(path).status_code == 200
    response = browser.post(path, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert response.status_code == 302 and response["Location"] == reverse("login")
    caseworker_a.refresh_from_db()
    assert caseworker_a.check_password(NEW_PASSWORD)
    assert browser.get(path).status_code == 404
    sent = AuditEvent.objects.get(event=Event.PASSWORD_RESET_SENT)
    used = AuditEvent.objects.get(event=Event.PASSWORD_RESET_USED)
    assert (sent.actor, sent.subject_id) == (beheerder, str(caseworker_a.pk))
    assert (used.actor, used.subject_id) == (caseworker_a, str(caseworker_a.pk))
    every_value = str(list(AuditEvent.objects.values("old", "new")))
    assert token not in every_value and NEW_PASSWORD not in every_value


def test_a_new_account_gets_no_password_but_an_invitation(
    client, beheerder, region_a, django_capture_on_commit_callbacks
):
    client.force_login(beheerder)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:accounts_user_add"),
            {
                "username": "nieuw",
                "first_name": "Nina",
                "last_name": "Nieuw",
                "email": "nina@halt.example.nl",
                "role": Role.CASEWORKER,
                "region": region_a.pk,
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
                "is_superuser": "on",
            },
        )

    assert response.status_code == 302, response.content
    user = User.objects.get(username="nieuw")
    assert not user.has_usable_password() and not user.is_superuser
    [message] = mail.outbox
    assert message.to == ["nina@halt.example.nl"]
    added = AuditEvent.objects.get(event=Event.ADMIN_OBJECT_ADDED)
    assert added.new is not None
    assert added.new["role"] == "caseworker" and added.new["region"] == region_a.pk
    assert AuditEvent.objects.filter(event=Event.PASSWORD_RESET_SENT, subject_id=str(user.pk)).exists()


def test_an_operator_keeps_the_whole_admin(client, caseworker_a):
    operator = User.objects.create_superuser(username="operator", password=PASSWORD, email="op@example.nl")
    client.force_login(operator)

    page = client.get(_change_url(caseworker_a))
    password_page = client.get(reverse("admin:auth_user_password_change", args=[caseworker_a.pk]))
    totp_add = client.get(reverse("admin:otp_totp_totpdevice_add"))

    assert b'name="is_superuser"' in page.content and b'name="user_permissions"' in page.content
    assert (password_page.status_code, totp_add.status_code) == (200, 200)


def test_the_admin_is_kansrijks_in_dutch_and_lists_users_by_role(client, beheerder, caseworker_a):
    client.force_login(beheerder)

    index = client.get(reverse("admin:index")).content.decode()
    users = client.get(reverse("admin:accounts_user_changelist"), {"role__exact": Role.CASEWORKER})

    assert "Kansrijk-beheer" in index and "Accounts en referentielijsten" in index
    assert "column-role" in users.content.decode() and "Halt-professional" in users.content.decode()
    assert list(users.context["cl"].result_list) == [caseworker_a]
