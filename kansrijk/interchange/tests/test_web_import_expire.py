"""Jobs nobody confirms, or that never finish, do not keep their file: the hourly clean-up."""

import datetime as dt

import pytest
from django.utils import timezone

from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.interchange.constants import JobStatus
from kansrijk.interchange.models import ImportJob
from kansrijk.interchange.services import import_job_confirm, import_jobs_expire
from kansrijk.interchange.tasks import expire
from kansrijk.interventions.models import Intervention

from .helpers import valid_row, write_csv
from .web import latest_job, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def checked_job(client, admin_user, django_capture_on_commit_callbacks, tmp_path):
    client.force_login(admin_user)
    content = write_csv(tmp_path / "x.csv", [valid_row()]).read_bytes()
    upload(client, django_capture_on_commit_callbacks, "x.csv", content)
    job = latest_job()
    assert job.status == JobStatus.CHECKED and bytes(job.content)
    return job


def test_a_checked_file_nobody_confirms_is_removed_after_a_day(checked_job):
    checked = checked_job.checked_at

    assert import_jobs_expire(now=checked + dt.timedelta(hours=23)) == {"unconfirmed": 0, "stalled": 0}
    assert ImportJob.objects.get(pk=checked_job.pk).status == JobStatus.CHECKED

    assert import_jobs_expire(now=checked + dt.timedelta(hours=25)) == {"unconfirmed": 1, "stalled": 0}
    job = ImportJob.objects.get(pk=checked_job.pk)
    assert job.status == JobStatus.FAILED
    assert bytes(job.content) == b""
    assert "24" in job.failure
    row = AuditEvent.objects.get(event=Event.IMPORT_JOBS_EXPIRED)
    assert row.new == {"unconfirmed": 1, "stalled": 0}


def test_a_job_whose_worker_never_finished_is_ended_and_a_late_worker_stores_nothing(
    checked_job, admin_user, django_capture_on_commit_callbacks
):
    # Confirmed, but the import task never runs (its worker died).
    import_job_confirm(job=checked_job, by=admin_user)
    later = timezone.now() + dt.timedelta(hours=7)

    assert import_jobs_expire(now=later)["stalled"] == 1

    job = ImportJob.objects.get(pk=checked_job.pk)
    assert job.status == JobStatus.FAILED and bytes(job.content) == b""
    # The task delivered after all finds the job ended and imports nothing.
    from kansrijk.interchange.background import import_job_run

    import_job_run(job.pk)
    assert not Intervention.objects.exists()
    assert ImportJob.objects.get(pk=job.pk).status == JobStatus.FAILED


def test_the_scheduled_task_runs_the_clean_up(settings):
    assert settings.CELERY_BEAT_SCHEDULE["import-jobs-expire"]["task"] == "interchange.expire"
    assert "stalled" in expire()
