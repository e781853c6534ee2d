"""However active, a session ends SESSION_MAX_LIFETIME_SECONDS after the login."""

import datetime as dt

from django.urls import reverse

from kansrijk.conftest import SecondFactorClient


def test_it_ends_a_busy_session_at_its_maximum_lifetime(client, caseworker_a, time_machine, settings):
    settings.SESSION_MAX_LIFETIME_SECONDS = 2 * 60 * 60
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
    client.force_login(caseworker_a)
    for _ in range(4):  # used every 29 minutes: never idle for 30
        assert client.get(reverse("work")).status_code == 200
        time_machine.shift(dt.timedelta(minutes=29))
    time_machine.shift(dt.timedelta(minutes=5))  # 2 hours and 1 minute after the first request

    response = client.get(reverse("work"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={reverse('work')}"
    assert client.get(reverse("work"))["Location"].startswith(reverse("login"))  # really logged out


def test_pages_for_a_logged_in_user_are_not_stored(client, caseworker_a):
    client.force_login(caseworker_a)
    response = client.get(reverse("work"))
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_it_ends_the_sessions_of_a_deactivated_user(client, caseworker_a):
    client.force_login(caseworker_a)
    assert client.get(reverse("work")).status_code == 200
    caseworker_a.is_active = False
    caseworker_a.save()
    assert client.get(reverse("work"))["Location"].startswith(reverse("login"))


def test_a_password_change_ends_the_users_other_sessions(client, caseworker_a):
    other = SecondFactorClient()
    other.force_login(caseworker_a)
    client.force_login(caseworker_a)
    new = "grijze-reiger-bij-de-vijver"
    response = client.post(
        reverse("account:password"),
        {"old_password": "correct-horse-battery", "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert client.get(reverse("work")).status_code == 200  # this session goes on
    assert other.get(reverse("work"))["Location"].startswith(reverse("login"))  # the other ends
