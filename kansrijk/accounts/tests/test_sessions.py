"""Users see where they are logged in and can log out everywhere else (ASVS 7.5.2); nobody sees
or ends another user's sessions."""

import datetime as dt
import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session as DjangoSession
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.models import UserSession
from kansrijk.accounts.sessions import agent_summary
from kansrijk.audit.models import AuditEvent
from kansrijk.conftest import SecondFactorClient

from .helpers import PASSWORD, log_in_with_password, totp_code

SESSIONS = reverse("account:sessions")
END_OTHERS = reverse("account:sessions_end_others")
FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Mobile/15E148 Safari/604.1"
)
CHROME_MAC = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
EDGE_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86"
)
FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0"


def _logged_in(username: str, agent: str, address: str) -> Client:
    """A browser that logged in with the password, as a referrer does (one step)."""
    browser = Client(HTTP_USER_AGENT=agent, REMOTE_ADDR=address)
    assert log_in_with_password(browser, username).status_code == 302
    return browser


def _rows(page) -> int:
    return page.content.decode().split("<tbody>")[1].split("</tbody>")[0].count("<tr>")


def test_it_lists_both_sessions_of_a_user_who_logged_in_twice(referrer_a):
    desk = _logged_in("rik", FIREFOX_WINDOWS, "192.0.2.10")
    phone = _logged_in("rik", SAFARI_IPHONE, "198.51.100.7")
    phone.get(reverse("portal:referrals"))

    page = desk.get(SESSIONS)

    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    text = page.content.decode()
    assert _rows(page) == 2
    assert "Firefox op Windows" in text and "Safari op iOS" in text
    assert "192.0.2.10" in text and "198.51.100.7" in text
    assert text.count("deze sessie") == 1
    # The last used first: the phone asked for a page after the desk logged in.
    assert text.index("Safari op iOS") < text.index("Firefox op Windows")
    assert f'href="{SESSIONS}"' in desk.get(reverse("account:index")).content.decode()


def test_logging_out_everywhere_else_ends_the_other_session_and_keeps_this_one(caseworker_a):
    here, elsewhere = SecondFactorClient(), SecondFactorClient()
    here.force_login(caseworker_a)
    elsewhere.force_login(caseworker_a)
    assert elsewhere.get(reverse("work")).status_code == 200
    assert _rows(here.get(SESSIONS)) == 2

    response = here.post(END_OTHERS, follow=True)

    assert response.redirect_chain == [(SESSIONS, 302)]
    assert "U bent in 1 andere sessie uitgelogd." in response.content.decode()
    assert _rows(response) == 1
    assert here.get(reverse("work")).status_code == 200
    gone = elsewhere.get(reverse("work"))
    assert gone.status_code == 302 and gone["Location"].startswith(reverse("login"))
    row = AuditEvent.objects.get(event="other_sessions_ended")
    assert (row.actor, row.subject_id, row.new) == (caseworker_a, str(caseworker_a.pk), {"sessions_ended": 1})


def test_another_users_sessions_never_appear_and_cannot_be_ended(caseworker_a, referrer_a):
    other = _logged_in("rik", FIREFOX_WINDOWS, "192.0.2.10")
    other_key = other.cookies[settings.SESSION_COOKIE_NAME].value
    mine = SecondFactorClient()
    mine.force_login(caseworker_a)

    page = mine.get(SESSIONS)

    assert _rows(page) == 1
    assert "Firefox" not in page.content.decode() and "192.0.2.10" not in page.content.decode()
    # The button names no session, and a key sent along is not listened to.
    response = mine.post(END_OTHERS, {"session_key": other_key}, follow=True)
    assert "U was nergens anders ingelogd." in response.content.decode()
    assert other.get(reverse("portal:referrals")).status_code == 200
    assert UserSession.objects.filter(session_key=other_key, user=referrer_a).exists()


def test_a_session_halfway_through_the_login_is_listed_and_follows_its_new_key(caseworker_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
    device = TOTPDevice.objects.create(user=caseworker_a, name="app", confirmed=True)
    watcher = SecondFactorClient()
    watcher.force_login(caseworker_a)
    browser = _logged_in("anna", EDGE_WINDOWS, "203.0.113.5")
    half_key = browser.cookies[settings.SESSION_COOKIE_NAME].value

    # Only the password: a warning that someone knows it.
    assert "alleen wachtwoord, tweede stap niet gedaan" in watcher.get(SESSIONS).content.decode()

    browser.post(reverse("accounts:second_factor"), {"code": totp_code(device)})
    full_key = browser.cookies[settings.SESSION_COOKIE_NAME].value

    assert full_key != half_key
    assert not UserSession.objects.filter(session_key=half_key).exists()
    session = UserSession.objects.get(session_key=full_key)
    assert (session.user, session.second_factor, session.browser, session.system) == (
        caseworker_a,
        True,
        "Edge",
        "Windows",
    )
    page = watcher.get(SESSIONS).content.decode()
    assert "Edge op Windows" in page and "tweede stap niet gedaan" not in page


def test_sessions_that_let_nobody_in_any_more_are_not_listed(caseworker_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
    idle, changed, here = SecondFactorClient(), SecondFactorClient(), SecondFactorClient()
    idle.force_login(caseworker_a)
    time_machine.shift(dt.timedelta(minutes=20))
    changed.force_login(caseworker_a)
    here.force_login(caseworker_a)
    time_machine.shift(dt.timedelta(minutes=15))  # `idle` has been idle for 35 minutes
    assert _rows(here.get(SESSIONS)) == 2

    here.post(
        reverse("account:password"),
        {
            "old_password": PASSWORD,
            "new_password1": "negen-zwanen-boven-de-dijk",
            "new_password2": "negen-zwanen-boven-de-dijk",
        },
    )

    # The password changed: `changed` is logged out at its next request; only this one is left.
    assert _rows(here.get(SESSIONS)) == 1


@pytest.mark.parametrize(
    ("agent", "summary"),
    [
        (FIREFOX_WINDOWS, ("Firefox", "Windows")),
        (SAFARI_IPHONE, ("Safari", "iOS")),
        (CHROME_MAC, ("Chrome", "macOS")),
        (EDGE_WINDOWS, ("Edge", "Windows")),
        (FIREFOX_ANDROID, ("Firefox", "Android")),
        ("curl/8.5.0", ("", "")),
        ("", ("", "")),
    ],
)
def test_it_names_the_browser_and_the_system(agent, summary):
    assert agent_summary(agent) == summary


def test_the_migration_keeps_everyone_logged_in(caseworker_a):
    """accounts 0007: the sessions in Django's own table move to Kansrijk's, with their user."""
    migration = importlib.import_module("kansrijk.accounts.migrations.0007_move_sessions")
    browser = SecondFactorClient()
    browser.force_login(caseworker_a)
    key = browser.cookies[settings.SESSION_COOKIE_NAME].value
    data = UserSession.objects.get(session_key=key).get_decoded()
    UserSession.objects.all().delete()
    old = DjangoSessionStore()
    old.update(data)
    old.save()
    browser.cookies[settings.SESSION_COOKIE_NAME] = str(old.session_key)

    migration.move_sessions(apps, None)

    assert not DjangoSession.objects.exists()
    assert UserSession.objects.get(session_key=old.session_key).user == caseworker_a
    assert browser.get(reverse("work")).status_code == 200
