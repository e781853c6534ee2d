"""The figures added to factsheet.md's keys: contact modes, every reason, the previous year."""

import datetime as dt

import pytest

from kansrijk.interventions.tests.factories import make_intervention
from kansrijk.reports.factsheet import compute_factsheet, factsheet_document
from kansrijk.reports.scope import Scope

from .helpers import IN_PERIOD, PERIOD, school_interventions


@pytest.fixture
def cases(school_a, municipality_a, caseworker_a):
    people = {"professional": caseworker_a}
    school_interventions(
        school_a, 1, parent_contacts=["phone", "phone"], restorations=["apology_letter"], **people
    )
    school_interventions(school_a, 1, parent_contacts=["phone", "digital"], reasons=["theft"], **people)
    school_interventions(school_a, 1, status="in_progress", reasons=["theft", "vandalism"], **people)
    make_intervention(
        municipality=municipality_a,
        referral_date=IN_PERIOD,
        parent_contacts=["face_to_face"],
        status="completed",
        reasons=["bullying"],
        **people,
    )
    # The year before: one school intervention.
    make_intervention(school=school_a, referral_date=dt.date(2023, 10, 2), reasons=["theft"], **people)


def test_contact_modes_count_interventions_not_contacts(cases):
    figures = compute_factsheet(period=PERIOD, scope=Scope.all())

    assert figures["parent_contact_modes"] == {
        "school": {"face_to_face": 0, "digital": 1, "phone": 2},
        "neighbourhood": {"face_to_face": 1, "digital": 0, "phone": 0},
    }
    assert figures["parent_contact_pct"] == {"school": 67, "neighbourhood": 100}
    assert figures["restoration_pct"] == 25


def test_every_primary_reason_is_listed_with_the_top_five_its_head(cases):
    figures = compute_factsheet(period=PERIOD, scope=Scope.all())

    assert [(r["code"], r["count"]) for r in figures["reasons"]] == [
        ("theft", 2),
        ("bullying", 1),
        ("disorderly_behaviour", 1),
    ]
    assert figures["top_reasons"] == figures["reasons"][:5]


def test_the_document_carries_the_previous_school_year(cases):
    document = factsheet_document(period=PERIOD, scope=Scope.all())

    assert document["previous"]["period"] == "2023-2024"
    assert document["previous"]["interventions"] == {"school": 1, "neighbourhood": 0, "total": 1}
    assert "scope" not in document["previous"]


def test_interventions_of_other_years_between_them_are_not_counted(school_a, caseworker_a):
    # Ids interleaved across school years: a 2023-2024 intervention between two of 2024-2025.
    school_interventions(school_a, 1, parent_contacts=["phone"], professional=caseworker_a)
    make_intervention(
        school=school_a, referral_date=dt.date(2023, 10, 2), parent_contacts=["digital"], status="completed"
    )
    school_interventions(school_a, 1, professional=caseworker_a)

    figures = compute_factsheet(period=PERIOD, scope=Scope.all())

    assert figures["interventions"]["total"] == 2
    assert figures["parent_contact_modes"]["school"] == {"face_to_face": 0, "digital": 0, "phone": 1}
