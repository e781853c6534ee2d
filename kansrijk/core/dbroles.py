"""Two PostgreSQL roles: the owner runs the migrations, the application runs as a role that
may read and write rows and nothing more (docs/deployment.md, section 4).

The application's role may not TRUNCATE, ALTER, add or disable triggers, or create tables. On
tables whose model says `append_only = True` (the audit log) it may only SELECT and INSERT: it
cannot change or delete a row even where the trigger of audit/migrations/0002 would let it.

`grant_application_role` is run by the owner after every `migrate` (automatically when
`DATABASE_APP_ROLE` is set; `manage.py grant_app_role` by hand). It grants per table, so a table
a later migration adds is covered the next time it runs, and an append-only table never gets
UPDATE or DELETE from a default privilege.

SQLite (the demo) has no roles: there anyone who can open the file can change or delete audit
rows; the append-only guarantee holds on PostgreSQL only.
"""

from __future__ import annotations

from django.apps import apps
from django.db.backends.base.base import BaseDatabaseWrapper

ROW_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
APPEND_ONLY_PRIVILEGES = "SELECT, INSERT"


def append_only_tables() -> list[str]:
    """The tables of the models that say `append_only = True`."""
    return sorted(model._meta.db_table for model in apps.get_models() if getattr(model, "append_only", False))


def grant_application_role(connection: BaseDatabaseWrapper, role: str) -> list[str]:
    """Give `role` row access to every table and sequence in the schema, append-only tables
    SELECT and INSERT only; returns the statements run. PostgreSQL only."""
    if connection.vendor != "postgresql":
        raise ValueError("database roles exist on PostgreSQL only")
    quote = connection.ops.quote_name
    name = quote(role)
    statements = [
        f"GRANT USAGE ON SCHEMA public TO {name}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {name}",
        f"GRANT {ROW_PRIVILEGES} ON ALL TABLES IN SCHEMA public TO {name}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {name}",
    ]
    existing = set(connection.introspection.table_names())
    for table in append_only_tables():
        if table in existing:
            statements.append(f"REVOKE ALL ON {quote(table)} FROM {name}")
            statements.append(f"GRANT {APPEND_ONLY_PRIVILEGES} ON {quote(table)} TO {name}")
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    return statements


def grant_after_migrate(sender, using: str = "default", **kwargs) -> None:
    """post_migrate: the owner's `migrate` leaves the application's role its grants."""
    from django.conf import settings
    from django.db import connections

    role = getattr(settings, "DATABASE_APP_ROLE", "")
    connection = connections[using]
    if role and connection.vendor == "postgresql":
        grant_application_role(connection, role)
