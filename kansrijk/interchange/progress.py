"""How far a check or an import has got, visible while its transaction is still open.

The check and the import each run in one transaction (importer/run.py): what they write through
Django's connection stays invisible to every other connection until the end, and the import's is
rolled back when anything fails. A progress count written there would show the polling page
nothing and would vanish with a failure. So `Progress` writes through a database connection of
its own, in autocommit: each UPDATE of `rows_done` is its own short transaction, committed at
once and kept whatever the import does next.

The two connections never wait for each other: the import's transaction does not touch the job's
row until its very last statement (marking the job done, background.py), after the last progress
write. On SQLite (development, the demo) a second connection would wait for the import's write
lock instead; there the tasks run eagerly inside the request, so nobody polls during a run, and
`rows_done` is written only between the phases.
"""

from __future__ import annotations

import logging
import time

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections
from django.db.backends.base.base import BaseDatabaseWrapper

from .models import ImportJob

logger = logging.getLogger(__name__)

INTERVAL_SECONDS = 0.5  # between two writes; the page asks once a second


class Progress:
    """Call with the number of rows read so far; writes it at most every INTERVAL_SECONDS."""

    def __init__(self, job_pk: int):
        self.job_pk = job_pk
        self.enabled = connection.vendor == "postgresql"
        self._last = time.monotonic()
        self._connection: BaseDatabaseWrapper | None = None

    def __call__(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < INTERVAL_SECONDS:
            return
        self._last = now
        self.write(done)

    def write(self, done: int) -> None:
        if self._connection is None:
            self._connection = connections.create_connection(DEFAULT_DB_ALIAS)
        meta = ImportJob._meta
        quote = self._connection.ops.quote_name
        # Names from the model, quoted; the values are parameters.
        sql = "UPDATE {table} SET {done} = %s WHERE {pk} = %s".format(  # noqa: S608
            table=quote(meta.db_table),
            done=quote(meta.get_field("rows_done").column),
            pk=quote(meta.get_field("id").column),
        )
        try:
            with self._connection.cursor() as cursor:
                cursor.execute(sql, [done, self.job_pk])
        except DatabaseError as exc:
            # The bar is a nicety: losing it must not cost the import.
            self.enabled = False
            logger.warning("import job %s: progress not written (%s)", self.job_pk, exc.__class__.__name__)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
