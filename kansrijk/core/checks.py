"""System checks: what production needs beyond Django's own deployment checks.

The safe defaults (kansrijk.E010–E012) run with every command and at the start of gunicorn and
Celery: without DEBUG=true, Kansrijk does not start on a development key or address.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured


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


def unsafe_production_settings() -> list[CheckMessage]:
    """What production (DEBUG not true) may not start without: its own key, its host names and
    an https address for the links in e-mails and QR codes."""
    if settings.DEBUG:
        return []
    problems: list[CheckMessage] = []
    if not getattr(settings, "SECRET_KEY_FROM_ENVIRONMENT", True):
        problems.append(
            Error(
                "SECRET_KEY is not set: sessions, invitations and evaluation links would be signed "
                "with a key nobody chose.",
                hint="Set SECRET_KEY to a long random value, or DEBUG=true for development.",
                id="kansrijk.E010",
            )
        )
    if not settings.ALLOWED_HOSTS:
        problems.append(
            Error(
                "ALLOWED_HOSTS is not set: every request would be refused.",
                hint="Set ALLOWED_HOSTS to the host name(s) Kansrijk is reached by.",
                id="kansrijk.E011",
            )
        )
    if not settings.SITE_URL.startswith("https://"):
        problems.append(
            Error(
                "SITE_URL is not an https address: links in e-mails and QR codes would go out "
                "unencrypted or point to a development address.",
                hint="Set SITE_URL=https://<the host name>.",
                id="kansrijk.E012",
            )
        )
    return problems


@register(Tags.security)
def production_needs_its_own_settings(app_configs, **kwargs):
    return unsafe_production_settings()


def refuse_unsafe_start() -> None:
    """For the entry points that run no system checks (gunicorn via wsgi.py, Celery): stop with
    the same errors `manage.py check` shows."""
    problems = unsafe_production_settings()
    if problems:
        raise ImproperlyConfigured(" ".join(f"{problem.id}: {problem.msg}" for problem in problems))
