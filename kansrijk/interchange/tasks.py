"""Celery tasks of the web import (queued by services.py, never scheduled)."""

from celery import shared_task

from .background import import_job_check, import_job_run


@shared_task(name="interchange.check", ignore_result=True)
def check(job_pk: int) -> None:
    import_job_check(job_pk)


@shared_task(name="interchange.run", ignore_result=True)
def run(job_pk: int) -> None:
    import_job_run(job_pk)
