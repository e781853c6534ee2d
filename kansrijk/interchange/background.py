"""The two background runs of a web import (tasks.py queues them): the check and the import.

Both read the job's file through the same `interventions_import` as the command
(importer/run.py), so they find the same errors with the same messages, in the default language
as the command prints them. The check is the command's --dry-run: everything is written and
rolled back. The import is all or nothing, and so is marking the job done: that UPDATE is the
last statement of the import's own transaction and is conditional (importing → done), so a run
that is delivered twice, or a second one after a crash, either finds the job done and stops, or
rolls its rows back. Nothing is ever imported twice.

Logs name the job by its id and an error by its class, never the file's content.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record

from .constants import JobStatus
from .importer import ImportResult, interventions_import
from .models import ImportJob
from .parser import FileError, count_rows
from .progress import Progress
from .uploads import file_label, temporary_file

logger = logging.getLogger(__name__)


def import_job_check(job_pk: int) -> None:
    """The dry run: count the rows, check every one, and keep every problem on the job."""
    claimed = ImportJob.objects.filter(pk=job_pk, status__in=[JobStatus.QUEUED, JobStatus.CHECKING]).update(
        status=JobStatus.CHECKING, rows_done=0
    )
    if not claimed:
        return  # checked already, or gone
    job = ImportJob.objects.get(pk=job_pk)
    progress = Progress(job.pk)
    try:
        with (
            translation.override(settings.LANGUAGE_CODE),
            temporary_file(kind=job.kind, content=job.content) as path,
        ):
            total = count_rows(path, name=file_label())
            ImportJob.objects.filter(pk=job.pk).update(rows_total=total)
            result = interventions_import(path=path, dry_run=True, name=file_label(), progress=progress)
            failure = _failure(result)
    except Exception as exc:  # noqa: BLE001 - whatever went wrong ends the job (_end_on_error)
        _end_on_error(job, JobStatus.CHECKING, exc)
        return
    finally:
        progress.close()

    if failure:
        _fail(job, JobStatus.CHECKING, failure, result)
        return
    with transaction.atomic():
        done = ImportJob.objects.filter(pk=job.pk, status=JobStatus.CHECKING).update(
            status=JobStatus.CHECKED,
            rows_done=F("rows_total"),
            problems=[],
            interventions=result.interventions,
            young_people=result.young_people,
            checked_at=timezone.now(),
        )
        if done:
            audit_record(
                actor=job.uploaded_by,
                event=Event.IMPORT_FILE_CHECKED,
                subject=job,
                new={"rows": total, "interventions": result.interventions, "invalid_rows": 0},
            )


def import_job_run(job_pk: int) -> None:
    """The import of a confirmed job, in one transaction with the job's mark as done."""
    job = (
        ImportJob.objects.filter(pk=job_pk, status=JobStatus.IMPORTING).select_related("confirmed_by").first()
    )
    if job is None:
        return  # imported already, or never confirmed
    ImportJob.objects.filter(pk=job.pk, status=JobStatus.IMPORTING).update(rows_done=0)
    progress = Progress(job.pk)
    try:
        with (
            translation.override(settings.LANGUAGE_CODE),
            temporary_file(kind=job.kind, content=job.content) as path,
            transaction.atomic(),
        ):
            result = interventions_import(
                path=path,
                by=job.confirmed_by,
                name=file_label(),
                source={"import_job": str(job.uuid)},
                progress=progress,
            )
            failure = _failure(result)
            if not failure:
                marked = ImportJob.objects.filter(pk=job.pk, status=JobStatus.IMPORTING).update(
                    status=JobStatus.DONE,
                    content=b"",
                    rows_done=F("rows_total"),
                    problems=[],
                    interventions=result.interventions,
                    young_people=result.young_people,
                    new_young_people=result.new_young_people,
                    finished_at=timezone.now(),
                )
                if not marked:
                    # Another run finished this job first: keep nothing of this one.
                    transaction.set_rollback(True)
                    return
    except Exception as exc:  # noqa: BLE001 - whatever went wrong ends the job (_end_on_error)
        _end_on_error(job, JobStatus.IMPORTING, exc)
        return
    finally:
        progress.close()
    if failure:
        # The database changed since the check (e.g. a reference now taken): nothing was stored.
        _fail(job, JobStatus.IMPORTING, failure, result)


def _end_on_error(job: ImportJob, running: str, exc: Exception) -> None:
    """A run that raised ends as FAILED, with what can be said about why: the file's problem,
    the database's refusal, or (logged by class only) an unexpected error."""
    if isinstance(exc, FileError):
        failure = str(exc)
    elif isinstance(exc, DatabaseError):
        failure = _refused(exc)
    else:
        step = "check" if running == JobStatus.CHECKING else "import"
        logger.error("import job %s: %s failed (%s)", job.pk, step, exc.__class__.__name__)
        failure = _unexpected()
    _fail(job, running, failure)


def _failure(result: ImportResult) -> str:
    """The command's closing line for a file with invalid rows, or "" when every row is valid."""
    if result.ok:
        return ""
    rows = len({error.row for error in result.errors})
    return ngettext(
        "%(rows)s invalid row; nothing was stored", "%(rows)s invalid rows; nothing was stored", rows
    ) % {"rows": rows}


def _refused(exc: DatabaseError) -> str:
    # The command's message (management/commands/import_interventions.py); shown to the
    # administrator on the job's page, never logged.
    problem = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
    return _("nothing was stored: the database refused the import (%(problem)s)") % {"problem": problem}


def _unexpected() -> str:
    return _("nothing was stored: the import stopped on an unexpected error; the operator's logs say more")


def _fail(job: ImportJob, running: str, failure: str, result: ImportResult | None = None) -> None:
    """End a running job as FAILED: the reason, every row problem, and no more file."""
    problems: list[dict[str, Any]] = []
    if result is not None:
        problems = [
            {"row": error.row, "column": error.column, "message": error.message} for error in result.errors
        ]
    with transaction.atomic():
        failed = ImportJob.objects.filter(pk=job.pk, status=running).update(
            status=JobStatus.FAILED,
            content=b"",
            failure=failure,
            problems=problems,
            finished_at=timezone.now(),
        )
        if failed:
            audit_record(
                actor=job.confirmed_by if running == JobStatus.IMPORTING else job.uploaded_by,
                event=Event.IMPORT_FILE_CHECKED if running == JobStatus.CHECKING else Event.IMPORT_FAILED,
                subject=job,
                new={
                    "failed": True,
                    "invalid_rows": len({problem["row"] for problem in problems}),
                    "problems": len(problems),
                },
            )
