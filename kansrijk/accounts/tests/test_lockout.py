"""Five wrong passwords lock that username from that address for the cool-off (django-axes)."""

import datetime as dt

import pytest
from django.urls import reverse

from kansrijk.audit.models import AuditEvent

from .helpers import PASSWORD, log_in_with_password

ATTACKER = "192.0.2.10"
ELSEWHERE = "198.51.100.20"


@pytest.fixture
def now(time_machine):
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    time_machine.move_to(start, tick=False)
    return time_machine


def _fail(browser, username, times, address=ATTACKER):
    return [log_in_with_password(browser, username, "wrong-guess", REMOTE_ADDR=address) for _ in range(times)]


def test_it_refuses_the_sixth_attempt_even_with_the_right_password(browser, referrer_a, now):
    failures = _fail(browser, "rik", 5)
    assert [response.status_code for response in failures[:4]] == [200] * 4

    response = log_in_with_password(browser, "rik", PASSWORD, REMOTE_ADDR=ATTACKER)

    assert response.status_code == 429
    text = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in text
    assert "30 minuten" in text
    assert browser.get(reverse("home"))["Location"] == reverse("login")


def test_it_says_so_when_the_fifth_wrong_password_locks(browser, referrer_a, now):
    fifth = _fail(browser, "rik", 5)[-1]

    assert fifth.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in fifth.content.decode()


def test_it_locks_only_that_username_from_that_address(browser, referrer_a, caseworker_a, now):
    _fail(browser, "rik", 5)

    from_elsewhere = log_in_with_password(browser, "rik", PASSWORD, REMOTE_ADDR=ELSEWHERE)
    assert from_elsewhere["Location"] == reverse("home")
    browser.post(reverse("logout"), REMOTE_ADDR=ELSEWHERE)

    colleague = log_in_with_password(browser, "anna", PASSWORD, REMOTE_ADDR=ATTACKER)
    assert colleague["Location"].startswith(reverse("accounts:second_factor"))


def test_it_lifts_the_lock_after_the_cool_off(browser, referrer_a, now):
    _fail(browser, "rik", 5)
    now.shift(dt.timedelta(minutes=29))
    assert log_in_with_password(browser, "rik", PASSWORD, REMOTE_ADDR=ATTACKER).status_code == 429

    now.shift(dt.timedelta(minutes=2))
    response = log_in_with_password(browser, "rik", PASSWORD, REMOTE_ADDR=ATTACKER)

    assert response["Location"] == reverse("home")


def test_it_forgets_failures_older_than_the_window(browser, referrer_a, now):
    _fail(browser, "rik", 4)
    now.shift(dt.timedelta(minutes=31))
    _fail(browser, "rik", 4)

    response = log_in_with_password(browser, "rik", PASSWORD, REMOTE_ADDR=ATTACKER)

    assert response["Location"] == reverse("home")


def test_it_counts_from_zero_again_after_a_good_login(browser, referrer_a, now):
    _fail(browser, "rik", 4)
    log_in_with_password(browser, "rik", PASSWORD, REMOTE_ADDR=ATTACKER)
    browser.post(reverse("logout"), REMOTE_ADDR=ATTACKER)

    attempts = _fail(browser, "rik", 4)

    assert [response.status_code for response in attempts] == [200] * 4


def test_it_writes_every_failure_to_the_audit_log(browser, referrer_a, now):
    _fail(browser, "rik", 5)
    log_in_with_password(browser, "rik", PASSWORD, REMOTE_ADDR=ATTACKER)

    rows = list(AuditEvent.objects.filter(event="login_failed").order_by("id"))

    assert len(rows) == 6
    assert {(row.subject_type, row.subject_id, row.ip_address) for row in rows} == {
        ("accounts.user", str(referrer_a.pk), ATTACKER)
    }
    assert [row.new["locked_out"] for row in rows] == [False, False, False, False, True, True]
