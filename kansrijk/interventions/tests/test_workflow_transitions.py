"""Every step on an intervention, from every state: allowed steps land where docs/process.md §2 says,
every other step is a DomainError that leaves the database exactly as it was.

The expectations below are written out from the domain description on purpose, instead of being
read from `workflow.py`, so that a wrong row in the table fails here.
"""

import datetime as dt

import pytest
from django.utils import timezone

from kansrijk.core.errors import DomainError
from kansrijk.interventions import services
from kansrijk.interventions.models import Component

from .factories import database_state, make_intervention

STATES = ["new", "intake_planned", "in_progress", "completed", "stopped", "not_started"]
OPEN = {"new", "intake_planned", "in_progress"}
ENDED = {"completed", "stopped", "not_started"}

# action -> the states it may be taken from (docs/process.md §2 and the workflow brief)
ALLOWED_FROM = {
    "plan_intake": {"new", "intake_planned"},
    "start": {"new", "intake_planned"},
    "complete": {"in_progress"},
    "stop": {"intake_planned", "in_progress"},
    "not_started": {"new", "intake_planned"},
    "reopen": ENDED,
    "assign": OPEN,
    "record_parent_contact": OPEN,
    "record_care_referral": OPEN,
    "record_care_report": OPEN,
    "add_note": OPEN,
    "record_conversation": {"in_progress"},
    "record_agreement": {"in_progress"},
    "plan_component": {"in_progress"},
    "mark_component": {"in_progress"},
    "record_restoration": {"in_progress"},
}

# action -> the state it leads to; None keeps the state
TARGET = {
    "plan_intake": "intake_planned",
    "start": "in_progress",
    "complete": "completed",
    "stop": "stopped",
    "not_started": "not_started",
}


def _today():
    return timezone.localdate()


def _component(intervention):
    """A planned component to mark. Only a started file can have one through the services, so
    the others get one straight in the database, as an imported file could."""
    component = intervention.components.first()
    if component is None:
        component = Component.objects.create(intervention=intervention, kind="reflection")
    return component


def _do(action, intervention, by, other_professional):
    """Take `action` with input that is valid in itself, so only the state can be at fault."""
    today = _today()
    calls = {
        "plan_intake": lambda: services.intervention_plan_intake(
            intervention=intervention, by=by, planned_at=timezone.now() + dt.timedelta(days=2)
        ),
        "start": lambda: services.intervention_start(intervention=intervention, by=by, intake_date=today),
        "complete": lambda: services.intervention_complete(
            intervention=intervention, by=by, outcome="sufficient", end_date=today
        ),
        "stop": lambda: services.intervention_stop(
            intervention=intervention, by=by, reason="parents_withdrew", end_date=today
        ),
        "not_started": lambda: services.intervention_not_started(
            intervention=intervention, by=by, reason="no_consent", end_date=today
        ),
        "reopen": lambda: services.intervention_reopen(
            intervention=intervention, by=by, reason="The parents asked to continue after all."
        ),
        "assign": lambda: services.intervention_assign(
            intervention=intervention, by=by, professional=other_professional
        ),
        "record_parent_contact": lambda: services.intervention_record_parent_contact(
            intervention=intervention, by=by, mode="phone", date=today
        ),
        "record_care_referral": lambda: services.intervention_record_care_referral(
            intervention=intervention, by=by, kind="youth_care", date=today, meldcode_ground=True
        ),
        "record_care_report": lambda: services.intervention_record_care_report(
            intervention=intervention, by=by, date=today
        ),
        "add_note": lambda: services.intervention_add_note(
            intervention=intervention, by=by, text="Called the mentor."
        ),
        "record_conversation": lambda: services.intervention_record_conversation(
            intervention=intervention, by=by, kind="follow_up", date=today
        ),
        "record_agreement": lambda: services.intervention_record_agreement(
            intervention=intervention, by=by, description="Apologises to the teacher."
        ),
        "plan_component": lambda: services.intervention_plan_component(
            intervention=intervention, by=by, kind="role_play", planned_date=today
        ),
        "mark_component": lambda: services.intervention_mark_component(
            component=_component(intervention), by=by, status="done", date=today
        ),
        "record_restoration": lambda: services.intervention_record_restoration(
            intervention=intervention, by=by, kind="apology_letter", date=today
        ),
    }
    return calls[action]()


def _intervention_in(state, professional):
    started = state in ("in_progress", "completed", "stopped")
    return make_intervention(
        status=state, professional=professional, components=("reflection",) if started else ()
    )


FORBIDDEN = [
    (action, state) for action in ALLOWED_FROM for state in STATES if state not in ALLOWED_FROM[action]
]
ALLOWED = [(action, state) for action in ALLOWED_FROM for state in sorted(ALLOWED_FROM[action])]


@pytest.mark.parametrize(("action", "state"), FORBIDDEN)
def test_it_refuses_every_step_the_workflow_forbids_and_changes_nothing(
    action, state, caseworker_a, caseworker_a2, team_lead_a
):
    intervention = _intervention_in(state, caseworker_a)
    if action == "mark_component":
        _component(intervention)
    before = database_state()

    # A team lead may take every step there is, so only the state can make this one illegal.
    with pytest.raises(DomainError) as refused:
        _do(action, intervention, team_lead_a, caseworker_a2)

    assert refused.value.code in {"closed", "invalid_transition", "no_intake"}
    assert str(refused.value)
    assert database_state() == before
    intervention.refresh_from_db()
    assert intervention.status == state


@pytest.mark.parametrize(("action", "state"), ALLOWED)
def test_it_allows_every_step_the_workflow_permits(action, state, caseworker_a, caseworker_a2, team_lead_a):
    intervention = _intervention_in(state, caseworker_a)
    history_before = list(intervention.history.values_list("from_status", "to_status"))

    _do(action, intervention, team_lead_a, caseworker_a2)

    intervention.refresh_from_db()
    if action == "reopen":
        # Back to where the work was: in progress after an intake, new when there was none.
        expected = "in_progress" if intervention.intake_date else "new"
    else:
        expected = TARGET.get(action, state)
    assert intervention.status == expected
    history = list(intervention.history.values_list("from_status", "to_status"))
    if expected == state:
        assert history == history_before
    else:
        assert history == [*history_before, (state, expected)]
