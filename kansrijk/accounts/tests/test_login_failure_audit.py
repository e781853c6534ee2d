"""A refused password is one audit row: which account, when, from where; never the password."""

import json

from django.urls import reverse

from kansrijk.audit.models import AuditEvent

from .helpers import log_in_with_password


def _row_text(row: AuditEvent) -> str:
    return json.dumps([row.actor_label, row.event, row.subject_type, row.subject_id, row.old, row.new])


def test_it_records_a_wrong_password_against_the_account(browser, caseworker_a):
    log_in_with_password(browser, "anna", "Geheim-wachtwoord-1", REMOTE_ADDR="203.0.113.7")

    row = AuditEvent.objects.get(event="login_failed")

    assert (row.subject_type, row.subject_id) == ("accounts.user", str(caseworker_a.pk))
    assert row.ip_address == "203.0.113.7"
    assert row.actor is None
    assert "Geheim-wachtwoord-1" not in _row_text(row)


def test_it_records_an_unknown_username_without_a_subject_or_the_name(browser, db):
    # People type passwords into the username field: that text must not land in the log.
    log_in_with_password(browser, "Zomer2026!", "whatever", REMOTE_ADDR="203.0.113.8")

    row = AuditEvent.objects.get(event="login_failed")

    assert (row.subject_type, row.subject_id) == ("", "")
    assert row.ip_address == "203.0.113.8"
    assert "Zomer2026!" not in _row_text(row)
    assert "whatever" not in _row_text(row)


def test_it_records_nothing_for_a_good_password(browser, referrer_a):
    response = browser.post(reverse("login"), {"username": "rik", "password": "correct-horse-battery"})

    assert response.status_code == 302
    assert not AuditEvent.objects.filter(event="login_failed").exists()
