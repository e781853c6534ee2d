"""Caseworkers of the region may read a referral but not decide on it: the page offers them no
decision, and a decision forced by a crafted POST is refused. Other roles do not get the page."""

import pytest
from django.urls import reverse

from kansrijk.interventions.tests.factories import database_state, make_referral

ENGLISH = {"accept-language": "en"}


def _state():
    """Every row of every table but the sessions, whose expiry moves with each request."""
    state = database_state()
    # Django's own table, unused, and ours (SESSION_ENGINE, kansrijk/accounts/sessions.py);
    # the expiry moves with each request.
    del state["sessions.Session"], state["accounts.UserSession"]
    return state


@pytest.fixture
def referral(organisation_a):
    return make_referral(
        organisation=organisation_a, young_person_data={"first_name": "Noor", "last_name": "Bakker"}
    )


def test_it_lets_a_caseworker_read_the_referral_without_the_decision_forms(client, caseworker_a, referral):
    client.force_login(caseworker_a)
    response = client.get(reverse("referrals:detail", args=[referral.uuid]), headers=ENGLISH)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Noor Bakker" in text
    assert "A team lead of the region decides on this referral." in text
    for action in ("start_review", "accept", "reject"):
        assert reverse(f"referrals:{action}", args=[referral.uuid]) not in text


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("start_review", {}),
        ("accept", {"accept-professional": "CASEWORKER"}),
        ("reject", {"reject-reason": "care_sufficient"}),
    ],
)
def test_it_refuses_a_decision_forced_by_a_caseworker(client, caseworker_a, referral, action, data):
    data = {key: caseworker_a.pk if value == "CASEWORKER" else value for key, value in data.items()}
    client.force_login(caseworker_a)
    before = _state()

    response = client.post(reverse(f"referrals:{action}", args=[referral.uuid]), data)

    assert response.status_code == 403
    assert _state() == before


@pytest.mark.parametrize(
    "role_fixture", ["referrer_a", "relationship_manager_a", "privacy_officer", "admin_user"]
)
def test_it_refuses_the_triage_pages_to_roles_without_case_work(request, client, referral, role_fixture):
    client.force_login(request.getfixturevalue(role_fixture))
    assert client.get(reverse("referrals:list")).status_code == 403
    assert client.get(reverse("referrals:detail", args=[referral.uuid])).status_code == 403
    response = client.post(reverse("referrals:reject", args=[referral.uuid]), {"reject-reason": "other"})
    assert response.status_code == 403
    referral.refresh_from_db()
    assert referral.status == "submitted"


def test_it_sends_anonymous_visitors_to_the_login_page(client, referral):
    for url in (reverse("referrals:list"), reverse("referrals:detail", args=[referral.uuid])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    response = client.post(reverse("referrals:reject", args=[referral.uuid]), {"reject-reason": "other"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "submitted"
