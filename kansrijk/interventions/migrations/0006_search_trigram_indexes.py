"""Trigram indexes for searching by name or reference (PostgreSQL only).

Django's `icontains` on PostgreSQL is `UPPER(column::text) LIKE UPPER('%…%')`; a GIN index with
pg_trgm's operator class on the same UPPER() expression answers it without reading the table.
SQLite has no such index; its searches stay table scans, which is fine at its scale.
"""

from django.db import migrations

INDEXES = [
    ("search_youngperson_first_name", "people_youngperson", "first_name"),
    ("search_youngperson_last_name", "people_youngperson", "last_name"),
    ("search_referral_reference", "referrals_referral", "reference"),
    ("search_intervention_reference", "interventions_intervention", "reference"),
]


def up(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm", params=None)
    for name, table, column in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ((UPPER({column}::text)) gin_trgm_ops)",
            params=None,
        )


def down(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}", params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("interventions", "0005_open_region_index"),
        ("people", "0001_initial"),
        ("referrals", "0001_initial"),
    ]

    operations = [migrations.RunPython(up, down, elidable=False)]
