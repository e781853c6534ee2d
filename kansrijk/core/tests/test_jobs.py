"""Two runs of the same scheduled job at once: one runs, the other says so and does nothing."""

from __future__ import annotations

import io
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import connection, connections

from kansrijk.core.jobs import ALREADY_RUNNING, run_job, single_run
from kansrijk.evaluations.tasks import remind
from kansrijk.retention.tasks import apply as retention_task

pytestmark = pytest.mark.django_db


@contextmanager
def held_elsewhere(name: str):
    """The job's lock taken by another run: on PostgreSQL another database session, on SQLite
    another open lock file (as another process would have)."""
    if connection.vendor == "postgresql":
        other = connections.create_connection("default")
        try:
            with _pg_hold(other, name):
                yield
        finally:
            other.close()
    else:
        with single_run(name) as mine:
            assert mine
            yield


@contextmanager
def _pg_hold(other, name):
    from kansrijk.core.jobs import _lock_key

    with other.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [_lock_key(name)])
        assert cursor.fetchone()[0]
    try:
        yield
    finally:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_lock_key(name)])


def test_a_second_run_of_a_task_exits_saying_it_is_already_running(caplog):
    ran = []
    with held_elsewhere("evaluation-reminders"):
        busy = remind()
        inner = run_job("evaluation-reminders", lambda: ran.append(1))
    free = remind()

    assert busy == ALREADY_RUNNING
    assert inner == ALREADY_RUNNING and ran == []
    assert free == "0"
    assert "job evaluation-reminders: already running" in caplog.text


def test_the_command_and_the_scheduled_task_share_the_lock(capsys):
    with held_elsewhere("retention"):
        out, err = io.StringIO(), io.StringIO()
        call_command("apply_retention", stdout=out, stderr=err)
        task = retention_task()

    assert "already running" in err.getvalue()
    assert out.getvalue() == ""
    assert task == ALREADY_RUNNING


def test_the_lock_is_free_again_after_a_run_that_failed():
    with pytest.raises(ZeroDivisionError):
        run_job("outbox-clean", lambda: 1 / 0)

    assert run_job("outbox-clean", lambda: "done") == "done"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="statement_timeout is PostgreSQL's; CI runs the suite on PostgreSQL too",
)
def test_a_job_may_run_longer_statements_than_a_page_and_the_limit_comes_back_after(settings):
    def show() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            return cursor.fetchone()[0]

    page_limit = show()
    settings.JOB_STATEMENT_TIMEOUT_MS = 45 * 60 * 1000

    with single_run("retention") as mine:
        assert mine
        during = show()

    assert page_limit == "30s"
    assert during == "45min"
    assert show() == page_limit
