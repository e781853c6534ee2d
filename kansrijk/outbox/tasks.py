"""Celery tasks of the outbox (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from kansrijk.core.jobs import run_job

from .delivery import mail_deliver, outbox_clean, outbox_deliver_due


@shared_task(name="outbox.deliver", ignore_result=True)
def deliver(pk: int) -> str:
    return mail_deliver(pk)


@shared_task(name="outbox.deliver_due", ignore_result=True)
def deliver_due() -> str:
    return str(run_job("outbox-deliver-due", outbox_deliver_due))


@shared_task(name="outbox.clean", ignore_result=True)
def clean() -> str:
    return str(run_job("outbox-clean", outbox_clean))
