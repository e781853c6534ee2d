"""Gunicorn's configuration for Kansrijk (docs/deployment.md).

    .venv/bin/gunicorn -c deploy/gunicorn.conf.py kansrijk.wsgi:application

Settings come from the environment (the same file the application reads,
/etc/kansrijk/kansrijk.env in production):

GUNICORN_BIND       address to listen on (default 127.0.0.1:8001; several: comma-separated)
GUNICORN_WORKERS    worker processes (default 2 × the CPUs this process may use, + 1)
FORWARDED_ALLOW_IPS addresses of the proxies whose X-Forwarded-Proto is believed (default
                    127.0.0.1: nginx on the same machine)

Every line gunicorn itself writes is one JSON object on standard output: its own messages
(logger "gunicorn.error") and one line per request (logger "gunicorn.access") with the method,
the path without the query string, the status, the duration, the request id and the peer's
address. The query string stays out because it may hold what someone typed; the single-use
tokens in invitation and evaluation links are replaced by "[token]", because whoever reads the
log could otherwise use them.
"""

import json
import logging
import os
import re
from datetime import UTC, datetime


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


bind = [address.strip() for address in os.environ.get("GUNICORN_BIND", "127.0.0.1:8001").split(",")]
workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * _cpus() + 1)
# A request that takes longer is killed (its worker restarted) and nginx answers 502.
timeout = 30
# On a restart or stop, requests in progress get this long to finish.
graceful_timeout = 25
# Each worker is replaced after about a thousand requests: a slow leak never grows large. The
# jitter keeps the workers from restarting all at once.
max_requests = 1000
max_requests_jitter = 100
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "kansrijk"
# The workers' heartbeat files in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# No control socket (gunicorn 25.1+, in $HOME/.gunicorn): systemctl reload and restart manage the
# server. Older versions ignore the setting.
control_socket_disable = True

# Paths whose last segment is a bearer token: an invitation to choose a password, and an
# evaluation questionnaire (kansrijk/urls.py, kansrijk/evaluations/urls.py).
_TOKEN_PATHS = re.compile(r"^(/uitnodiging/|/evaluatie/[0-9a-fA-F-]+/)[^/]+")


def loggable_path(path: str) -> str:
    return _TOKEN_PATHS.sub(r"\1[token]", path)


def _atom(atoms, key: str):
    """An atom of gunicorn's access record, without the backslash gunicorn puts before every
    double quote (it escapes for its own text format; json.dumps escapes again)."""
    value = atoms[key]
    if isinstance(value, str):
        value = value.replace('\\"', '"')
    return None if value in ("-", "", None) else value


class JsonLines(logging.Formatter):
    """One JSON object per log record, with the time in UTC."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
        }
        atoms = record.args
        if record.name == "gunicorn.access" and isinstance(atoms, dict):
            status = _atom(atoms, "s")
            entry.update(
                method=_atom(atoms, "m"),
                path=loggable_path(_atom(atoms, "U") or ""),
                status=int(status) if str(status).isdigit() else status,
                duration_ms=round(atoms["D"] / 1000, 1),
                # nginx sets X-Request-ID; without it, the id the application made, when it
                # sends it back.
                request_id=_atom(atoms, "{x-request-id}i") or _atom(atoms, "{x-request-id}o"),
                remote_addr=_atom(atoms, "h"),
            )
        else:
            entry["message"] = record.getMessage()
            if record.exc_info:
                entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


# The access log is written because logconfig_dict configures its logger; gunicorn's own
# "accesslog" setting stays unset, or every request would be logged twice.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": JsonLines}},
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
    },
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
    },
    # Until Django configures its own logging in each worker (settings.LOGGING).
    "root": {"level": "INFO", "handlers": ["stdout"]},
}
