"""The same youth_id in several rows, or already in Kansrijk, is one young person."""

import datetime as dt

import pytest

from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral

from .helpers import run_command, valid_row, write_csv


@pytest.mark.django_db
def test_it_makes_one_young_person_of_one_youth_id_in_two_rows(tmp_path):
    path = write_csv(
        tmp_path / "interventions.csv",
        [
            valid_row(
                reference="OLD-1",
                youth_id="Y-7",
                referral_date="2023-10-01",
                intake_date="",
                end_date="",
                status="new",
                outcome="",
            ),
            valid_row(reference="OLD-2", youth_id="Y-7", referral_date="2024-10-01"),
            valid_row(reference="OLD-3", youth_id="Y-8"),
        ],
    )

    code, out, _err = run_command("import_interventions", str(path))

    assert code == 0
    assert "(2 young people)" in out
    person = YoungPerson.objects.get(external_id="Y-7")
    assert person.birth_date == dt.date(2010, 5, 17)
    assert person.first_name == person.last_name == ""
    assert sorted(person.referrals.values_list("reference", flat=True)) == ["OLD-1", "OLD-2"]
    assert YoungPerson.objects.count() == 2


@pytest.mark.django_db
def test_it_reuses_the_young_person_of_an_earlier_import(tmp_path):
    run_command(
        "import_interventions", str(write_csv(tmp_path / "first.csv", [valid_row(reference="OLD-1")]))
    )
    second = write_csv(
        tmp_path / "second.csv", [valid_row(reference="OLD-2", referral_date="2024-10-15", intake_date="")]
    )

    code, _out, _err = run_command("import_interventions", str(second))

    assert code == 0
    assert YoungPerson.objects.count() == 1
    assert Referral.objects.get(reference="OLD-2").young_person == YoungPerson.objects.get(external_id="Y-1")


@pytest.mark.django_db
def test_it_refuses_another_birth_date_than_kansrijk_has(tmp_path):
    run_command(
        "import_interventions", str(write_csv(tmp_path / "first.csv", [valid_row(reference="OLD-1")]))
    )
    second = write_csv(tmp_path / "second.csv", [valid_row(reference="OLD-2", youth_birth_date="2010-06-17")])

    code, _out, err = run_command("import_interventions", str(second))

    assert code == 1
    assert (
        err.splitlines()[0]
        == "row 2, column youth_birth_date: youth_id Y-1 has birth date 2010-05-17 in Kansrijk"
    )
    assert not Referral.objects.filter(reference="OLD-2").exists()
