"""Celery tasks of the web import: the check and the import (queued by services.py), and the
hourly clean-up of jobs nobody confirmed or that never finished (Celery beat)."""

from celery import shared_task

from kansrijk.core.jobs import run_job

from .background import import_job_check, import_job_run
from .services import import_jobs_expire


@shared_task(name="interchange.check", ignore_result=True)
def check(job_pk: int) -> None:
    import_job_check(job_pk)


@shared_task(name="interchange.run", ignore_result=True)
def run(job_pk: int) -> None:
    import_job_run(job_pk)


@shared_task(name="interchange.expire", ignore_result=True)
def expire() -> str:
    return str(run_job("import-jobs-expire", import_jobs_expire))
