from __future__ import annotations

import datetime as dt
from contextvars import ContextVar
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.functional import Promise

from .events import SYSTEM_ACTOR, Event
from .models import AuditEvent

# The address of the request being handled, set by AuditContextMiddleware, so that services can
# record "from where" without passing the request through every call.
current_ip: ContextVar[str | None] = ContextVar("audit_current_ip", default=None)


def audit_record(
    *,
    actor,
    event: Event,
    subject: models.Model | None = None,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit row. Call inside the same transaction as the change it records.

    `subject` is the object the event is about. Leave it out only for an event about no stored
    object, such as a failed login for a username nobody has: the subject columns stay empty.
    `event` is one of `Event`; any other code is a programming error (ValueError).
    """
    event = Event(event)
    known_actor = actor is not None and actor.pk is not None
    return AuditEvent.objects.create(
        actor=actor if known_actor else None,
        actor_label=actor.get_username() if known_actor else SYSTEM_ACTOR,
        event=event,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(getattr(subject, "uuid", subject.pk)) if subject is not None else "",
        ip_address=current_ip.get(),
        old=old,
        new=new,
    )


def audit_values(**values: Any) -> dict[str, Any]:
    """Values as the audit log stores them (JSON).

    Audit rows are never deleted, while case content is removed after the retention period;
    so callers pass codes, dates and ids here, not free text that may describe a person.
    """
    return {key: _jsonable(value) for key, value in values.items()}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        # One time zone for all rows, whatever the caller or the database handed over.
        return timezone.localtime(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(getattr(value, "uuid", value.pk))
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(item) for item in value]
    if isinstance(value, Promise):
        return str(value)
    return value
