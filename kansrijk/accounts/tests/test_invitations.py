"""A team lead (or the functional administrator) invites a referrer by e-mail; the link lets them
choose a password once, within seven days."""

import datetime as dt
import hashlib
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kansrijk.accounts import services
from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import Invitation
from kansrijk.core.errors import DomainError

NEW_PASSWORD = "zeven-kikkers-op-een-rij"
User = get_user_model()


def _invite(by, organisation, email="juf.ans@school.example.nl"):
    return services.invitation_create(
        email=email, first_name="Ans", last_name="de Wit", organisation=organisation, by=by
    )


def _link(message) -> str:
    match = re.search(r"http://\S+/uitnodiging/(\S+)/", str(message.body))
    assert match is not None, message.body
    return match.group(0).split("testserver")[-1]


def _accept_path(token: str) -> str:
    return reverse("invitation_accept", args=[token])


def test_it_sends_a_link_and_stores_only_a_hash_of_its_token(
    client, team_lead_a, organisation_a, django_capture_on_commit_callbacks
):
    client.force_login(team_lead_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("invitation_create"),
            {
                "first_name": "Ans",
                "last_name": "de Wit",
                "email": "Juf.Ans@School.example.nl",
                "organisation": organisation_a.pk,
            },
        )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    [message] = mail.outbox
    assert message.to == ["juf.ans@school.example.nl"]
    assert message.subject == "Uw uitnodiging voor Kansrijk"
    match = re.search(r"/uitnodiging/([^/\s]+)/", str(message.body))
    assert match is not None, message.body
    token = match.group(1)
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(Invitation.objects.values()))
    assert abs(invitation.expires_at - invitation.created_at - dt.timedelta(days=7)) < dt.timedelta(seconds=1)
    assert invitation.invited_by == team_lead_a


def test_it_works_once(client, team_lead_a, organisation_a):
    _invitation, token = _invite(team_lead_a, organisation_a)

    page = client.get(_accept_path(token))
    response = client.post(_accept_path(token), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert page.status_code == 200
    assert "Kies uw wachtwoord" in page.content.decode()
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:referrals")
    user = User.objects.get(username="juf.ans@school.example.nl")
    assert (user.role, user.organisation, user.get_full_name()) == (
        Role.REFERRER,
        organisation_a,
        "Ans de Wit",
    )
    assert user.check_password(NEW_PASSWORD)
    # Logged in straight away (referrers need no second factor).
    assert client.get(reverse("portal:referrals")).status_code == 200

    client.logout()
    again = client.get(_accept_path(token))
    second_try = client.post(
        _accept_path(token), {"password1": "ander-wachtwoord-123", "password2": "ander-wachtwoord-123"}
    )
    assert again.status_code == 404
    assert "Uitnodiging niet meer geldig" in again.content.decode()
    assert second_try.status_code == 404
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert User.objects.filter(role=Role.REFERRER, organisation=organisation_a).count() == 1


def test_it_does_not_work_after_seven_days(client, team_lead_a, organisation_a):
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        _invitation, token = _invite(team_lead_a, organisation_a)
        traveller.shift(dt.timedelta(days=7) - dt.timedelta(minutes=1))
        assert client.get(_accept_path(token)).status_code == 200
        traveller.shift(dt.timedelta(minutes=2))

        page = client.get(_accept_path(token))
        response = client.post(_accept_path(token), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert page.status_code == 404
    assert response.status_code == 404
    assert not User.objects.filter(username="juf.ans@school.example.nl").exists()


def test_it_refuses_an_unknown_token(db, client):
    assert client.get(_accept_path("not-a-token")).status_code == 404


@pytest.mark.parametrize(
    ("password", "again", "message"),
    [
        ("kort-1", "kort-1", "Dit wachtwoord is te kort. Het moet minstens 12 tekens bevatten."),
        ("123456789012345", "123456789012345", "Dit wachtwoord bevat alleen cijfers."),
        (
            "zeven-kikkers-op-een-rij",
            "zeven-kikkers-op-twee-rijen",
            "De twee wachtwoorden zijn niet hetzelfde.",
        ),
    ],
)
def test_it_checks_the_password_with_the_password_rules(
    client, team_lead_a, organisation_a, password, again, message
):
    invitation, token = _invite(team_lead_a, organisation_a)

    response = client.post(_accept_path(token), {"password1": password, "password2": again})

    assert response.status_code == 200
    assert message in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert not User.objects.filter(role=Role.REFERRER).exists()


def test_a_team_lead_invites_only_for_the_own_region(client, team_lead_a, organisation_a, organisation_b):
    with pytest.raises(DomainError):
        _invite(team_lead_a, organisation_b)
    client.force_login(team_lead_a)
    page = client.get(reverse("invitation_create")).content.decode()
    assert organisation_a.name in page
    assert organisation_b.name not in page
    response = client.post(
        reverse("invitation_create"),
        {"first_name": "A", "last_name": "B", "email": "x@example.nl", "organisation": organisation_b.pk},
    )
    assert response.status_code == 200
    assert not Invitation.objects.exists()


def test_the_name_of_the_invited_is_one_line_of_plain_text(client, team_lead_a, organisation_a):
    client.force_login(team_lead_a)
    response = client.post(
        reverse("invitation_create"),
        {
            "first_name": "Ans\nKlik op https://evil.example/",
            "last_name": "de Wit",
            "email": "juf.ans@school.example.nl",
            "organisation": organisation_a.pk,
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["first_name"] == [
        "Gebruik gewone tekst op één regel, zonder regeleinden of stuurtekens."
    ]
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_the_functional_administrator_invites_for_any_organisation(admin_user, organisation_b):
    invitation, _token = _invite(admin_user, organisation_b)
    assert invitation.organisation == organisation_b


def test_other_roles_may_not_invite(client, caseworker_a, referrer_a, organisation_a):
    for user in (caseworker_a, referrer_a):
        with pytest.raises(DomainError):
            _invite(user, organisation_a)
        client.force_login(user)
        assert client.get(reverse("invitation_create")).status_code == 403


def test_it_refuses_an_address_that_already_has_an_account(team_lead_a, organisation_a, referrer_a):
    referrer_a.email = "rik@school.example.nl"
    referrer_a.save()
    with pytest.raises(DomainError) as error:
        _invite(team_lead_a, organisation_a, email="RIK@school.example.nl")
    assert error.value.code == "account_exists"


def test_accepting_in_a_browser_where_someone_is_logged_in_starts_a_fresh_session(
    client, team_lead_a, organisation_a
):
    _invitation, token = _invite(team_lead_a, organisation_a)
    client.force_login(team_lead_a)

    client.post(_accept_path(token), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})

    assert client.get(reverse("work")).status_code == 403  # no longer the team lead
    assert client.get(reverse("portal:referrals")).status_code == 200
