"""Helpers for the web import's tests: uploading as the administrator, confirming."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kansrijk.interchange.models import ImportJob


def upload(client, django_capture_on_commit_callbacks, name: str, content: bytes):
    """POST a file to the upload form; the check runs (eagerly) once the upload has committed."""
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("interchange:jobs"), {"file": SimpleUploadedFile(name, content)})


def confirm(client, django_capture_on_commit_callbacks, job: ImportJob):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("interchange:job_confirm", args=[job.uuid]))


def latest_job() -> ImportJob:
    return ImportJob.objects.latest("pk")
