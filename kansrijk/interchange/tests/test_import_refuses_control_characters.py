"""A name in the file with a line break or control character is an error in its row: the
import writes past the models' validation, so it checks what their fields refuse itself."""

import pytest

from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Region, School

from .helpers import run_command, valid_row, write_csv, write_xlsx


@pytest.mark.django_db
@pytest.mark.parametrize("write", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_it_refuses_a_row_with_a_line_break_or_control_character_in_a_name(tmp_path, write):
    extension = "csv" if write is write_csv else "xlsx"
    path = write(
        tmp_path / f"interventions.{extension}",
        [
            valid_row(reference="OLD-1", youth_id="Y-1"),
            valid_row(
                reference="OLD-2",
                youth_id="Y-2",
                school_brin="34CD",
                school_name="Het Testcollege\nKlik op https://evil.example/inloggen",
            ),
            valid_row(reference="OLD-3", youth_id="Y-3\u202e", region="Regio\tTest"),
        ],
    )

    code, _out, err = run_command("import_interventions", str(path))

    assert code == 1
    assert err.splitlines() == [
        "row 3, column school_name: a line break or control character is not allowed",
        "row 4, column region: a line break or control character is not allowed",
        "row 4, column youth_id: a line break or control character is not allowed",
        "CommandError: 2 invalid rows; nothing was stored",
    ]
    assert Intervention.objects.count() == 0
    assert not School.objects.exists() and not Region.objects.exists()


@pytest.mark.django_db
def test_it_reads_an_apostrophe_before_a_formula_character_as_the_export_wrote_it(tmp_path):
    path = write_csv(
        tmp_path / "interventions.csv",
        [valid_row(municipality="'=Oost", school_name="'t Zuiderlicht", neighbourhood="'-")],
    )

    code, _out, err = run_command("import_interventions", str(path))

    assert code == 0, err
    intervention = Intervention.objects.select_related("municipality", "school", "neighbourhood").get()
    assert intervention.school is not None and intervention.neighbourhood is not None
    assert intervention.municipality.name == "=Oost"
    assert intervention.school.name == "'t Zuiderlicht"
    assert intervention.neighbourhood.name == "-"
