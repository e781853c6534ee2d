"""Data-subject requests (docs/process.md §4, Rights): each request and how it was handled.

A request stays after the person's data are gone: the register shows that a request was made,
when, and how it was answered (AVG article 5(2), accountability). It holds no copy of the
person's data: the link to the young person survives erasure as an empty key, the link to a
parent is cleared when the parent's row is removed, and `subject_kind` says whom it was about.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import Decision, Requester, RequestKind, RequestStatus, SubjectKind


class DataSubjectRequest(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    reference = models.CharField(_("reference"), max_length=32, unique=True)
    kind = models.CharField(_("kind of request"), max_length=16, choices=RequestKind.choices)
    subject_kind = models.CharField(_("about"), max_length=16, choices=SubjectKind.choices)
    young_person = models.ForeignKey(
        "people.YoungPerson",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("young person"),
    )
    parent = models.ForeignKey(
        "people.Parent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("parent or carer"),
    )
    requester = models.CharField(_("made by"), max_length=16, choices=Requester.choices)
    received_on = models.DateField(_("received on"))
    # One month from receipt (AVG article 12(3)); extended by at most two more, with a reason.
    due_on = models.DateField(_("answer due on"))
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices, blank=True)
    handled_on = models.DateField(_("answered on"), null=True, blank=True)
    handling = models.TextField(_("how it was handled"), blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("data-subject request")
        verbose_name_plural = _("data-subject requests")
        indexes = [models.Index(fields=["status", "due_on"], name="rights_request_status_due")]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN
