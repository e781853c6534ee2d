"""Delivering the outbox: one message at a time, no lock held while the mail server talks.

A message is claimed with one conditional UPDATE (pending → sending), sent outside any
transaction with the connection timeout EMAIL_TIMEOUT, and then marked sent, rescheduled with
back-off, or failed. A permanent refusal (an SMTP 5xx, such as 550 "no such user") fails that
message at once; anything else (timeout, connection refused, 4xx) is tried again later, up to
OUTBOX_MAX_ATTEMPTS times. One failing address never holds up the others. Logs carry the
message id and the error class, never the address.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.utils import timezone

from .constants import MailStatus
from .models import OutgoingMail

logger = logging.getLogger(__name__)

# A claimed message whose worker died mid-send is handed out again after this long.
STALE_CLAIM = timedelta(minutes=15)
# Back-off between attempts: 1, 2, 4, ... minutes, at most 6 hours.
FIRST_RETRY = timedelta(minutes=1)
LONGEST_RETRY = timedelta(hours=6)


@dataclass
class Outcome:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    skipped: int = 0

    def add(self, result: str) -> None:
        setattr(self, result, getattr(self, result) + 1)


def retry_delay(attempts: int) -> timedelta:
    return min(FIRST_RETRY * (2 ** max(attempts - 1, 0)), LONGEST_RETRY)


def mail_deliver(pk: int) -> str:
    """Try to deliver one message; returns "sent", "retried", "failed" or "skipped"."""
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(pk=pk, status=MailStatus.PENDING, next_attempt_at__lte=now).update(
        status=MailStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        # Sent already, failed, claimed by another worker, or not due yet.
        return "skipped"
    message = OutgoingMail.objects.get(pk=pk)
    try:
        EmailMessage(message.subject, message.body, to=[message.to]).send()
    except Exception as exc:  # noqa: BLE001 - every failure is recorded on the row
        return _record_failure(message, exc)
    OutgoingMail.objects.filter(pk=pk, status=MailStatus.SENDING).update(
        status=MailStatus.SENT, sent_at=timezone.now(), last_error=""
    )
    return "sent"


def outbox_deliver_due(*, limit: int = 500) -> Outcome:
    """Deliver every message that is due, oldest first (the minute sweep of Celery beat)."""
    now = timezone.now()
    OutgoingMail.objects.filter(status=MailStatus.SENDING, claimed_at__lt=now - STALE_CLAIM).update(
        status=MailStatus.PENDING
    )
    due = (
        OutgoingMail.objects.filter(status=MailStatus.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    outcome = Outcome()
    for pk in list(due):
        outcome.add(mail_deliver(pk))
    logger.info(
        "outbox sweep: %s sent, %s to retry, %s failed, %s skipped",
        outcome.sent,
        outcome.retried,
        outcome.failed,
        outcome.skipped,
    )
    return outcome


def outbox_clean(*, now=None) -> int:
    """Remove delivered messages after OUTBOX_KEEP_SENT_DAYS and failed ones after
    OUTBOX_KEEP_FAILED_DAYS: the outbox holds addresses, so it keeps them no longer than needed."""
    now = now or timezone.now()
    deleted, _ = OutgoingMail.objects.filter(
        Q(status=MailStatus.SENT, sent_at__lt=now - timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS))
        | Q(status=MailStatus.FAILED, failed_at__lt=now - timedelta(days=settings.OUTBOX_KEEP_FAILED_DAYS))
    ).delete()
    logger.info("outbox clean-up: %s message(s) removed", deleted)
    return deleted


def _record_failure(message: OutgoingMail, exc: Exception) -> str:
    code = _smtp_code(exc)
    error = f"{exc.__class__.__name__} {code}" if code else exc.__class__.__name__
    permanent = code is not None and code >= 500
    now = timezone.now()
    if permanent or message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        OutgoingMail.objects.filter(pk=message.pk, status=MailStatus.SENDING).update(
            status=MailStatus.FAILED, failed_at=now, last_error=error[:100]
        )
        logger.warning(
            "outbox: message %s failed after %s attempt(s): %s", message.pk, message.attempts, error
        )
        return "failed"
    OutgoingMail.objects.filter(pk=message.pk, status=MailStatus.SENDING).update(
        status=MailStatus.PENDING, next_attempt_at=now + retry_delay(message.attempts), last_error=error[:100]
    )
    logger.info("outbox: message %s will be tried again: %s", message.pk, error)
    return "retried"


def _smtp_code(exc: Exception) -> int | None:
    """The SMTP reply code of a refusal, if the server gave one."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        return max(codes) if codes else None
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code
    return None
