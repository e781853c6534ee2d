"""Ended interventions are read-only (docs/process.md §2): no case work on a closed file."""

import pytest
from django.utils import timezone, translation

from kansrijk.core.errors import DomainError
from kansrijk.interventions import services

from .factories import database_state, make_intervention

CASE_WORK = {
    "parent contact": lambda i, by, day: services.intervention_record_parent_contact(
        intervention=i, by=by, mode="face_to_face", date=day
    ),
    "conversation": lambda i, by, day: services.intervention_record_conversation(
        intervention=i, by=by, kind="follow_up", date=day
    ),
    "agreement": lambda i, by, day: services.intervention_record_agreement(
        intervention=i, by=by, description="Comes to school on time."
    ),
    "component": lambda i, by, day: services.intervention_plan_component(
        intervention=i, by=by, kind="social_skills", planned_date=day
    ),
    "marking a component": lambda i, by, day: services.intervention_mark_component(
        component=i.components.get(), by=by, status="not_done"
    ),
    "restoration": lambda i, by, day: services.intervention_record_restoration(
        intervention=i, by=by, kind="restorative_conversation", date=day
    ),
    "care referral": lambda i, by, day: services.intervention_record_care_referral(
        intervention=i, by=by, kind="neighbourhood_team", date=day
    ),
    "care report": lambda i, by, day: services.intervention_record_care_report(
        intervention=i, by=by, date=day
    ),
    "note": lambda i, by, day: services.intervention_add_note(intervention=i, by=by, text="Mother called."),
}


@pytest.mark.parametrize("status", ["completed", "stopped"])
@pytest.mark.parametrize("work", list(CASE_WORK))
def test_it_refuses_case_work_on_a_closed_file(caseworker_a, status, work):
    intervention = make_intervention(status=status, professional=caseworker_a, components=["reflection"])
    before = database_state()

    with pytest.raises(DomainError) as refused:
        CASE_WORK[work](intervention, caseworker_a, timezone.localdate())

    assert refused.value.code == "closed"
    # The message tells the user the way out, in the user's language.
    with translation.override("en"):
        assert "reopen" in str(refused.value)
    with translation.override("nl"):
        assert "heropenen" in str(refused.value)
    assert database_state() == before


def test_it_refuses_a_note_on_a_file_that_never_started(caseworker_a):
    intervention = make_intervention(status="not_started", professional=caseworker_a)
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_add_note(intervention=intervention, by=caseworker_a, text="Tried again.")

    assert refused.value.code == "closed"
    assert database_state() == before
    assert not intervention.notes.exists()


def test_it_judges_by_the_stored_state_not_a_stale_copy(caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    stale_copy = type(intervention).objects.get(pk=intervention.pk)
    services.intervention_complete(
        intervention=intervention, by=caseworker_a, outcome="sufficient", end_date=timezone.localdate()
    )

    with pytest.raises(DomainError) as refused:
        services.intervention_add_note(intervention=stale_copy, by=caseworker_a, text="Late addition.")

    assert refused.value.code == "closed"
    assert not intervention.notes.exists()
