"""Scheduled jobs run one at a time: `single_run` takes a lock named after the job.

On PostgreSQL the lock is a session advisory lock (`pg_try_advisory_lock`), so two runs on
different machines never overlap; on the embedded SQLite database (development) it is an
exclusive lock on a file beside the database. A run that finds the lock taken does nothing:

    with single_run("evaluation-reminders") as mine:
        if not mine:
            return  # already running elsewhere
        ...
"""

from __future__ import annotations

import fcntl
import hashlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)

T = TypeVar("T")

ALREADY_RUNNING = "already running"


def _lock_key(name: str) -> int:
    """A stable signed 64-bit key for the job name."""
    digest = hashlib.blake2b(f"kansrijk-job:{name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


@contextmanager
def single_run(name: str) -> Iterator[bool]:
    """Yield True when this process holds the job's lock, False when another run has it."""
    if connection.vendor == "postgresql":
        key = _lock_key(name)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            acquired = bool(cursor.fetchone()[0])
        if acquired:
            _job_timeouts()
        try:
            yield acquired
        finally:
            if acquired:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
                    # Back to the connection's own limits (DATABASE_STATEMENT_TIMEOUT_MS).
                    cursor.execute("RESET statement_timeout")
        return
    path = Path(settings.JOB_LOCK_DIR) / f"kansrijk-job-{name}.lock"
    with open(path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _job_timeouts() -> None:
    """A job's statements may take longer than a page's: the connection's statement_timeout
    (DATABASE_STATEMENT_TIMEOUT_MS, 30 s) is meant for requests. While the job holds its lock
    the limit is JOB_STATEMENT_TIMEOUT_MS (default 30 minutes; 0 = none); the lock timeout
    stays, so a job never waits long on a row a person is changing."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = {int(settings.JOB_STATEMENT_TIMEOUT_MS)}")


def run_job(name: str, work: Callable[[], T]) -> T | str:
    """Run `work` under the job's lock; returns its result, or ALREADY_RUNNING."""
    with single_run(name) as mine:
        if not mine:
            logger.warning("job %s: %s, this run does nothing", name, ALREADY_RUNNING)
            return ALREADY_RUNNING
        logger.info("job %s: started", name)
        result = work()
        logger.info("job %s: finished: %s", name, result)
        return result
