"""A file with invalid rows stores nothing and names every bad row and column (CSV and XLSX)."""

import re

import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Municipality, Region, School
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral

from .helpers import run_command, valid_row, write_csv, write_xlsx

# Spreadsheet numbering: the header is row 1, so the n-th data row is row n + 1.
ROWS = [
    valid_row(reference="OLD-1", youth_id="Y-1"),  # row 2, valid
    valid_row(reference="OLD-2", youth_id="Y-2", youth_birth_date="2015-06-01"),  # row 3: age 9
    valid_row(reference="OLD-3", youth_id="Y-3", school_brin="", reasons="theft;stealing"),  # row 4
    valid_row(reference="OLD-4", youth_id="Y-4", end_date="", outcome=""),  # row 5
    valid_row(reference="OLD-1", youth_id="Y-5"),  # row 6: reference of row 2 again
    valid_row(reference="OLD-6", youth_id="Y-6", referral_date="12-04-2024", care_reports="-1"),  # row 7
    valid_row(reference="OLD-7", youth_id="Y-1", youth_birth_date="2010-05-18"),  # row 8: other birth date
    valid_row(reference="OLD-8", youth_id="Y-8", intake_date="2024-09-30"),  # row 9
    valid_row(  # row 10: a neighbourhood intervention with a school
        reference="OLD-9", youth_id="Y-9", type="neighbourhood", referrer_kind="police", school_name=""
    ),
    valid_row(reference="OLD-10", youth_id="Y-10", status="in_progress"),  # row 11: end and outcome
    valid_row(reference="OLD-11", youth_id="Y-11", region="Regio Elders"),  # row 12: municipality moves
    valid_row(reference="OLD-12", youth_id="Y-12", status="finished", youth_gender="v"),  # row 13
    valid_row(reference="OLD-13", youth_id="Y-13"),  # row 14, valid
]

EXPECTED = {
    (3, "youth_birth_date"),
    (4, "school_brin"),
    (4, "reasons"),
    (5, "end_date"),
    (5, "outcome"),
    (6, "reference"),
    (7, "referral_date"),
    (7, "care_reports"),
    (8, "youth_birth_date"),
    (9, "intake_date"),
    (10, "school_brin"),
    (11, "end_date"),
    (11, "outcome"),
    (12, "municipality"),
    (13, "status"),
    (13, "youth_gender"),
}

ERROR_LINE = re.compile(r"^row (\d+), column (\w+): (.+)$")


@pytest.mark.django_db
@pytest.mark.parametrize("write", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_it_names_every_bad_row_and_column_and_stores_nothing(tmp_path, write):
    # A different column order than the spec's: the order is free.
    columns = ["status", "reference", *[name for name in ROWS[0] if name not in ("status", "reference")]]
    extension = "csv" if write is write_csv else "xlsx"
    path = write(tmp_path / f"interventions.{extension}", ROWS, columns)

    code, out, err = run_command("import_interventions", str(path))

    assert code == 1
    assert out == ""
    lines = err.strip().splitlines()
    errors = [ERROR_LINE.match(line) for line in lines[:-1]]
    assert all(errors), lines
    matches = [match for match in errors if match is not None]
    assert {(int(match[1]), match[2]) for match in matches} == EXPECTED
    assert len(errors) == len(EXPECTED)
    assert "row 3, column youth_birth_date: age 9 at referral date, must be 10–23" in lines
    assert "row 6, column reference: OLD-1 already appears in row 2" in lines
    assert "row 8, column youth_birth_date: youth_id Y-1 has birth date 2010-05-17 in row 2" in lines
    assert lines[-1] == "CommandError: 11 invalid rows; nothing was stored"
    # Reported in file order, so a long list can be worked through from the top.
    numbers = [int(match[1]) for match in matches]
    assert numbers == sorted(numbers)

    assert Intervention.objects.count() == 0
    assert Referral.objects.count() == 0
    assert YoungPerson.objects.count() == 0
    assert School.objects.count() == 0
    assert Municipality.objects.count() == 0
    assert Region.objects.count() == 0
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_it_refuses_a_municipality_kansrijk_knows_in_another_region(tmp_path, municipality_a, region_b):
    path = write_csv(
        tmp_path / "interventions.csv",
        [valid_row(region=region_b.name, municipality=municipality_a.name)],
    )

    code, _out, err = run_command("import_interventions", str(path))

    assert code == 1
    assert err.splitlines()[0] == "row 2, column municipality: Den Haag belongs to region Haaglanden"
    assert Intervention.objects.count() == 0


@pytest.mark.django_db
def test_it_refuses_values_beyond_the_columns_of_the_header(tmp_path):
    path = write_csv(
        tmp_path / "interventions.csv", [valid_row(reference="OLD-1"), valid_row(reference="OLD-2")]
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] += ",surplus"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    code, _out, err = run_command("import_interventions", str(path))

    assert code == 1
    assert err.splitlines()[0] == "row 3: has values in columns without a name in the header"
    assert Intervention.objects.count() == 0
