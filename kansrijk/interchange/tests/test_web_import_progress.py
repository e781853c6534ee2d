"""While a job runs its page polls a fragment with a progress bar; progress is written outside
the import's transaction."""

import pytest
from django.db import connection, transaction
from django.urls import reverse

from kansrijk.interchange.constants import JobStatus
from kansrijk.interchange.models import ImportJob
from kansrijk.interchange.progress import Progress


def make_job(user, **fields) -> ImportJob:
    return ImportJob.objects.create(uploaded_by=user, kind="csv", size=3, content=b"abc", **fields)


@pytest.mark.django_db
def test_the_progress_address_answers_with_the_polling_fragment(client, admin_user):
    job = make_job(admin_user, status=JobStatus.CHECKING, rows_done=120, rows_total=300)
    client.force_login(admin_user)

    response = client.get(
        reverse("interchange:job_progress", args=[job.uuid]), headers={"HX-Request": "true"}
    )

    fragment = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in fragment
    assert fragment.lstrip().startswith('<section id="job-status"')
    assert f'hx-get="{reverse("interchange:job_progress", args=[job.uuid])}"' in fragment
    assert 'hx-trigger="every 1s"' in fragment
    assert '<progress id="job-progress" max="300" value="120">40%</progress>' in fragment
    assert "120 van 300 rijen" in fragment
    # The page itself holds the same fragment.
    assert 'hx-trigger="every 1s"' in client.get(reverse("interchange:job", args=[job.uuid])).content.decode()


@pytest.mark.django_db
def test_a_finished_job_stops_the_polling(client, admin_user):
    job = make_job(admin_user, status=JobStatus.DONE, interventions=2, young_people=2, new_young_people=1)
    client.force_login(admin_user)

    fragment = client.get(reverse("interchange:job_progress", args=[job.uuid])).content.decode()

    assert "hx-trigger" not in fragment
    assert "<progress" not in fragment
    assert "2 interventies (2 jongeren) geïmporteerd" in fragment


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a second connection is used on PostgreSQL only"
)
@pytest.mark.django_db(transaction=True)
def test_progress_is_committed_at_once_and_outlives_a_rolled_back_import(admin_user):
    job = make_job(admin_user, status=JobStatus.IMPORTING, rows_total=10)
    progress = Progress(job.pk)
    try:
        with transaction.atomic():  # as the import's transaction
            progress.write(7)
            # Committed by the other connection: visible to this transaction's next statement.
            assert ImportJob.objects.get(pk=job.pk).rows_done == 7
            transaction.set_rollback(True)
    finally:
        progress.close()
    assert ImportJob.objects.get(pk=job.pk).rows_done == 7


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="a second connection is used on PostgreSQL only"
)
@pytest.mark.django_db(transaction=True)
def test_a_committed_job_shows_its_progress_during_check_and_import(admin_user, monkeypatch, tmp_path):
    from kansrijk.interchange import progress as progress_module
    from kansrijk.interchange.background import import_job_check
    from kansrijk.interchange.services import import_job_confirm
    from kansrijk.interventions.models import Intervention

    from .helpers import valid_row, write_csv

    rows = [valid_row(reference=f"OLD-{n}", youth_id=f"Y-{n}") for n in range(1, 31)]
    job = make_job(admin_user)
    job.content = write_csv(tmp_path / "x.csv", rows).read_bytes()
    job.save()
    seen = []
    write = Progress.write

    def spy(self, done):
        write(self, done)
        # Read by the import's own connection, inside its open transaction.
        seen.append(ImportJob.objects.values_list("rows_done", flat=True).get(pk=job.pk))

    monkeypatch.setattr(progress_module, "INTERVAL_SECONDS", 0)
    monkeypatch.setattr(Progress, "write", spy)

    import_job_check(job.pk)
    assert seen == list(range(1, 31))
    import_job_confirm(job=ImportJob.objects.get(pk=job.pk), by=admin_user)  # queued on commit: ran eagerly
    job.refresh_from_db()
    assert job.status == JobStatus.DONE
    assert seen == list(range(1, 31)) * 2
    assert Intervention.objects.count() == 30
