"""An import from the web: the uploaded file and where its check and import stand.

The file's bytes are kept in the database, not on a local disk: the app server that takes the
upload and the worker that imports it are often different machines, and the database is what
they share (docs/deployment.md §18). The bytes are emptied as soon as the job has ended.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import RUNNING, FileKind, JobStatus


class ImportJob(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    # Only the kind of file, never its name: a name may say whom it is about.
    kind = models.CharField(_("file type"), max_length=8, choices=FileKind.choices)
    size = models.PositiveIntegerField(_("size in bytes"))
    content = models.BinaryField(editable=False)
    status = models.CharField(_("status"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(null=True, blank=True)
    # The row errors of the last run: [{"row": 3, "column": "reference", "message": "…"}, …].
    problems = models.JSONField(default=list, blank=True)
    failure = models.TextField(blank=True)  # why the job failed (the file or the database)
    interventions = models.PositiveIntegerField(null=True, blank=True)
    young_people = models.PositiveIntegerField(null=True, blank=True)
    new_young_people = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=JobStatus.values), name="interchange_importjob_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return str(self.uuid)

    @property
    def running(self) -> bool:
        return self.status in RUNNING

    @property
    def importable(self) -> bool:
        """Checked without a problem (a check with problems ends as FAILED), not confirmed yet."""
        return self.status == JobStatus.CHECKED

    @property
    def invalid_rows(self) -> int:
        return len({problem["row"] for problem in self.problems})

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, self.rows_done * 100 // self.rows_total)
