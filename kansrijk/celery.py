"""The Celery application: `celery -A kansrijk worker` and `celery -A kansrijk beat`.

Configured from Django's settings (the CELERY_* names); without CELERY_BROKER_URL (the demo and
the tests) every task runs in the process that queues it.
"""

import os

from celery import Celery
from celery.signals import beat_init, worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.settings")

app = Celery("kansrijk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
@beat_init.connect
def refuse_unsafe_start(**kwargs) -> None:
    """The worker and beat refuse to start on unsafe production settings, as gunicorn does.

    Celery logs and swallows an exception from a signal handler, so this exits instead.
    """
    from django.core.exceptions import ImproperlyConfigured

    from kansrijk.core.checks import refuse_unsafe_start

    try:
        refuse_unsafe_start()
    except ImproperlyConfigured as problem:
        raise SystemExit(f"Kansrijk will not start: {problem}") from None
