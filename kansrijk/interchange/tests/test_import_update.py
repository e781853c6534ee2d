"""Re-importing a file fails on the existing references; with --update it replaces them."""

import datetime as dt

import pytest

from kansrijk.interventions.models import (
    CareReport,
    Intervention,
    InterventionStatusChange,
    ParentContact,
    RestorationAction,
)
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral, ReferralReason

from .helpers import SAMPLE, run_command, sample_rows, valid_row, write_csv


def _counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Intervention,
            Referral,
            ReferralReason,
            YoungPerson,
            InterventionStatusChange,
            ParentContact,
            RestorationAction,
            CareReport,
        )
    }


@pytest.mark.django_db
def test_it_refuses_every_reference_that_already_exists():
    run_command("import_interventions", str(SAMPLE))
    before = _counts()

    code, _out, err = run_command("import_interventions", str(SAMPLE))

    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 301
    references = [row["reference"] for row in sample_rows()]
    assert lines[0] == (
        f"row 2, column reference: {references[0]} already exists in Kansrijk (use --update to replace it)"
    )
    assert all(" already exists in Kansrijk " in line for line in lines[:-1])
    assert _counts() == before


@pytest.mark.django_db
def test_it_replaces_existing_interventions_with_update_without_duplicating():
    run_command("import_interventions", str(SAMPLE))
    before = _counts()

    code, out, err = run_command("import_interventions", str(SAMPLE), "--update")

    assert code == 0, err
    assert out.strip().endswith(", 300 existing interventions replaced")
    assert _counts() == before
    assert before["Intervention"] == 300
    assert before["YoungPerson"] == 280


@pytest.mark.django_db
def test_it_takes_the_new_values_of_a_replaced_intervention(tmp_path):
    rows = sample_rows()
    run_command("import_interventions", str(SAMPLE))
    changed = next(row for row in rows if row["status"] == "in_progress" and row["type"] == "school")
    changed.update(status="completed", end_date=changed["referral_date"], outcome="further_support")
    changed.update(parent_contacts="digital", restoration="", care_reports="2")
    path = write_csv(tmp_path / "corrections.csv", [changed], list(rows[0]))

    code, out, _err = run_command("import_interventions", str(path), "--update")

    assert code == 0
    assert "1 existing intervention replaced" in out
    intervention = Intervention.objects.get(reference=changed["reference"])
    assert intervention.status == "completed"
    assert intervention.outcome == "further_support"
    assert list(intervention.parent_contacts.values_list("mode", flat=True)) == ["digital"]
    assert not intervention.restoration_actions.exists()
    assert intervention.care_reports.count() == 2
    assert Intervention.objects.count() == 300
    assert Referral.objects.filter(reference=changed["reference"]).count() == 1


@pytest.mark.django_db
def test_it_does_not_replace_a_referral_that_has_no_intervention(tmp_path, school_a):
    person = YoungPerson.objects.create(birth_date=dt.date(2011, 1, 1))
    Referral.objects.create(
        reference="OLD-1",
        status="rejected",
        rejection_reason="other",
        type="school",
        young_person=person,
        referrer_kind="school",
        region=school_a.municipality.region,
        municipality=school_a.municipality,
        school=school_a,
        referral_date=dt.date(2024, 9, 1),
    )
    path = write_csv(tmp_path / "interventions.csv", [valid_row(reference="OLD-1", school_brin="99ZZ")])

    code, _out, err = run_command("import_interventions", str(path), "--update")

    assert code == 1
    assert err.splitlines()[0] == (
        "row 2, column reference: OLD-1 is used by a referral in Kansrijk that has no intervention"
    )
    assert Referral.objects.get(reference="OLD-1").status == "rejected"
    assert not Intervention.objects.exists()
