"""The administrator's steps of a web import: uploading a file and confirming its import.

Each writes the job and its audit row in one transaction and queues the background run
(background.py) once that has committed. Who may take them is `accounts.policy`'s
`may_import_interventions`, asked by the views (access.py).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.errors import DomainError

from .constants import RUNNING, JobStatus
from .models import ImportJob

logger = logging.getLogger(__name__)


def import_job_upload(*, by, kind: str, content: bytes) -> ImportJob:
    """Keep an uploaded file and queue its check."""
    with transaction.atomic():
        job = ImportJob.objects.create(uploaded_by=by, kind=kind, size=len(content), content=content)
        audit_record(
            actor=by, event=Event.IMPORT_FILE_UPLOADED, subject=job, new={"kind": kind, "size": len(content)}
        )
        transaction.on_commit(lambda: _queue_check(job.pk))
    return job


def import_job_confirm(*, job: ImportJob, by) -> None:
    """Start the import of a checked job. Claimed with one conditional UPDATE (checked →
    importing), so a second confirm, or two at once, start nothing more."""
    with transaction.atomic():
        claimed = ImportJob.objects.filter(pk=job.pk, status=JobStatus.CHECKED).update(
            status=JobStatus.IMPORTING, confirmed_by=by, confirmed_at=timezone.now(), rows_done=0
        )
        if not claimed:
            raise DomainError(
                _("This import has already been started, or its file did not pass the check."),
                code="import_not_importable",
            )
        audit_record(actor=by, event=Event.IMPORT_CONFIRMED, subject=job)
        transaction.on_commit(lambda: _queue_run(job.pk))


def _queue_check(pk: int) -> None:
    from .tasks import check

    try:
        check.delay(pk)
    except Exception as exc:  # noqa: BLE001 - any broker failure: the job says so, nothing is lost
        logger.warning("import job %s: check not queued (%s)", pk, exc.__class__.__name__)
        ImportJob.objects.filter(pk=pk, status=JobStatus.QUEUED).update(
            status=JobStatus.FAILED,
            content=b"",
            failure=str(_("The check could not be started. Upload the file again later.")),
            finished_at=timezone.now(),
        )


def _queue_run(pk: int) -> None:
    from .tasks import run

    try:
        run.delay(pk)
    except Exception as exc:  # noqa: BLE001 - any broker failure: back to checked, to confirm again
        logger.warning("import job %s: import not queued (%s)", pk, exc.__class__.__name__)
        ImportJob.objects.filter(pk=pk, status=JobStatus.IMPORTING, rows_done=0).update(
            status=JobStatus.CHECKED, confirmed_by=None, confirmed_at=None
        )


# A checked file that nobody confirms, and a job whose worker never finished it, do not keep
# their file (personal data) for long: after these they end as "not imported", without the file.
UNCONFIRMED_KEPT = dt.timedelta(hours=24)
RUNNING_AT_MOST = dt.timedelta(hours=6)


def import_jobs_expire(*, now: dt.datetime | None = None) -> dict[str, int]:
    """End unconfirmed and stalled jobs and drop their files; returns the counts.

    A job still importing past RUNNING_AT_MOST is ended too: if its worker were somehow still
    at it, its last statement (importing → done, conditional) would find the job failed and its
    transaction would roll back, so nothing is ever half imported.
    """
    now = now or timezone.now()
    ended = {"unconfirmed": 0, "stalled": 0}
    with transaction.atomic():
        unconfirmed = ImportJob.objects.filter(
            status=JobStatus.CHECKED, checked_at__lt=now - UNCONFIRMED_KEPT
        )
        ended["unconfirmed"] = unconfirmed.update(
            status=JobStatus.FAILED,
            content=b"",
            failure=str(_("Not confirmed within 24 hours: the file has been removed. Upload it again.")),
            finished_at=now,
        )
        stalled = ImportJob.objects.filter(status__in=RUNNING, created_at__lt=now - RUNNING_AT_MOST).filter(
            Q(confirmed_at__isnull=True) | Q(confirmed_at__lt=now - RUNNING_AT_MOST)
        )
        ended["stalled"] = stalled.update(
            status=JobStatus.FAILED,
            content=b"",
            failure=str(
                _("nothing was stored: the check or the import did not finish. Upload the file again.")
            ),
            finished_at=now,
        )
        if ended["unconfirmed"] or ended["stalled"]:
            audit_record(actor=None, event=Event.IMPORT_JOBS_EXPIRED, new=ended)
    logger.info("import jobs expired: %s", ended)
    return ended
