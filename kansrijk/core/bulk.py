"""Inserting many rows at once, as fast as the database allows: COPY on PostgreSQL.

For the few writers that load rows by the hundred thousand, where the ORM's per-object work is
most of the time: the import (interchange/importer/bulk.py) and the benchmark data set
(bench/generate.py). The rows bypass the ORM: no `save()`, no signals, no defaults; the caller
gives every value, ready for the driver.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections


def insert_rows(
    table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *, using: str = DEFAULT_DB_ALIAS
) -> int:
    """INSERT `rows` into `table`, each a sequence of values for `columns` in that order.

    On PostgreSQL (psycopg 3) the rows stream through one COPY FROM STDIN: one INSERT per row
    would cost a network round trip each. Elsewhere (SQLite, in process) one executemany.
    Returns the number of rows.
    """
    if not rows:
        return 0
    connection = connections[using]
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and hasattr(cursor, "copy"):
            # Table and column names are quoted; the values travel as data.
            with cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            # Table and column names come from the caller's models, quoted; every value is a parameter.
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)  # noqa: S608
    return len(rows)
