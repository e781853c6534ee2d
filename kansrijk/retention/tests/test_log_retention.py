"""The retention run removes what django-axes and Django's admin log keep, once past its time:
lockout counters after their cool-off, login records and admin log entries after
SECURITY_LOGS_KEEP_DAYS (90 days by default). Frozen time throughout."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from kansrijk.accounts.tests.helpers import log_in_with_password
from kansrijk.audit.models import AuditEvent
from kansrijk.organisations.models import Region
from kansrijk.retention.services import retention_apply

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
RUN = dt.datetime(2026, 6, 1, 2, 30, tzinfo=AMSTERDAM)  # the nightly run


def at(moment: dt.datetime):
    return time_machine.travel(moment, tick=False)


def _attempt(username: str) -> AccessAttempt:
    return AccessAttempt.objects.create(
        username=username, ip_address="192.0.2.1", user_agent="x", failures_since_start=1
    )


def _failure(username: str) -> AccessFailureLog:
    return AccessFailureLog.objects.create(username=username, ip_address="192.0.2.1", user_agent="x")


def _admin_change(user, region: Region) -> LogEntry:
    return LogEntry.objects.create(
        user=user,
        content_type=ContentType.objects.get_for_model(Region),
        object_id=str(region.pk),
        object_repr=region.name,
        action_flag=CHANGE,
        change_message="[]",
    )


@pytest.fixture
def logs(referrer_a, admin_user, region_a):
    """A login (through the real login page, so axes writes its own record), a failed-login
    record, a lockout counter and an admin log entry 91 days before the run and 89 days before
    it; and lockout counters 31 and 29 minutes before the run (the cool-off is 30 minutes)."""
    for days in (91, 89):
        with at(RUN - dt.timedelta(days=days)):
            assert log_in_with_password(Client(), "rik").status_code == 302
            _failure(f"failed-{days}")
            _admin_change(admin_user, region_a)
    # After the logins: at a login axes itself deletes the counters past their cool-off.
    for age in (
        dt.timedelta(days=91),
        dt.timedelta(days=89),
        dt.timedelta(minutes=31),
        dt.timedelta(minutes=29),
    ):
        with at(RUN - age):
            _attempt(f"locked-{int(age.total_seconds() // 60)}")


def _left() -> dict[str, set[str]]:
    return {
        "logins": {row.attempt_time.date().isoformat() for row in AccessLog.objects.all()},
        "login_failures": set(AccessFailureLog.objects.values_list("username", flat=True)),
        "login_attempts": set(AccessAttempt.objects.values_list("username", flat=True)),
        "admin_log_entries": {row.action_time.date().isoformat() for row in LogEntry.objects.all()},
    }


def test_it_removes_the_log_rows_past_their_time_and_keeps_the_rest(logs):
    with at(RUN):
        result = retention_apply()

    kept_day = (RUN - dt.timedelta(days=89)).date().isoformat()
    assert _left() == {
        "logins": {kept_day},
        "login_failures": {"failed-89"},
        "login_attempts": {"locked-29"},
        "admin_log_entries": {kept_day},
    }
    assert (result.logins, result.login_failures, result.login_attempts, result.admin_log_entries) == (
        1,
        1,
        3,
        1,
    )
    counts = AuditEvent.objects.get(event="retention_applied").new or {}
    assert counts["logs_keep_days"] == 90
    assert (counts["logins"], counts["login_attempts"], counts["admin_log_entries"]) == (1, 3, 1)


def test_a_second_run_removes_nothing_more_and_a_dry_run_nothing_at_all(logs):
    with at(RUN):
        counted = retention_apply(dry_run=True)
        assert AccessLog.objects.count() == 2 and LogEntry.objects.count() == 2
        retention_apply()
        again = retention_apply()

    assert (counted.logins, counted.login_attempts, counted.admin_log_entries) == (1, 3, 1)
    assert (again.logins, again.login_failures, again.login_attempts, again.admin_log_entries) == (0, 0, 0, 0)
    # Two days on, the rows kept at 89 days are 91 days old.
    with at(RUN + dt.timedelta(days=2)):
        later = retention_apply()
    assert (later.logins, later.login_failures, later.admin_log_entries) == (1, 1, 1)
    assert not AccessLog.objects.exists() and not LogEntry.objects.exists()


def test_the_period_is_a_setting(logs, settings):
    settings.SECURITY_LOGS_KEEP_DAYS = 30

    with at(RUN):
        result = retention_apply()

    assert (result.logins, result.login_failures, result.admin_log_entries) == (2, 2, 2)


def test_the_command_says_what_it_removed(logs):
    out = io.StringIO()
    with at(RUN):
        call_command("apply_retention", stdout=out)

    text = out.getvalue()
    assert "inlogregistraties (django-axes): 1" in text
    assert "regels van het eigen logboek van het Django-beheer: 1" in text


def test_an_admin_change_writes_the_admin_log_that_retention_then_clears(client, admin_user):
    """The admin's own log is written on every change (kansrijk/audit/admin_site.py keeps it)."""
    admin_user.is_superuser = admin_user.is_staff = True
    admin_user.save()
    with at(RUN - dt.timedelta(days=100)):
        client.force_login(admin_user)
        response = client.post(reverse("admin:organisations_region_add"), {"name": "Utrecht"})
    assert response.status_code == 302
    assert LogEntry.objects.filter(object_repr="Utrecht").count() == 1

    with at(RUN):
        retention_apply()

    assert not LogEntry.objects.exists()
