"""Audit rows cannot be changed or removed: not through the application, and on PostgreSQL
not even by going around it."""

import pytest
from django.db import DatabaseError, connection, transaction

from kansrijk.audit.events import Event, event_label
from kansrijk.audit.models import AppendOnlyError, AuditEvent
from kansrijk.audit.services import audit_record

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the database-level guarantee is PostgreSQL's trigger; CI runs the suite on PostgreSQL too",
)


@pytest.fixture
def row(region_a, caseworker_a):
    return audit_record(actor=caseworker_a, event=Event.INTERVENTION_VIEWED, subject=region_a)


def test_it_records_who_what_and_which_object(row, caseworker_a, region_a):
    assert row.actor == caseworker_a
    assert row.actor_label == caseworker_a.username
    assert (row.subject_type, row.subject_id) == ("organisations.region", str(region_a.pk))


def test_it_refuses_changes_through_the_application(row):
    row.event = "nothing_happened"
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=row.pk).update(event="nothing_happened")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=row.pk).delete()
    assert AuditEvent.objects.get(pk=row.pk).event == "intervention_viewed"


def test_it_keeps_the_row_when_the_user_is_removed(row, caseworker_a):
    caseworker_a.delete()
    kept = AuditEvent.objects.get(pk=row.pk)
    assert kept.actor_label == "anna"


@on_postgresql
def test_it_refuses_an_update_at_the_database_level(row):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditevent SET event = 'nothing_happened' WHERE id = %s", [row.pk])
    assert AuditEvent.objects.get(pk=row.pk).event == "intervention_viewed"


@on_postgresql
def test_it_refuses_a_delete_at_the_database_level(row):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [row.pk])
    assert AuditEvent.objects.filter(pk=row.pk).exists()


def test_an_event_outside_the_list_is_a_programming_error(caseworker_a, region_a):
    """Every recorded code is one of `Event`, so the log can always say what happened."""
    with pytest.raises(ValueError):
        # The wrong type is the point of this test: a code that is not an `Event`.
        audit_record(actor=caseworker_a, event="something_happened", subject=region_a)  # type: ignore[arg-type]
    assert not AuditEvent.objects.filter(event="something_happened").exists()
    row = audit_record(actor=caseworker_a, event=Event.LOGGED_OUT, subject=caseworker_a)
    assert row.event == "logged_out"
    assert event_label(row.event) == str(Event.LOGGED_OUT.label)
