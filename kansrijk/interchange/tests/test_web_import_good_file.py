"""A good file through the web: upload, a clean check, confirm, imported, audited."""

import pytest
from django.urls import reverse

from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.interchange.constants import JobStatus
from kansrijk.interventions.models import Intervention
from kansrijk.people.models import YoungPerson

from .helpers import SAMPLE, valid_row, write_xlsx
from .web import confirm, latest_job, upload


@pytest.mark.django_db
def test_it_checks_then_imports_the_file_after_confirmation(
    client, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)

    response = upload(
        client, django_capture_on_commit_callbacks, "interventions-sample.csv", SAMPLE.read_bytes()
    )

    job = latest_job()
    assert response.status_code == 302
    assert response["Location"] == reverse("interchange:job", args=[job.uuid])
    assert job.status == JobStatus.CHECKED
    assert (job.rows_done, job.rows_total, job.problems) == (300, 300, [])
    assert Intervention.objects.count() == 0  # the check stored nothing
    page = client.get(response["Location"]).content.decode()
    assert "300 interventies (280 jongeren) kunnen worden geïmporteerd" in page
    assert reverse("interchange:job_confirm", args=[job.uuid]) in page
    assert "hx-trigger" not in page  # nothing runs, nothing to poll

    response = confirm(client, django_capture_on_commit_callbacks, job)

    job.refresh_from_db()
    assert response.status_code == 302
    assert job.status == JobStatus.DONE
    assert (job.interventions, job.young_people, job.new_young_people) == (300, 280, 280)
    assert job.confirmed_by == admin_user
    assert bytes(job.content) == b""  # the file is not kept once imported
    assert Intervention.objects.count() == 300
    assert YoungPerson.objects.count() == 280
    page = client.get(response["Location"]).content.decode()
    assert "300 interventies (280 jongeren) geïmporteerd" in page

    events = list(AuditEvent.objects.order_by("pk").values_list("event", "actor", "subject_id", "new"))
    assert [event for event, *_rest in events] == [
        Event.IMPORT_FILE_UPLOADED,
        Event.IMPORT_FILE_CHECKED,
        Event.IMPORT_CONFIRMED,
        Event.INTERVENTIONS_IMPORTED,
    ]
    assert {actor for _event, actor, *_rest in events} == {admin_user.pk}
    assert [subject for _event, _actor, subject, _new in events[:3]] == [str(job.uuid)] * 3
    imported = events[3][3]
    assert imported["import_job"] == str(job.uuid)
    assert imported["interventions"] == 300
    assert "file" not in imported  # no file name in the log


@pytest.mark.django_db
def test_it_takes_an_xlsx_file(client, admin_user, django_capture_on_commit_callbacks, tmp_path):
    path = write_xlsx(tmp_path / "x.xlsx", [valid_row(), valid_row(reference="OLD-2", youth_id="Y-2")])
    client.force_login(admin_user)

    upload(client, django_capture_on_commit_callbacks, "Bestand Jansen.xlsx", path.read_bytes())
    job = latest_job()
    assert (job.status, job.kind, job.interventions) == (JobStatus.CHECKED, "xlsx", 2)
    confirm(client, django_capture_on_commit_callbacks, job)

    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert set(Intervention.objects.values_list("referral__reference", flat=True)) == {"OLD-1", "OLD-2"}
    # The file's name is kept nowhere.
    assert "Jansen" not in str(list(AuditEvent.objects.values_list("new", flat=True)))
