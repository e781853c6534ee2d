"""export_interventions: the format, the period and scope filters, and bad arguments."""

import csv
import datetime as dt
import io

import pytest

from kansrijk.core.dates import SchoolYear
from kansrijk.interchange.columns import COLUMN_NAMES
from kansrijk.interventions.models import CareReferral, CareReport, Intervention, ParentContact
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral, ReferralReason

from .helpers import SAMPLE, run_command, sample_rows


def _exported(*args: str) -> list[dict[str, str]]:
    code, out, err = run_command("export_interventions", *args)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == ",".join(COLUMN_NAMES)
    return list(csv.DictReader(io.StringIO(out)))


@pytest.mark.django_db
def test_it_writes_the_rows_of_the_sample_back_as_they_were():
    run_command("import_interventions", str(SAMPLE))

    exported = {row["reference"]: row for row in _exported()}

    for row in sample_rows():
        expected = dict(row, care_reports=row["care_reports"] or "0")
        assert exported[row["reference"]] == expected


@pytest.mark.django_db
def test_it_exports_one_school_year_by_referral_date():
    run_command("import_interventions", str(SAMPLE))
    period = SchoolYear(2023)

    exported = _exported("--period", "2023-2024")

    expected = {
        row["reference"]
        for row in sample_rows()
        if period.first_day <= dt.date.fromisoformat(row["referral_date"]) <= period.last_day
    }
    assert expected
    assert {row["reference"] for row in exported} == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("option", "column", "value"),
    [
        ("--region", "region", "Regio Noord"),
        ("--municipality", "municipality", "Gemeente Zuid1"),
        ("--school", "school_brin", "45WM"),
    ],
)
def test_it_exports_one_scope(option, column, value):
    run_command("import_interventions", str(SAMPLE))

    exported = _exported(option, value, "--period", "2022-2023")

    expected = {
        row["reference"]
        for row in sample_rows()
        if row[column] == value
        and SchoolYear.containing(dt.date.fromisoformat(row["referral_date"])).start_year == 2022
    }
    assert expected
    assert {row["reference"] for row in exported} == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "Atlantis"], "unknown region 'Atlantis'"),
        (["--municipality", "Atlantis"], "unknown municipality 'Atlantis'"),
        (["--school", "99ZZ"], "unknown school '99ZZ'"),
        (["--period", "2024"], "malformed period '2024'"),
        (["--period", "2024-2026"], "malformed period '2024-2026'"),
    ],
)
def test_it_answers_a_bad_argument_with_one_line_and_exit_status_2(args, message):
    code, out, err = run_command("export_interventions", *args)

    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1
    assert message in err


@pytest.mark.django_db
def test_it_gives_people_entered_in_the_app_a_pseudonym_not_their_name(school_a):
    person = YoungPerson.objects.create(
        first_name="Sanne", last_name="de Vries", birth_date=dt.date(2011, 3, 4)
    )
    referral = Referral.objects.create(
        reference="HLT-2025-000001",
        status="accepted",
        type="school",
        young_person=person,
        referrer_kind="school",
        region=school_a.municipality.region,
        municipality=school_a.municipality,
        school=school_a,
        referral_date=dt.date(2025, 9, 1),
    )
    ReferralReason.objects.create(referral=referral, code="bullying", position=1)
    ReferralReason.objects.create(referral=referral, code="theft", position=0, is_primary=True)
    intervention = Intervention.objects.create(
        reference="HLT-2025-000001",
        referral=referral,
        type="school",
        status="in_progress",
        region=referral.region,
        municipality=referral.municipality,
        school=school_a,
        referral_date=referral.referral_date,
        primary_reason="theft",
    )
    ParentContact.objects.create(intervention=intervention, mode="digital", date=dt.date(2025, 9, 3))
    CareReferral.objects.create(intervention=intervention, kind="mental_health", date=dt.date(2025, 9, 20))
    CareReferral.objects.create(intervention=intervention, kind="youth_care", date=dt.date(2025, 10, 20))
    CareReport.objects.create(intervention=intervention)

    code, out, _err = run_command("export_interventions")

    assert code == 0
    assert "Sanne" not in out and "Vries" not in out
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["youth_id"] == f"K{person.uuid.hex[:12]}"
    assert row["reasons"] == "theft;bullying"
    assert row["parent_contacts"] == "digital"
    assert row["care_referral"] == "mental_health"
    assert row["care_reports"] == "1"
    assert row["school_brin"] == "12AB"
    # The same pseudonym every time, so a second export links to the same person.
    assert run_command("export_interventions")[1] == out
