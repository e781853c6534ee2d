"""`manage.py check --deploy`: what production needs beyond Django's own deployment checks."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register


@register(Tags.compatibility, deploy=True)
def production_parts(app_configs, **kwargs):
    problems: list[CheckMessage] = []
    if not settings.CELERY_BROKER_URL:
        problems.append(
            Error(
                "CELERY_BROKER_URL is not set: tasks run inside the request that queues them, so a "
                "slow mail server would hold up pages.",
                hint="Set CELERY_BROKER_URL=redis://127.0.0.1:6379/0 and run the worker and beat "
                "(docs/deployment.md).",
                id="kansrijk.E001",
            )
        )
    if not settings.REDIS_URL:
        problems.append(
            Warning(
                "REDIS_URL is not set: the cache (API throttling) is counted per process, so "
                "several workers multiply the limit.",
                hint="Set REDIS_URL=redis://127.0.0.1:6379/1 (docs/deployment.md).",
                id="kansrijk.W001",
            )
        )
    return problems
