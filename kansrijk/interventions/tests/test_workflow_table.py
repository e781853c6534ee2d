"""The transition tables themselves: the state check refuses every status a step does not start
from, and gives the next status for every one it does."""

import datetime as dt

import pytest

from kansrijk.core.errors import DomainError
from kansrijk.interventions.constants import ENDED_STATUSES, Status
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.workflow import INTERVENTION_WORKFLOW
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.models import Referral
from kansrijk.referrals.workflow import REFERRAL_WORKFLOW

INTAKE = dt.date(2025, 9, 1)

PAIRS = [
    (INTERVENTION_WORKFLOW, action, status, transition)
    for action, transition in INTERVENTION_WORKFLOW.transitions.items()
    for status in Status.values
] + [
    (REFERRAL_WORKFLOW, action, status, transition)
    for action, transition in REFERRAL_WORKFLOW.transitions.items()
    for status in ReferralStatus.values
]


def _subject(workflow, status, *, intake_date=INTAKE):
    if workflow is INTERVENTION_WORKFLOW:
        return Intervention(status=status, intake_date=intake_date)
    return Referral(status=status)


def _param(pair):
    workflow, action, status, _ = pair
    return pytest.param(*pair, id=f"{workflow.model.__name__}-{action}-{status}")


@pytest.mark.parametrize(
    ("workflow", "action", "status", "transition"),
    [_param(pair) for pair in PAIRS if pair[2] not in pair[3].sources],
)
def test_it_refuses_every_pair_the_table_leaves_out(workflow, action, status, transition):
    refused = workflow.state_refusal(_subject(workflow, status), action)

    assert refused is not None
    assert refused.code in {"closed", "invalid_transition"}
    assert str(refused)


@pytest.mark.parametrize(
    ("workflow", "action", "status", "transition"),
    [_param(pair) for pair in PAIRS if pair[2] in pair[3].sources],
)
def test_it_gives_the_next_status_for_every_pair_in_the_table(workflow, action, status, transition):
    subject = _subject(workflow, status)

    assert workflow.state_refusal(subject, action) is None
    expected = transition.target(subject) if callable(transition.target) else (transition.target or status)
    assert workflow.next_status(subject, action) == expected


def test_it_tells_that_an_ended_intervention_is_closed_whatever_the_step():
    for status in ENDED_STATUSES:
        refused = INTERVENTION_WORKFLOW.state_refusal(Intervention(status=status), "add_note")
        assert refused is not None
        assert refused.code == "closed"


def test_it_names_the_step_that_is_out_of_order_on_an_open_file():
    refused = INTERVENTION_WORKFLOW.state_refusal(Intervention(status=Status.NEW), "record_agreement")

    assert refused is not None
    assert refused.code == "invalid_transition"
    assert "intake" in str(refused)


def test_completing_asks_for_the_intake_before_the_status():
    for status in (Status.NEW, Status.INTAKE_PLANNED, Status.IN_PROGRESS):
        refused = INTERVENTION_WORKFLOW.state_refusal(
            Intervention(status=status, intake_date=None), "complete"
        )
        assert refused is not None
        assert refused.code == "no_intake"


def test_reopening_returns_to_where_the_work_was():
    for status in ENDED_STATUSES:
        after_intake = Intervention(status=status, intake_date=INTAKE)
        never_started = Intervention(status=status, intake_date=None)
        assert INTERVENTION_WORKFLOW.next_status(after_intake, "reopen") == Status.IN_PROGRESS
        assert INTERVENTION_WORKFLOW.next_status(never_started, "reopen") == Status.NEW


def test_only_reopening_and_withdrawing_consent_may_start_from_an_ended_intervention():
    for action, transition in INTERVENTION_WORKFLOW.transitions.items():
        if transition.sources & ENDED_STATUSES:
            assert action in {"reopen", "withdraw_consent"}


def test_a_referral_that_was_dealt_with_is_closed_to_every_step():
    for status in (ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.WITHDRAWN):
        for action in REFERRAL_WORKFLOW.transitions:
            refused = REFERRAL_WORKFLOW.state_refusal(Referral(status=status), action)
            assert refused is not None, (status, action)
            assert refused.code == "closed"


def test_the_workflow_of_an_object_is_found_by_its_kind():
    from kansrijk.core.workflow import workflow_for

    assert workflow_for(Intervention()) is INTERVENTION_WORKFLOW
    assert workflow_for(Referral()) is REFERRAL_WORKFLOW
    with pytest.raises(TypeError):
        workflow_for(object())


def test_an_unknown_action_is_a_programming_error_not_a_refusal():
    with pytest.raises(KeyError):
        INTERVENTION_WORKFLOW.state_refusal(Intervention(status=Status.NEW), "fly")


def test_refusals_are_domain_errors_with_a_sentence():
    refused = INTERVENTION_WORKFLOW.state_refusal(Intervention(status=Status.COMPLETED), "start")
    assert isinstance(refused, DomainError) and str(refused)
