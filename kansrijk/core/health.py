"""Health checks for the load balancer and the operator.

/gezondheid/         liveness: the process answers; touches nothing else.
/gezondheid/gereed/  readiness: the database and Redis (cache and broker, where configured)
                     answer; 503 naming the part that does not, and nothing more.

Both answer over plain HTTP too (SECURE_REDIRECT_EXEMPT) and set no cookie.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def live(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def ready(request):
    checks = {"database": _database()}
    if settings.REDIS_URL:
        checks["cache"] = _cache()
    if settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        checks["broker"] = _broker()
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks}, status=200 if healthy else 503
    )


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means not ready
        logger.warning("readiness: database unavailable (%s)", exc.__class__.__name__)
        # Drop the broken connection so the next check connects afresh.
        try:
            if not connection.in_atomic_block:
                connection.close()
        except Exception:  # noqa: BLE001, S110 - it is broken already
            pass
        return "unavailable"
    return "ok"


def _cache() -> str:
    try:
        cache.set("kansrijk:health", "ok", timeout=10)
        ok = cache.get("kansrijk:health") == "ok"
    except Exception as exc:  # noqa: BLE001
        logger.warning("readiness: cache unavailable (%s)", exc.__class__.__name__)
        return "unavailable"
    return "ok" if ok else "unavailable"


def _broker() -> str:
    import redis

    try:
        client = redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=2, socket_timeout=2)
        client.ping()
    except Exception as exc:  # noqa: BLE001
        logger.warning("readiness: broker unavailable (%s)", exc.__class__.__name__)
        return "unavailable"
    return "ok"
