"""Importing the sample gives the factsheet an independent count of the file gives.

The expected figures are computed here straight from the CSV with the csv module, following
the definitions in factsheet.md, without any of Kansrijk's code.
"""

import datetime as dt
import math
from collections import Counter
from fractions import Fraction

import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.core.dates import SchoolYear
from kansrijk.reports.factsheet import Scope, compute_factsheet

from .helpers import SAMPLE, run_command, sample_rows


def _percentage(numerator: int, denominator: int) -> int | None:
    if denominator == 0:
        return None
    return math.floor(Fraction(100 * numerator, denominator) + Fraction(1, 2))


def _school_year_bounds(start_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(start_year, 8, 1), dt.date(start_year + 1, 7, 31)


def _split(text: str) -> list[str]:
    return [item for item in text.split(";") if item]


def expected_figures(rows: list[dict[str, str]], start_year: int, in_scope) -> dict:
    first, last = _school_year_bounds(start_year)
    counted = [
        row for row in rows if first <= dt.date.fromisoformat(row["referral_date"]) <= last and in_scope(row)
    ]
    school = [row for row in counted if row["type"] == "school"]
    neighbourhood = [row for row in counted if row["type"] == "neighbourhood"]
    primary = Counter(_split(row["reasons"])[0] for row in counted)
    top = sorted(primary.items(), key=lambda item: (-item[1], item[0]))[:5]
    return {
        "interventions": {"school": len(school), "neighbourhood": len(neighbourhood), "total": len(counted)},
        "schools": len({row["school_brin"] for row in school}),
        "restoration_pct": _percentage(sum(1 for row in counted if _split(row["restoration"])), len(counted)),
        "care_referrals": len({row["youth_id"] for row in counted if row["care_referral"]}),
        "care_reports": sum(int(row["care_reports"] or 0) for row in counted),
        "top_reasons": top,
        "parent_contact_pct": {
            "school": _percentage(sum(1 for row in school if _split(row["parent_contacts"])), len(school)),
            "neighbourhood": _percentage(
                sum(1 for row in neighbourhood if _split(row["parent_contacts"])), len(neighbourhood)
            ),
        },
    }


def actual_figures(factsheet: dict) -> dict:
    for reason in factsheet["top_reasons"]:
        assert isinstance(reason["label"], str) and reason["label"]
    figures = {key: factsheet[key] for key in ("interventions", "schools", "restoration_pct")}
    figures.update({key: factsheet[key] for key in ("care_referrals", "care_reports", "parent_contact_pct")})
    figures["top_reasons"] = [(reason["code"], reason["count"]) for reason in factsheet["top_reasons"]]
    return figures


@pytest.mark.django_db
def test_it_gives_the_figures_an_independent_count_of_the_file_gives():
    code, out, _err = run_command("import_interventions", str(SAMPLE))
    assert code == 0
    assert out.strip() == f"imported 300 interventions (280 young people) from {SAMPLE}"

    rows = sample_rows()
    start_years = sorted(
        {SchoolYear.containing(dt.date.fromisoformat(row["referral_date"])).start_year for row in rows}
    )
    region = Counter(row["region"] for row in rows).most_common(1)[0][0]
    municipality = Counter(row["municipality"] for row in rows).most_common(1)[0][0]
    brin = Counter(row["school_brin"] for row in rows if row["school_brin"]).most_common(1)[0][0]
    scopes = [
        (Scope.all(), lambda row: True),
        (Scope.for_region(region), lambda row: row["region"] == region),
        (Scope.for_municipality(municipality), lambda row: row["municipality"] == municipality),
        (Scope.for_school(brin), lambda row: row["school_brin"] == brin),
    ]

    counted_in_all = 0
    for start_year in start_years:
        for scope, in_scope in scopes:
            factsheet = compute_factsheet(period=SchoolYear(start_year), scope=scope)
            assert actual_figures(factsheet) == expected_figures(rows, start_year, in_scope), (
                f"{SchoolYear(start_year)} {scope}"
            )
        counted_in_all += compute_factsheet(period=SchoolYear(start_year), scope=Scope.all())[
            "interventions"
        ]["total"]
    # Every row of the sample falls in one of its school years: all of them were counted.
    assert counted_in_all == 300


@pytest.mark.django_db
def test_it_leaves_one_audit_row_for_the_import():
    run_command("import_interventions", str(SAMPLE))

    events = list(AuditEvent.objects.filter(event="interventions_imported"))
    assert len(events) == 1
    assert events[0].actor is None
    assert events[0].new["file"] == SAMPLE.name
    assert events[0].new["interventions"] == 300
    assert events[0].new["young_people"] == 280
