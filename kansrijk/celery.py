"""The Celery application: `celery -A kansrijk worker` and `celery -A kansrijk beat`.

Configured from Django's settings (the CELERY_* names); without CELERY_BROKER_URL (the demo and
the tests) every task runs in the process that queues it.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.settings")

app = Celery("kansrijk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
