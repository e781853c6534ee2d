"""Log lines that operators can search and that carry nothing personal.

Each request gets an id: the one the proxy sent in X-Request-ID (nginx's $request_id) if it
looks like one, else a new one. It is on every log line written while the request is handled
and is sent back in the X-Request-ID response header, so a user's report ("it went wrong at
14:02") and nginx's, gunicorn's and Django's lines can be matched. Log messages name ids and
counts, never names, addresses or case content.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid

from pythonjsonlogger.json import JsonFormatter

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

# Letters, digits and dashes, as nginx and most proxies make them; anything else is replaced.
_VALID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{7,63}$")


class RequestIdMiddleware:
    """First in the chain: every later log line of the request carries its id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.META.get("HTTP_X_REQUEST_ID", "")
        value = offered if _VALID.match(offered) else uuid.uuid4().hex
        token = request_id.set(value)
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = value
            return response
        finally:
            request_id.reset(token)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to every record (a dash outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        return True


# Paths whose last segment is a bearer token: an invitation to choose a password and an
# evaluation questionnaire (kansrijk/urls.py, kansrijk/evaluations/urls.py). deploy/gunicorn.conf.py
# masks the same paths in gunicorn's access log, which is written before Django is loaded.
_TOKEN_PATHS = re.compile(r"(/uitnodiging/|/evaluatie/[0-9a-fA-F-]+/)[^/\s'\"?]+")


def mask_tokens(text: str) -> str:
    """`text` with the token of every invitation or evaluation link replaced by "[token]"."""
    return _TOKEN_PATHS.sub(r"\1[token]", text)


class PrivatePathFilter(logging.Filter):
    """Keeps tokens and query strings out of the log.

    Django's request logger writes "Not Found: <path>" and attaches the request, whose text
    includes the query string; for an expired invitation or evaluation link the path itself is
    a secret that whoever reads the log could still try. The message gets the tokens masked and
    the request becomes its method and masked path, without the query string.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            record.request = f"{request.method} {mask_tokens(request.path)}"
        if record.args or "/" in str(record.msg):
            record.msg = mask_tokens(record.getMessage())
            record.args = ()
        return True


class KansrijkJsonFormatter(JsonFormatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        super().__init__("%(levelname)s %(name)s %(message)s %(request_id)s", *args, **kwargs)
