"""A failure halfway through the web import leaves nothing imported."""

import pytest
from django.db import DatabaseError

from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.interchange.constants import JobStatus
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Region, School
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral

from .helpers import SAMPLE
from .web import confirm, latest_job, upload


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("error", "failure"),
    [
        (
            DatabaseError("connection to the database lost"),
            "er is niets opgeslagen: de database weigerde de import (connection to the database lost)",
        ),
        (RuntimeError("a bug"), "er is niets opgeslagen: de import stopte op een onverwachte fout"),
    ],
    ids=["database", "unexpected"],
)
def test_a_failure_in_the_middle_stores_nothing(
    client, admin_user, django_capture_on_commit_callbacks, monkeypatch, error, failure
):
    client.force_login(admin_user)
    upload(client, django_capture_on_commit_callbacks, "sample.csv", SAMPLE.read_bytes())
    job = latest_job()
    assert job.status == JobStatus.CHECKED

    def fail(*args, **kwargs):
        assert Intervention.objects.count() == 300  # every row is written by now
        raise error

    monkeypatch.setattr("kansrijk.interchange.importer.run.refresh_repeat_flags", fail)
    confirm(client, django_capture_on_commit_callbacks, job)

    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.failure.startswith(failure)
    for model in (Intervention, Referral, YoungPerson, School, Region):
        assert not model.objects.exists(), model
    assert not AuditEvent.objects.filter(event=Event.INTERVENTIONS_IMPORTED).exists()
    assert AuditEvent.objects.get(event=Event.IMPORT_FAILED).actor == admin_user
