"""Writing e-mail to the outbox, inside the caller's transaction.

    mail_enqueue(to=[...], kind=MailKind.INVITATION, subject=_("..."), template="mail/x.txt",
                 context={...}, region_id=..., reference=...)

The message is rendered now, in Kansrijk's language, and stored as one row per address. Once
the transaction commits, each row is handed to the Celery worker; if that hand-over fails
(broker down), the minute sweep of Celery beat picks the row up (`outbox_deliver_due`).
Messages carry a link into Kansrijk and never personal details of young people or parents, nor
any other text a referrer or partner system typed (outbox/tests/test_mails_carry_no_outside_text.py).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .constants import MailKind
from .models import OutgoingMail

logger = logging.getLogger(__name__)


def absolute_url(view_name: str, *args: Any) -> str:
    """The address of a page for an e-mail: services have no request to build it from."""
    return settings.SITE_URL + reverse(view_name, args=args)


def mail_enqueue(
    *,
    to: Iterable[str],
    kind: MailKind,
    subject: Any,
    template: str,
    context: dict[str, Any],
    region_id: int | None = None,
    reference: str = "",
    language: str | None = None,
) -> list[OutgoingMail]:
    """Store one message per address; deliver after the current transaction commits."""
    recipients = sorted({address.strip() for address in to if address and address.strip()})
    if not recipients:
        return []
    with translation.override(language or settings.LANGUAGE_CODE):
        body = render_to_string(template, context)
        title = " ".join(str(subject).split())
    messages = OutgoingMail.objects.bulk_create(
        [
            OutgoingMail(
                kind=kind, region_id=region_id, reference=reference, to=address, subject=title, body=body
            )
            for address in recipients
        ]
    )
    pks = [message.pk for message in messages]
    transaction.on_commit(lambda: _hand_over(pks), robust=True)
    return messages


def _hand_over(pks: list[int]) -> None:
    """Queue the delivery tasks. The rows are committed: a broker that is down costs a delay
    (the sweep delivers them), never the change or an error page."""
    from .tasks import deliver

    for pk in pks:
        try:
            deliver.delay(pk)
        except Exception as exc:  # noqa: BLE001 - any broker failure; the sweep is the fallback
            logger.warning(
                "outbox: message %s not queued (%s); the sweep will deliver it", pk, exc.__class__.__name__
            )
