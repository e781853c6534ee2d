"""Exactly once: whatever a POST creates or changes happens once, however often it is sent.

A double click, a reload of the answer to a POST, a network that sends again: each sends the
same POST twice. Every form that writes therefore carries a one-time token, a random UUID made
when the page is rendered (`{% submission_token %}`, core/templatetags/once.py); partner
systems send an `Idempotency-Key` header instead (kansrijk/api/idempotency.py). Both are a
`Submission` row, written in the transaction of what the POST does:

- a POST with a key not seen before is processed, and its key stored with its answer (where a
  form's answer led; an API call's status and body);
- a POST with a key seen before stores nothing: a form goes where the first went, with "This
  was already saved."; an API call gets the first answer again;
- two at once: the unique constraint on (scope, key) lets one through. On PostgreSQL the second
  waits for the first's transaction and then gets its answer; if the first was refused, the
  second goes ahead;
- a POST that was refused (form errors, a step the rules forbid) stores nothing, so the form
  can be sent again, corrected, with its token;
- a POST without a key is processed as it always was: API clients that send no key, and pages
  rendered before the tokens existed. The browser's forms always carry one (tested for every
  form that posts: core/tests/test_once_every_form.py).

Keys are kept for a day (`KEEP`); the retention run removes older ones, and an older key counts
as new.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_htmx.http import HttpResponseClientRedirect

from .models import Submission

# The name of the hidden field that carries a form's token.
FORM_FIELD = "submission_token"
KEEP = dt.timedelta(hours=24)
MAX_KEY_LENGTH = 255

ALREADY_SAVED = _("This was already saved.")


class Duplicate(Exception):
    """The key is taken: by an earlier POST, or by one that committed while this one waited."""


def new_form_token() -> str:
    return str(uuid.uuid4())


def submission_earlier(*, scope: str, key: str, now: dt.datetime | None = None) -> Submission | None:
    """The stored POST with this key, unless it is older than `KEEP`."""
    now = now or timezone.now()
    return Submission.objects.filter(scope=scope, key=key, created_at__gte=now - KEEP).first()


def submission_claim(*, scope: str, key: str, fingerprint: str = "") -> Submission:
    """Take `key` for this POST, in the caller's transaction; `Duplicate` when it is taken.

    The caller writes what the POST does in the same transaction and then the answer
    (`submission_answered`): if that fails, the claim is rolled back with it.
    """
    now = timezone.now()
    # An expired key counts as new; its old row would otherwise block it until the purge.
    Submission.objects.filter(scope=scope, key=key, created_at__lt=now - KEEP).delete()
    try:
        with transaction.atomic():
            return Submission.objects.create(scope=scope, key=key, fingerprint=fingerprint, created_at=now)
    except IntegrityError:
        raise Duplicate from None


def submission_answered(
    submission: Submission, *, location: str = "", status: int | None = None, body: str = ""
) -> None:
    """Keep the answer of the POST that claimed `submission`, for its repeats."""
    submission.location = location[:2000]
    submission.status = status
    submission.body = body
    submission.save(update_fields=["location", "status", "body"])


def submissions_expired(*, now: dt.datetime):
    """The rows past `KEEP`: what the retention run removes."""
    return Submission.objects.filter(created_at__lt=now - KEEP)


# --- forms -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormSubmission:
    """A form POSTed with its token, by a logged-in user (the token's scope)."""

    request: HttpRequest
    key: str

    @classmethod
    def of(cls, request: HttpRequest | None) -> FormSubmission | None:
        """The posted token, if the POST carries a well-formed one; None otherwise."""
        if request is None or request.method != "POST" or not request.user.is_authenticated:
            return None
        try:
            key = str(uuid.UUID(request.POST.get(FORM_FIELD, "")))
        except ValueError:
            return None
        return cls(request, key)

    @property
    def scope(self) -> str:
        return f"user:{self.request.user.pk}"

    def earlier(self) -> Submission | None:
        return submission_earlier(scope=self.scope, key=self.key)

    def claim(self) -> Submission:
        return submission_claim(scope=self.scope, key=self.key)

    def answered(self, submission: Submission, response: HttpResponse) -> None:
        submission_answered(submission, location=_where(self.request, response))

    def again(self, earlier: Submission | None) -> HttpResponse:
        """The answer to a repeat: to where the first answer led, saying so."""
        messages.info(self.request, ALREADY_SAVED)
        location = (earlier.location if earlier is not None else "") or reverse("home")
        if getattr(self.request, "htmx", False):
            # A redirect would be followed inside the HTMX request and its page put in the
            # timeline's place; HX-Redirect makes the browser go there itself.
            return HttpResponseClientRedirect(location)
        return redirect(location)


def _where(request: HttpRequest, response: HttpResponse) -> str:
    """Where the answer to a form's POST led: its redirect, or (an HTMX answer, which updates the
    page in place) the page it was posted from. Only an address of ours, without the host."""
    if 300 <= response.status_code < 400 and response.has_header("Location"):
        candidate = response["Location"]
    else:
        candidate = request.headers.get("HX-Current-URL") or request.headers.get("Referer") or ""
    if not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    parts = urlsplit(candidate)
    return parts.path + (f"?{parts.query}" if parts.query else "")
