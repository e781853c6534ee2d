"""A second confirm of the same job, or a second run of its task, imports nothing again."""

import pytest
from django.urls import reverse

from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.interchange.background import import_job_run
from kansrijk.interchange.constants import JobStatus
from kansrijk.interchange.services import import_job_confirm
from kansrijk.interventions.models import Intervention

from .helpers import valid_row, write_csv
from .web import confirm, latest_job, upload


@pytest.fixture
def checked_job(client, admin_user, django_capture_on_commit_callbacks, tmp_path):
    rows = [valid_row(), valid_row(reference="OLD-2", youth_id="Y-2")]
    client.force_login(admin_user)
    upload(
        client, django_capture_on_commit_callbacks, "x.csv", write_csv(tmp_path / "x.csv", rows).read_bytes()
    )
    job = latest_job()
    assert job.status == JobStatus.CHECKED
    return job


@pytest.mark.django_db
def test_a_second_confirm_imports_nothing(client, checked_job, django_capture_on_commit_callbacks):
    confirm(client, django_capture_on_commit_callbacks, checked_job)
    response = confirm(client, django_capture_on_commit_callbacks, checked_job)

    assert response.status_code == 302
    checked_job.refresh_from_db()
    assert checked_job.status == JobStatus.DONE
    assert checked_job.interventions == 2
    assert Intervention.objects.count() == 2
    assert AuditEvent.objects.filter(event=Event.IMPORT_CONFIRMED).count() == 1
    assert AuditEvent.objects.filter(event=Event.INTERVENTIONS_IMPORTED).count() == 1
    page = client.get(response["Location"]).content.decode()
    assert "Deze import is al gestart, of het bestand is niet door de controle gekomen." in page


@pytest.mark.django_db
def test_a_task_delivered_twice_imports_once(checked_job, admin_user):
    import_job_confirm(job=checked_job, by=admin_user)  # queued, not yet run (no commit here)

    import_job_run(checked_job.pk)
    import_job_run(checked_job.pk)

    checked_job.refresh_from_db()
    assert checked_job.status == JobStatus.DONE
    assert Intervention.objects.count() == 2


@pytest.mark.django_db
def test_a_job_can_not_be_confirmed_before_its_check(client, admin_user, django_capture_on_commit_callbacks):
    from .test_web_import_progress import make_job

    job = make_job(admin_user, status=JobStatus.CHECKING)
    client.force_login(admin_user)

    response = confirm(client, django_capture_on_commit_callbacks, job)

    assert response["Location"] == reverse("interchange:job", args=[job.uuid])
    job.refresh_from_db()
    assert job.status == JobStatus.CHECKING
