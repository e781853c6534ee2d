from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from django.db import models

from .models import AuditEvent

# The address of the request being handled, set by AuditContextMiddleware, so that services can
# record "from where" without passing the request through every call.
current_ip: ContextVar[str | None] = ContextVar("audit_current_ip", default=None)


def audit_record(
    *,
    actor,
    event: str,
    subject: models.Model | None = None,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit row. Call inside the same transaction as the change it records.

    `subject` is the object the event is about. Leave it out only for an event about no stored
    object, such as a failed login for a username nobody has: the subject columns stay empty.
    """
    known_actor = actor is not None and actor.pk is not None
    return AuditEvent.objects.create(
        actor=actor if known_actor else None,
        actor_label=actor.get_username() if known_actor else "system",
        event=event,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(getattr(subject, "uuid", subject.pk)) if subject is not None else "",
        ip_address=current_ip.get(),
        old=old,
        new=new,
    )
