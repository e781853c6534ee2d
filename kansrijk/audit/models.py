from django.conf import settings
from django.db import models

from .events import actor_display, event_label, subject_type_label


class AppendOnlyError(Exception):
    """Raised when code tries to change or remove an audit row."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("audit rows cannot be changed")

    def delete(self):
        raise AppendOnlyError("audit rows cannot be deleted")


class AuditEvent(models.Model):
    """One append-only audit row: who did or saw what, to which object, when, from where.

    Written by services (changes, with old and new values), by what builds a page of case
    content (reads) and for refused access (kansrijk/core/lookups.py). Nothing in the
    application updates or deletes these rows.
    """

    # The application's database role gets SELECT and INSERT only (kansrijk/core/dbroles.py).
    append_only = True

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    # No database constraint and no cascade: removing a user must not touch the rows that record
    # what they did (an UPDATE the trigger would refuse anyway); actor_label keeps the name.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(max_length=150, blank=True)
    event = models.CharField(max_length=64)
    subject_type = models.CharField(max_length=64)
    subject_id = models.CharField(max_length=64)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    old = models.JSONField(null=True, blank=True)
    new = models.JSONField(null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"], name="audit_subject"),
            # The privacy officer's search narrows by user or by event, newest first.
            models.Index(fields=["actor_label", "-at"], name="audit_actor_at"),
            models.Index(fields=["event", "-at"], name="audit_event_at"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.event} {self.subject_type}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("audit rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("audit rows cannot be deleted")

    # In words for people: the Dutch label of the event, the kind of object and the actor.
    @property
    def event_display(self) -> str:
        return event_label(self.event)

    @property
    def actor_display(self) -> str:
        return actor_display(self.actor_label)

    @property
    def subject_type_display(self) -> str:
        return subject_type_label(self.subject_type)
