"""What people may see of the outbox: never the text or the address, only that a message of
some kind about some reference could not be delivered."""

from __future__ import annotations

from django.db.models import QuerySet

from .constants import MailStatus
from .models import OutgoingMail

SHOWN_FIELDS = ("uuid", "kind", "reference", "created_at", "failed_at", "attempts", "last_error")


def failed_messages(*, region_id: int) -> QuerySet[OutgoingMail]:
    """The undeliverable messages of a region, newest first, without content columns."""
    return (
        OutgoingMail.objects.filter(status=MailStatus.FAILED, region_id=region_id)
        .only(*SHOWN_FIELDS)
        .order_by("-failed_at", "-pk")
    )


def failure_reason(last_error: str) -> str:
    """The code of what went wrong, for the help text: refused (an SMTP 5xx, recorded by the
    delivery as "<error class> <code>") or not reached."""
    code = last_error.rpartition(" ")[2]
    return "refused" if code.isdigit() and int(code) >= 500 else "unreachable"
