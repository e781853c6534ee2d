from __future__ import annotations

from typing import Any

from django.db import models

from .models import AuditEvent

# Set by the request middleware (issue 6) so services need not pass the request around.
_current_ip: str | None = None


def audit_record(
    *,
    actor,
    event: str,
    subject: models.Model,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit row. Call inside the same transaction as the change it records."""
    return AuditEvent.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_label=actor.get_username() if actor is not None and actor.pk else "system",
        event=event,
        subject_type=subject._meta.label_lower,
        subject_id=str(getattr(subject, "uuid", subject.pk)),
        ip_address=_current_ip,
        old=old,
        new=new,
    )
