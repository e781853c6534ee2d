"""A file with bad rows: the page lists what the command prints, and nothing can be imported."""

import html
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.interchange.constants import JobStatus
from kansrijk.interchange.parser import RowError
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Region

from .helpers import write_csv
from .test_import_reports_invalid_rows import EXPECTED, ROWS
from .web import confirm, latest_job, upload


def command_errors(path) -> list[str]:
    """The error lines the command prints, in the default language as it prints them."""
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_interventions", str(path), "--dry-run", stderr=stderr)
    return stderr.getvalue().strip().splitlines()


@pytest.mark.django_db
def test_it_lists_every_problem_the_command_reports_and_refuses_to_import(
    client, admin_user, django_capture_on_commit_callbacks, tmp_path
):
    path = write_csv(tmp_path / "interventions.csv", ROWS)
    client.force_login(admin_user)

    upload(client, django_capture_on_commit_callbacks, "interventions.csv", path.read_bytes())

    job = latest_job()
    assert job.status == JobStatus.FAILED
    assert {(problem["row"], problem["column"]) for problem in job.problems} == EXPECTED
    assert [str(RowError(**problem)) for problem in job.problems] == command_errors(path)
    assert job.failure == "11 ongeldige rijen; er is niets opgeslagen"
    assert bytes(job.content) == b""

    page = client.get(reverse("interchange:job", args=[job.uuid])).content.decode()
    for problem in job.problems:
        assert (
            f"<td>{problem['row']}</td><td>{problem['column']}</td><td>{html.escape(problem['message'])}</td>"
            in page
        )
    assert "leeftijd 9 op de aanmelddatum, moet 10–23 zijn" in page
    assert reverse("interchange:job_confirm", args=[job.uuid]) not in page

    response = confirm(client, django_capture_on_commit_callbacks, job)

    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert not Intervention.objects.exists()
    assert not Region.objects.exists()
    checked = AuditEvent.objects.get(event=Event.IMPORT_FILE_CHECKED)
    assert checked.new == {"failed": True, "invalid_rows": 11, "problems": len(EXPECTED)}
    assert not AuditEvent.objects.filter(event=Event.IMPORT_CONFIRMED).exists()
