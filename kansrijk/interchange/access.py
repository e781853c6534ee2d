"""Who sees the web import: the functional administrator, every job whoever uploaded it.

Anyone else is refused (403) before a job is looked up, so the answer tells nothing about what
exists (the refusal of a job that exists is recorded all the same, kansrijk/core/lookups.py).
The file's bytes are never loaded for a page (`defer`): the page polls every second.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from kansrijk.accounts.policy import may_import_interventions
from kansrijk.core.lookups import forbidden, visible_or_404

from .models import ImportJob


def require_importer(user) -> None:
    if not may_import_interventions(user):
        raise PermissionDenied


def import_jobs_visible_to(user):
    if not may_import_interventions(user):
        return ImportJob.objects.none()
    return ImportJob.objects.defer("content").select_related("uploaded_by", "confirmed_by")


def get_import_job_for_user(user, uuid) -> ImportJob:
    if not may_import_interventions(user):
        raise forbidden(ImportJob, uuid, user=user)
    return visible_or_404(import_jobs_visible_to(user), uuid, user=user)
