"""Short ways for a model to state its database constraints (docs/database.md).

The services check every rule before they write; these make the database refuse the rows
they would never write, whoever writes them (a bulk import, a shell, plain SQL). A model lists
them in `Meta.constraints`:

    constraints = [
        choices_constraint("intervention", "status", Status),
        exactly_when("intervention_outcome", Q(status="completed"), ~Q(outcome="")),
    ]

Constraints Django cannot express (a composite foreign key, a trigger) are written as SQL in a
migration with `PostgresSQL`, which runs on PostgreSQL only.
"""

from __future__ import annotations

from django.db import migrations, models
from django.db.models import Q


def choices_constraint(
    prefix: str, field: str, choices: type[models.Choices], *, blank: bool = False
) -> models.CheckConstraint:
    """The column `field` holds one of the values of `choices` (or "" when `blank`).

    Adding a value to the choices changes this constraint, so makemigrations asks for a
    migration, as it should.
    """
    values = list(choices.values)
    if blank:
        values.append("")
    return models.CheckConstraint(condition=Q(**{f"{field}__in": values}), name=f"{prefix}_{field}_valid")


def exactly_when(name: str, when: Q, then: Q) -> models.CheckConstraint:
    """`then` holds when `when` holds, and only then (both sides must be non-null columns)."""
    return models.CheckConstraint(condition=(when & then) | (~when & ~then), name=name)


def implies(name: str, when: Q, then: Q) -> models.CheckConstraint:
    """When `when` holds, so does `then`."""
    return models.CheckConstraint(condition=~when | then, name=name)


def not_before(name: str, later: str, earlier: str) -> models.CheckConstraint:
    """The date `later` is not before the date `earlier` (either may be empty)."""
    return models.CheckConstraint(
        condition=Q(**{f"{later}__isnull": True})
        | Q(**{f"{earlier}__isnull": True})
        | Q(**{f"{later}__gte": models.F(earlier)}),
        name=name,
    )


class PostgresSQL(migrations.RunSQL):
    """RunSQL that runs on PostgreSQL only; on other databases (SQLite in development) a no-op.

    For what Django's constraints cannot express. SQLite could mimic some of it with triggers,
    but its schema editor rebuilds a table on most column changes and drops them on the way.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
