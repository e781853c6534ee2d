"""Restoration and parent contact are counted from the intervention's own flags (the anonymous
statistical remnant), so a factsheet reproduces after retention removes the case rows."""

import pytest

from kansrijk.interventions.models import Intervention, ParentContact, RestorationAction
from kansrijk.reports.factsheet import compute_factsheet
from kansrijk.reports.scope import Scope

from .helpers import PERIOD, school_interventions


@pytest.fixture
def cases(school_a, caseworker_a):
    people = {"professional": caseworker_a}
    school_interventions(
        school_a, 1, parent_contacts=["phone", "digital"], restorations=["apology_letter"], **people
    )
    school_interventions(school_a, 1, parent_contacts=["face_to_face"], **people)
    school_interventions(school_a, 2, **people)


def test_it_counts_restoration_and_parent_contacts_per_mode(cases):
    figures = compute_factsheet(period=PERIOD, scope=Scope.all())

    assert figures["interventions"] == {"school": 4, "neighbourhood": 0, "total": 4}
    assert figures["restoration_pct"] == 25
    assert figures["parent_contact_pct"]["school"] == 50
    assert figures["parent_contact_modes"]["school"] == {"face_to_face": 1, "digital": 1, "phone": 1}


def test_it_gives_the_same_figures_after_the_case_rows_are_removed(cases):
    before = compute_factsheet(period=PERIOD, scope=Scope.all())

    RestorationAction.objects.all().delete()
    ParentContact.objects.all().delete()

    assert compute_factsheet(period=PERIOD, scope=Scope.all()) == before


def test_it_reads_the_flags_not_the_case_rows(school_a, caseworker_a):
    # An intervention whose rows were removed earlier: only its flags say what happened.
    (intervention,) = school_interventions(school_a, 1, professional=caseworker_a)
    Intervention.objects.filter(pk=intervention.pk).update(has_restoration=True, parent_contact_digital=True)

    figures = compute_factsheet(period=PERIOD, scope=Scope.all())

    assert figures["restoration_pct"] == 100
    assert figures["parent_contact_pct"]["school"] == 100
    assert figures["parent_contact_modes"]["school"] == {"face_to_face": 0, "digital": 1, "phone": 0}
