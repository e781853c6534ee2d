"""A session left alone for more than 30 minutes is over; activity keeps it going."""

import datetime as dt

import pytest
from django.urls import reverse


@pytest.fixture
def logged_in(client, caseworker_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC), tick=False)
    client.force_login(caseworker_a)
    assert client.get(reverse("work")).status_code == 200
    return client


def test_it_logs_out_a_session_idle_for_more_than_thirty_minutes(logged_in, time_machine):
    time_machine.shift(dt.timedelta(minutes=30, seconds=1))

    response = logged_in.get(reverse("work"))

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={reverse('work')}"


def test_it_keeps_a_session_that_is_used_within_thirty_minutes(logged_in, time_machine):
    for _ in range(4):
        time_machine.shift(dt.timedelta(minutes=29))
        assert logged_in.get(reverse("work")).status_code == 200  # two hours in all, never idle 30


def test_it_asks_for_both_steps_again_after_the_timeout(logged_in, time_machine, caseworker_a):
    time_machine.shift(dt.timedelta(minutes=31))

    # The password alone does not bring back the verified session.
    logged_in.post(reverse("login"), {"username": "anna", "password": "correct-horse-battery"})

    assert logged_in.get(reverse("work"))["Location"].startswith(reverse("accounts:second_factor"))
