"""Who looked at an intervention file, and when: read back from the audit log."""

from __future__ import annotations

from django.db.models import QuerySet

from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent

# The events that record somebody looking at an intervention file (one row per view).
FILE_VIEW_EVENTS = (Event.INTERVENTION_VIEWED, Event.INTERVENTION_VIEWERS_VIEWED)


def file_views(*, intervention) -> QuerySet[AuditEvent]:
    """Who looked at this intervention file, and when: newest first."""
    return (
        AuditEvent.objects.filter(
            subject_type=intervention._meta.label_lower,
            subject_id=str(intervention.uuid),
            event__in=FILE_VIEW_EVENTS,
        )
        .select_related("actor")
        .only("at", "event", "actor_label", "actor__first_name", "actor__last_name", "actor__role")
        .order_by("-at", "-id")
    )
