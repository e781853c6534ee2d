"""Celery task: the nightly retention run (settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from kansrijk.core.jobs import run_job

from .services import retention_apply


@shared_task(name="retention.apply", ignore_result=True)
def apply() -> str:
    result = run_job("retention", lambda: retention_apply(dry_run=False).as_dict())
    return str(result)
