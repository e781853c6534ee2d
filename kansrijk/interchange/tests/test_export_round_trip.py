"""Export followed by import into an empty database reproduces the same factsheet."""

import datetime as dt
from collections import Counter

import pytest

from kansrijk.core.dates import SchoolYear
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Municipality, Neighbourhood, Region, School
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral
from kansrijk.reports.factsheet import Scope, compute_factsheet

from .helpers import SAMPLE, run_command, sample_rows


def _empty_the_database() -> None:
    Intervention.objects.all().delete()
    Referral.objects.all().delete()
    YoungPerson.objects.all().delete()
    School.objects.all().delete()
    Neighbourhood.objects.all().delete()
    Municipality.objects.all().delete()
    Region.objects.all().delete()


def _factsheets(rows) -> dict:
    region = Counter(row["region"] for row in rows).most_common(1)[0][0]
    municipality = Counter(row["municipality"] for row in rows).most_common(1)[0][0]
    brin = Counter(row["school_brin"] for row in rows if row["school_brin"]).most_common(1)[0][0]
    scopes = [
        Scope.all(),
        Scope.for_region(region),
        Scope.for_municipality(municipality),
        Scope.for_school(brin),
    ]
    years = {SchoolYear.containing(dt.date.fromisoformat(row["referral_date"])) for row in rows}
    return {
        (str(year), scope.kind): compute_factsheet(period=year, scope=scope)
        for year in years
        for scope in scopes
    }


@pytest.mark.django_db
def test_it_reproduces_every_factsheet_after_export_and_import(tmp_path):
    rows = sample_rows()
    run_command("import_interventions", str(SAMPLE))
    before = _factsheets(rows)
    exported = tmp_path / "export.csv"

    code, out, _err = run_command("export_interventions", "--output", str(exported))
    assert code == 0
    assert out.strip() == f"exported 300 interventions to {exported}"

    _empty_the_database()
    assert Intervention.objects.count() == 0
    code, _out, err = run_command("import_interventions", str(exported))
    assert code == 0, err

    after = _factsheets(rows)
    assert after == before
    assert (
        sum(factsheet["interventions"]["total"] for (_y, kind), factsheet in after.items() if kind == "all")
        == 300
    )


@pytest.mark.django_db
def test_it_exports_the_same_file_again_after_the_round_trip(tmp_path):
    run_command("import_interventions", str(SAMPLE))
    first = tmp_path / "first.csv"
    run_command("export_interventions", "--output", str(first))
    _empty_the_database()
    run_command("import_interventions", str(first))
    second = tmp_path / "second.csv"

    run_command("export_interventions", "--output", str(second))

    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert len(first.read_text(encoding="utf-8").splitlines()) == 301
