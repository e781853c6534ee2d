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
    """The code of what went wrong, for the help text: refused (5xx) or did not answer."""
    return "refused" if last_error.endswith(tuple(f" 5{n:02d}" for n in range(100))) else "unreachable"
