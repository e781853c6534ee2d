from django.db import models
from django.utils.translation import gettext_lazy as _

# The largest file the web import takes: nginx's client_max_body_size (deploy/nginx/kansrijk.conf,
# 20m). A file just below it may still be refused by nginx, whose limit counts the whole form.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for the check")
    CHECKING = "checking", _("Being checked")
    CHECKED = "checked", _("Checked")
    IMPORTING = "importing", _("Being imported")
    DONE = "done", _("Imported")
    # Refused by the check (invalid rows, an unreadable file) or the import: nothing stored.
    FAILED = "failed", _("Not imported")


RUNNING = frozenset({JobStatus.QUEUED, JobStatus.CHECKING, JobStatus.IMPORTING})


class FileKind(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"
