"""Celery task: Django's session clean-up (settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task
from django.core.management import call_command

from .jobs import run_job


@shared_task(name="core.clearsessions", ignore_result=True)
def clearsessions() -> str:
    return str(run_job("clearsessions", lambda: call_command("clearsessions")))
