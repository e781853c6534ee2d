"""The outbox: every e-mail Kansrijk sends is first a row here.

The row is written in the same transaction as the change that causes the message, so a change
that is rolled back sends nothing and a committed change always has its message. A Celery task
delivers it afterwards (kansrijk/outbox/delivery.py); no request and no transaction waits on
a mail server.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.core.constraints import choices_constraint

from .constants import MailKind, MailStatus


class OutgoingMail(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=32, choices=MailKind.choices)
    # Whose team leads see the message if it cannot be delivered; null for messages that belong
    # to no region.
    region = models.ForeignKey(
        "organisations.Region", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The case or referral reference the message is about (a code, never a name), for the team
    # lead who follows up a failure.
    reference = models.CharField(_("reference"), max_length=32, blank=True)
    to = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    body = models.TextField()
    status = models.CharField(
        _("status"), max_length=16, choices=MailStatus.choices, default=MailStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)
    # What went wrong last, as a class name or an SMTP code: never the address or the text.
    last_error = models.CharField(_("last error"), max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["region", "status", "-created_at"], name="outbox_region_status"),
        ]
        constraints = [
            choices_constraint("outbox", "kind", MailKind),
            choices_constraint("outbox", "status", MailStatus),
            models.CheckConstraint(
                condition=~Q(status=MailStatus.SENT) | Q(sent_at__isnull=False), name="outbox_sent_has_time"
            ),
            models.CheckConstraint(
                condition=~Q(status=MailStatus.FAILED) | Q(failed_at__isnull=False),
                name="outbox_failed_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.uuid} ({self.status})"
