"""`Idempotency-Key`: a partner system's POST, sent again with the same key, happens once.

A system that got no answer (a timeout, a dropped connection) cannot know whether its referral
arrived; sending it again with the same `Idempotency-Key` header is safe (docs/api.md). The key is
a `Submission` of the API key's scope (core/once.py), written in the transaction of what the call
creates:

- same key, same request (the same JSON, whatever its spacing or order of fields): the first
  answer again, status and body, with `Idempotent-Replayed: true`; nothing is stored twice;
- same key, another request: 422, nothing stored;
- a call that was refused (400) stores nothing: its key may be used again;
- keys count per API key and for 24 hours; a call without the header is processed as always.
"""

from __future__ import annotations

import functools
import hashlib
import json

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import status
from rest_framework.response import Response
from rest_framework.utils.encoders import JSONEncoder

from kansrijk.core.models import Submission
from kansrijk.core.once import (
    MAX_KEY_LENGTH,
    Duplicate,
    submission_answered,
    submission_claim,
    submission_earlier,
)

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"

PARAMETER = OpenApiParameter(
    name=HEADER,
    type=str,
    location=OpenApiParameter.HEADER,
    required=False,
    description=(
        "A key of your own choosing, unique per request (a UUID, say), at most 255 printable ASCII "
        "characters. Sent again with the same key and the same body (within 24 hours, with the "
        "same API key), the request is not processed again: the first answer is returned, with "
        "the header `Idempotent-Replayed: true`. The same key with another body is refused with "
        "422. A request that was refused (400) stores nothing; its key may be used again."
    ),
)
RESPONSES = {
    409: OpenApiResponse(description="The Idempotency-Key's first request had just expired; send it again."),
    422: OpenApiResponse(description="The Idempotency-Key was used before for another request."),
}


class _Refused(Exception):
    """The call was answered with an error: nothing it did, and not its key, is kept."""

    def __init__(self, response: Response):
        super().__init__("refused")
        self.response = response


def idempotent(post):
    """Make an API view's `post` honour the Idempotency-Key header."""

    @functools.wraps(post)
    def wrapper(view, request, *args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return post(view, request, *args, **kwargs)
        if not (0 < len(key) <= MAX_KEY_LENGTH and key.isascii() and key.isprintable()):
            return Response(
                {
                    "detail": _("The Idempotency-Key must be 1 to 255 printable ASCII characters."),
                    "code": "idempotency_key_invalid",
                },
                status=status.HTTP_400_BAD_REQUEST,
            )
        scope = f"api:{request.user.token.pk}"
        fingerprint = _fingerprint(request)
        earlier = submission_earlier(scope=scope, key=key)
        if earlier is not None:
            return _again(earlier, fingerprint)
        try:
            with transaction.atomic():
                claimed = submission_claim(scope=scope, key=key, fingerprint=fingerprint)
                response = post(view, request, *args, **kwargs)
                if not status.is_success(response.status_code):
                    raise _Refused(response)
                body = json.dumps(response.data, cls=JSONEncoder)
                submission_answered(claimed, status=response.status_code, body=body)
        except _Refused as refused:
            return refused.response
        except Duplicate:
            # The same key, sent at the same moment, got there first.
            return _again(submission_earlier(scope=scope, key=key), fingerprint)
        return response

    return wrapper


def _fingerprint(request) -> str:
    """What the call asks, independent of JSON spacing and order: method, path and data."""
    data = json.dumps(request.data, cls=JSONEncoder, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{request.method} {request.path}\n{data}".encode()).hexdigest()


def _again(earlier: Submission | None, fingerprint: str) -> Response:
    if earlier is None:
        # Taken, and gone again by the time it was read (it expired meanwhile): rare enough to
        # let the caller send it once more.
        return Response(
            {"detail": _("Send the request again."), "code": "idempotency_key_busy"},
            status=status.HTTP_409_CONFLICT,
        )
    if earlier.fingerprint != fingerprint:
        return Response(
            {
                "detail": _("This Idempotency-Key was used before for another request."),
                "code": "idempotency_key_reused",
            },
            status=status.HTTP_422_UNPROCESSABLE_ENTITY,
        )
    replayed = json.loads(earlier.body)
    return Response(replayed, status=earlier.status or status.HTTP_200_OK, headers={REPLAYED_HEADER: "true"})
