"""The audit log survives its own application: on PostgreSQL the application runs as a role
that may only SELECT and INSERT audit rows and cannot TRUNCATE, ALTER or disable triggers
(kansrijk/core/dbroles.py; the suite itself runs as such a role, kansrijk/conftest.py)."""

import psycopg
import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import audit_record
from kansrijk.conftest import APPLICATION_ROLE
from kansrijk.core.dbroles import append_only_tables
from kansrijk.organisations.models import Region

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="database roles are PostgreSQL's; CI runs the suite on PostgreSQL too",
)
EMPTYING = [
    "TRUNCATE audit_auditevent",
    "TRUNCATE audit_auditevent CASCADE",
    "ALTER TABLE audit_auditevent DISABLE TRIGGER ALL",
    "ALTER TABLE audit_auditevent DISABLE TRIGGER audit_auditevent_append_only",
    "DROP TRIGGER audit_auditevent_append_only ON audit_auditevent",
    "UPDATE audit_auditevent SET event = 'nothing_happened'",
    "DELETE FROM audit_auditevent",
    "DROP TABLE audit_auditevent",
]


@pytest.fixture
def row(region_a, caseworker_a):
    return audit_record(actor=caseworker_a, event=Event.INTERVENTION_VIEWED, subject=region_a)


def test_the_audit_log_is_the_append_only_table():
    assert append_only_tables() == ["audit_auditevent"]


@on_postgresql
def test_the_suite_runs_as_the_application_role(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, rolsuper FROM pg_roles WHERE rolname = current_user")
        assert cursor.fetchone() == (APPLICATION_ROLE, False)


@on_postgresql
@pytest.mark.parametrize("statement", EMPTYING)
def test_the_application_role_cannot_empty_or_alter_the_audit_log(row, statement):
    with pytest.raises(DatabaseError) as refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)

    assert "permission denied" in str(refused.value) or "must be owner" in str(refused.value)
    assert AuditEvent.objects.get(pk=row.pk).event == "intervention_viewed"


@on_postgresql
@pytest.mark.parametrize("statement", EMPTYING)
def test_a_login_as_the_application_role_cannot_either(transactional_db, region_a, caseworker_a, statement):
    """Over its own login, where no RESET ROLE could lead back to the owner."""
    row = audit_record(actor=caseworker_a, event=Event.INTERVENTION_VIEWED, subject=region_a)
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        dbname=settings["NAME"],
        user=APPLICATION_ROLE,
    ) as own:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            own.execute(statement)
        own.rollback()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            own.execute("RESET ROLE; TRUNCATE audit_auditevent")
        own.rollback()
        assert own.execute("SELECT count(*) FROM audit_auditevent WHERE id = %s", [row.pk]).fetchone() == (1,)
    assert AuditEvent.objects.filter(pk=row.pk).exists()


@on_postgresql
def test_the_application_role_still_writes_and_reads_audit_rows_and_other_rows(row, region_a):
    assert AuditEvent.objects.filter(pk=row.pk).exists()
    region_a.name = "Haaglanden-Zuid"
    region_a.save()
    spare = Region.objects.create(name="Tijdelijk")
    spare.delete()
    assert list(Region.objects.values_list("name", flat=True)) == ["Haaglanden-Zuid"]


@on_postgresql
def test_migrate_grants_the_configured_role_again(db, settings):
    settings.DATABASE_APP_ROLE = APPLICATION_ROLE
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")
        cursor.execute(f"GRANT UPDATE, DELETE, TRUNCATE ON audit_auditevent TO {APPLICATION_ROLE}")
        call_command("migrate", verbosity=0)
        cursor.execute(
            "SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) "
            "FROM information_schema.role_table_grants "
            "WHERE table_name = 'audit_auditevent' AND grantee = %s",
            [APPLICATION_ROLE],
        )
        granted = cursor.fetchone()[0]
        cursor.execute(f"SET ROLE {APPLICATION_ROLE}")
    assert granted == "INSERT,SELECT"


def test_the_command_says_plainly_that_sqlite_has_no_roles(db):
    if connection.vendor == "postgresql":
        call_command("grant_app_role", APPLICATION_ROLE)
        return
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="PostgreSQL only"):
        call_command("grant_app_role", "kansrijk")
