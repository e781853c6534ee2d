"""Log lines: JSON with a UTC time, level, logger and the request id, which the response
carries back."""

from __future__ import annotations

import io
import json
import logging

import pytest

from kansrijk.core.logs import KansrijkJsonFormatter, PrivatePathFilter, RequestIdFilter, request_id

pytestmark = pytest.mark.django_db


def test_the_request_id_from_the_proxy_is_kept_and_sent_back(client):
    response = client.get("/gezondheid/", headers={"x-request-id": "0f6d2c1e9b7a4d55a1c3e2f4b6a8c0d2"})

    assert response["X-Request-ID"] == "0f6d2c1e9b7a4d55a1c3e2f4b6a8c0d2"


def test_a_missing_or_odd_request_id_is_replaced_by_a_new_one(client):
    made = client.get("/gezondheid/")["X-Request-ID"]
    odd = client.get("/gezondheid/", headers={"x-request-id": "<script>alert(1)</script>"})["X-Request-ID"]
    again = client.get("/gezondheid/")["X-Request-ID"]

    assert len(made) == 32 and made != again
    assert odd != "<script>alert(1)</script>" and len(odd) == 32


def test_a_log_line_is_one_json_object_with_utc_time_level_logger_and_request_id():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(KansrijkJsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("kansrijk.test.logs")
    logger.addHandler(handler)
    token = request_id.set("abc123def456")
    try:
        logger.warning("outbox: message %s failed", 42)
    finally:
        request_id.reset(token)
        logger.removeHandler(handler)

    line = json.loads(stream.getvalue())
    assert line["level"] == "WARNING"
    assert line["logger"] == "kansrijk.test.logs"
    assert line["message"] == "outbox: message 42 failed"
    assert line["request_id"] == "abc123def456"
    assert line["time"].endswith(("+00:00", "Z"))


def test_django_request_lines_carry_no_link_token_and_no_query_string(client, settings):
    """An expired invitation link that 404s: the log line is still worth nothing to its reader."""
    assert "private_paths" in settings.LOGGING["handlers"]["console"]["filters"]
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(KansrijkJsonFormatter())
    handler.addFilter(RequestIdFilter())
    handler.addFilter(PrivatePathFilter())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = client.get("/uitnodiging/S3cretInvitationToken/nergens/?naam=Jansen")
        client.get("/evaluatie/0f6d2c1e-9b7a-4d55-a1c3-e2f4b6a8c0d2/Another-Secret-Token/nergens/")
    finally:
        logger.removeHandler(handler)

    assert response.status_code == 404
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert len(lines) == 2
    text = stream.getvalue()
    assert "S3cretInvitationToken" not in text and "Another-Secret-Token" not in text
    assert "Jansen" not in text
    assert lines[0]["message"] == "Not Found: /uitnodiging/[token]/nergens/"
    assert lines[0]["request"] == "GET /uitnodiging/[token]/nergens/"
