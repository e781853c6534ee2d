"""Staff who passed only the password reach nothing but the two-step pages and logout."""

import pytest
from django.urls import reverse

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.interventions.tests.factories import make_intervention

VERIFY = reverse("accounts:second_factor")
SETUP = reverse("accounts:second_factor_setup")

STAFF_ROLES = [Role.CASEWORKER, Role.TEAM_LEAD, Role.RELATIONSHIP_MANAGER, Role.PRIVACY_OFFICER, Role.ADMIN]


@pytest.fixture
def intervention(caseworker_a, school_a):
    return make_intervention(status="in_progress", professional=caseworker_a, school=school_a)


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_it_sends_every_halt_staff_role_to_the_second_step(browser, region_a, role):
    user = User.objects.create_user(
        username="staff", password="correct-horse-battery", role=role, region=region_a
    )
    browser.force_login(user)  # the password step, as the login view does it

    response = browser.get(reverse("home"))

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert browser.get(VERIFY, follow=True).redirect_chain[-1][0] == SETUP


def test_it_keeps_a_caseworker_without_a_second_factor_out_of_every_page(browser, caseworker_a, intervention):
    browser.force_login(caseworker_a)
    pages = [
        reverse("home"),
        reverse("work"),
        reverse("interventions:list"),
        reverse("interventions:detail", args=[intervention.uuid]),
        reverse("login"),
    ]
    for url in pages:
        response = browser.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{VERIFY}?next={url.replace('/', '%2F')}", url

    note = browser.post(reverse("interventions:add_note", args=[intervention.uuid]), {"text": "Hallo"})
    assert note.status_code == 302
    assert note["Location"] == VERIFY
    assert not intervention.notes.exists()


def test_it_answers_htmx_with_a_full_page_redirect(browser, caseworker_a, intervention):
    browser.force_login(caseworker_a)

    response = browser.post(
        reverse("interventions:add_note", args=[intervention.uuid]), {"text": "Hallo"}, HTTP_HX_REQUEST="true"
    )

    assert response["HX-Redirect"] == VERIFY
    assert not intervention.notes.exists()


def test_it_keeps_the_django_admin_closed_without_the_second_factor(browser, region_a):
    administrator = User.objects.create_user(
        username="beheer", password="correct-horse-battery", role=Role.ADMIN, is_staff=True, is_superuser=True
    )
    browser.force_login(administrator)

    for url in [reverse("admin:index"), reverse("admin:accounts_user_changelist")]:
        response = browser.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(VERIFY), url


def test_it_lets_the_user_open_the_two_step_pages_and_log_out(browser, caseworker_a):
    browser.force_login(caseworker_a)

    assert browser.get(SETUP).status_code == 200
    assert browser.post(reverse("set_language"), {"language": "en", "next": SETUP})["Location"] == SETUP
    response = browser.post(reverse("logout"))

    assert response["Location"] == reverse("login")
    assert browser.get(reverse("home"))["Location"] == reverse("login")


def test_it_lets_a_referrer_in_with_the_password_alone(browser, referrer_a):
    response = browser.post(reverse("login"), {"username": "rik", "password": "correct-horse-battery"})

    assert response["Location"] == reverse("home")
    assert browser.get(reverse("home"))["Location"] == reverse("portal:referrals")
    assert browser.get(reverse("portal:referrals")).status_code == 200
    assert browser.get(VERIFY)["Location"] == reverse("home")


def test_it_asks_a_referrer_with_admin_access_for_a_second_factor(browser, referrer_a):
    referrer_a.is_staff = True
    referrer_a.save()
    browser.force_login(referrer_a)

    assert browser.get(reverse("admin:index"))["Location"].startswith(VERIFY)


def test_it_has_one_login_page_for_the_admin_too(browser):
    response = browser.get(reverse("admin:login") + "?next=/admin/accounts/")

    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=%2Fadmin%2Faccounts%2F"


def test_it_lets_a_verified_administrator_into_the_admin(client, admin_user):
    admin_user.is_staff = True
    admin_user.is_superuser = True
    admin_user.save()
    client.force_login(admin_user)  # the suite's client passes the second factor

    assert client.get(reverse("admin:index")).status_code == 200


def test_it_refuses_the_admin_to_a_logged_in_user_without_admin_access(client, caseworker_a):
    client.force_login(caseworker_a)

    response = client.get(reverse("admin:index"), follow=True)

    assert response.status_code == 403  # refused, not sent round between the two login pages
    assert len(response.redirect_chain) == 1
