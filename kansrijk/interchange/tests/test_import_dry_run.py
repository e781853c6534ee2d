"""--dry-run checks the whole file like a real import and then stores nothing."""

import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.models import Intervention, ParentContact
from kansrijk.organisations.models import Region, School
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral

from .helpers import SAMPLE, run_command, valid_row, write_csv


@pytest.mark.django_db
def test_it_reports_what_would_be_imported_and_stores_nothing():
    code, out, err = run_command("import_interventions", str(SAMPLE), "--dry-run")

    assert code == 0
    assert err == ""
    assert out.strip() == (
        f"dry run: 300 interventions (280 young people) in {SAMPLE} would be imported; nothing was stored"
    )
    assert Intervention.objects.count() == 0
    assert Referral.objects.count() == 0
    assert ParentContact.objects.count() == 0
    assert YoungPerson.objects.count() == 0
    assert School.objects.count() == 0
    assert Region.objects.count() == 0
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_it_reports_invalid_rows_as_a_real_import_would(tmp_path):
    path = write_csv(tmp_path / "interventions.csv", [valid_row(), valid_row(reference="OLD-2", outcome="")])

    code, _out, err = run_command("import_interventions", str(path), "--dry-run")

    assert code == 1
    assert err.splitlines()[0] == "row 3, column outcome: required for status 'completed'"


@pytest.mark.django_db
def test_it_finds_references_that_already_exist(tmp_path):
    path = write_csv(tmp_path / "interventions.csv", [valid_row()])
    run_command("import_interventions", str(path))

    code, _out, err = run_command("import_interventions", str(path), "--dry-run")

    assert code == 1
    assert err.splitlines()[0] == (
        "row 2, column reference: OLD-1 already exists in Kansrijk (use --update to replace it)"
    )
    assert Intervention.objects.count() == 1
