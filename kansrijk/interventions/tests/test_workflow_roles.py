"""Who may work on a file: active Halt professionals and team leads of the file's region."""

import pytest
from django.utils import timezone

from kansrijk.core.errors import DomainError
from kansrijk.interventions import services

from .factories import database_state, make_intervention

STEPS = {
    "plan intake": lambda i, by: services.intervention_plan_intake(
        intervention=i, by=by, planned_at=timezone.now()
    ),
    "start": lambda i, by: services.intervention_start(
        intervention=i, by=by, intake_date=timezone.localdate()
    ),
    "parent contact": lambda i, by: services.intervention_record_parent_contact(
        intervention=i, by=by, mode="phone"
    ),
    "care referral": lambda i, by: services.intervention_record_care_referral(
        intervention=i, by=by, kind="other"
    ),
    "care report": lambda i, by: services.intervention_record_care_report(intervention=i, by=by),
    "note": lambda i, by: services.intervention_add_note(intervention=i, by=by, text="Seen at school."),
    "not started": lambda i, by: services.intervention_not_started(
        intervention=i, by=by, reason="no_contact", end_date=timezone.localdate()
    ),
}


@pytest.fixture
def region_a_file(caseworker_a):
    return make_intervention(status="new", professional=caseworker_a)


@pytest.mark.parametrize("step", list(STEPS))
def test_it_refuses_a_caseworker_of_another_region(region_a_file, caseworker_b, step):
    before = database_state()

    with pytest.raises(DomainError) as refused:
        STEPS[step](region_a_file, caseworker_b)

    assert refused.value.code == "forbidden"
    assert database_state() == before


@pytest.mark.parametrize(
    "outsider", ["referrer_a", "relationship_manager_a", "privacy_officer", "admin_user"]
)
def test_it_refuses_people_who_do_no_case_work(request, region_a_file, outsider):
    user = request.getfixturevalue(outsider)
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_add_note(intervention=region_a_file, by=user, text="Hello.")

    assert refused.value.code == "forbidden"
    assert database_state() == before


def test_it_refuses_a_caseworker_who_left(region_a_file, caseworker_a2):
    caseworker_a2.is_active = False
    caseworker_a2.save()

    with pytest.raises(DomainError) as refused:
        services.intervention_add_note(intervention=region_a_file, by=caseworker_a2, text="Hello.")

    assert refused.value.code == "forbidden"
    assert not region_a_file.notes.exists()


def test_it_refuses_a_step_without_a_user(region_a_file):
    with pytest.raises(DomainError) as refused:
        # No user is the point of this test: the type says a step always has one.
        services.intervention_add_note(intervention=region_a_file, by=None, text="Hello.")  # type: ignore[arg-type]

    assert refused.value.code == "forbidden"


def test_it_lets_any_caseworker_of_the_region_work_on_the_file(region_a_file, caseworker_a2):
    note = services.intervention_add_note(
        intervention=region_a_file, by=caseworker_a2, text="Covered for Anna."
    )

    assert list(region_a_file.notes.all()) == [note]
    assert note.recorded_by == caseworker_a2
