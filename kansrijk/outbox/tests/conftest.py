from contextlib import contextmanager

import pytest

from kansrijk import celery_app

from .smtp import SmtpServer


@contextmanager
def broker(url: str):
    """Celery publishing to `url` instead of running tasks in-process; the connection pool is
    made afresh on the way in and out, so no connection to another broker is reused."""
    conf = celery_app.conf
    before = conf.task_always_eager, conf.broker_url

    def fresh_pool():
        # Private attributes of Celery's that its type stubs do not declare.
        celery_app._pool = None  # type: ignore[attr-defined]
        celery_app.amqp._producer_pool = None  # type: ignore[attr-defined]

    fresh_pool()
    # Item assignment, which is what the settings' attribute assignment does: the stubs have
    # `broker_url` as a read-only property.
    conf["task_always_eager"], conf["broker_url"] = False, url
    try:
        yield
    finally:
        conf["task_always_eager"], conf["broker_url"] = before
        fresh_pool()


@pytest.fixture
def worker_elsewhere():
    """Celery as in production: a queued task waits in the broker for a worker (here an
    in-memory broker with no worker), instead of running in the process that queued it."""
    with broker("memory://"):
        yield


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback that Django's SMTP backend talks to, with a 1 s timeout."""
    with SmtpServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_TIMEOUT = 1
        settings.EMAIL_USE_TLS = False
        yield server
