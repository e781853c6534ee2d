"""Celery task: the daily evaluation reminders (settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from kansrijk.core.jobs import run_job

from .services import evaluations_remind


@shared_task(name="evaluations.remind", ignore_result=True)
def remind() -> str:
    result = run_job("evaluation-reminders", evaluations_remind)
    return str(result)
