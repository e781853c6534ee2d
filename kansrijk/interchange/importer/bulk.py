"""Fast INSERTs for the import, with values prepared exactly as the ORM prepares them.

Why not bulk_create: a 100,000-row file becomes about a million database rows, and
bulk_create spends most of its time building a model instance per row and compiling every
field of every instance into SQL. Measured on the benchmark (bench/import_bench.py) that
alone took over a minute on SQLite; the target is well under one. This inserter prepares
the values from the model's fields and sends all rows of a batch at once through
`core.bulk.insert_rows` (COPY on PostgreSQL, executemany elsewhere).

What it fills in is what bulk_create would: fields not passed get their default (callable
defaults such as uuid4 per row, others once), auto_now/auto_now_add fields the import's
timestamp, and every non-trivial value goes through the field's own get_db_prep_save, so
uuids, dates and aware datetimes are stored the way the backend expects. Fields with a
database default are left to the database. No signals are sent, as with bulk_create.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import cast

from django.db import connection, models

from kansrijk.core.bulk import insert_rows

# Values of these field types go to the driver as they are (str, int, bool, None).
_PLAIN_FIELDS = (models.CharField, models.TextField, models.IntegerField, models.BooleanField)


def _is_plain(field: models.Field) -> bool:
    if isinstance(field, models.ForeignKey):
        return _is_plain(field.target_field)
    return isinstance(field, _PLAIN_FIELDS)


class RowInserter:
    """INSERT rows of `model` giving values for `fields` (in that order) in each row tuple.

    For models with an auto-increment primary key, which the database assigns; the caller
    reads the new ids back by a unique column it knows (a reference, an external id) when it
    needs them.
    """

    def __init__(self, model: type[models.Model], fields: Sequence[str], *, now: dt.datetime):
        opts = model._meta
        # `fields` names concrete fields, never relations seen from the other side.
        given = [cast(models.Field, opts.get_field(name)) for name in fields]
        self._given = [None if _is_plain(field) else field for field in given]
        self._generated: list[models.Field] = []
        constants = []
        constant_fields: list[models.Field] = []
        for field in opts.concrete_fields:
            # has_db_default() (Django 5.0) is missing from django-stubs 5.2.
            if field in given or field.primary_key or field.has_db_default():  # type: ignore[attr-defined]
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                constant_fields.append(field)
                constants.append(field.get_db_prep_save(now, connection))
            elif field.has_default() and callable(field.default):
                self._generated.append(field)
            else:
                constant_fields.append(field)
                constants.append(field.get_db_prep_save(field.get_default(), connection))
        self._constants = tuple(constants)
        self._table = opts.db_table
        self._columns = [field.column for field in (*given, *self._generated, *constant_fields)]

    def insert(self, rows: Iterable[Sequence]) -> int:
        params = []
        given = self._given
        generated = self._generated
        constants = self._constants
        for row in rows:
            values = [
                value if field is None else field.get_db_prep_save(value, connection)
                for value, field in zip(row, given, strict=True)
            ]
            for field in generated:
                values.append(field.get_db_prep_save(field.get_default(), connection))
            values.extend(constants)
            params.append(values)
        return insert_rows(self._table, self._columns, params)
