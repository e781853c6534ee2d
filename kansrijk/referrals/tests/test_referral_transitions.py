"""Every triage step from every referral state: allowed steps land where docs/process.md §2 says,
every other step is a DomainError that leaves the database exactly as it was.

The expectations are written out from the domain description, not read from the table.
"""

import pytest

from kansrijk.core.errors import DomainError
from kansrijk.interventions.services import intervention_open
from kansrijk.interventions.tests.factories import database_state, make_referral
from kansrijk.referrals import services

STATES = ["submitted", "in_review", "accepted", "rejected", "withdrawn"]
UNDECIDED = {"submitted", "in_review"}
ALLOWED_FROM = {
    "start_review": {"submitted"},
    "accept": UNDECIDED,
    "reject": UNDECIDED,
    "withdraw": UNDECIDED,
}
TARGET = {"start_review": "in_review", "accept": "accepted", "reject": "rejected", "withdraw": "withdrawn"}


def _do(action, referral, team_lead, professional):
    # The team lead of the region may take every triage step, so only the state can be at fault.
    if action == "start_review":
        services.referral_start_review(referral=referral, by=team_lead)
    elif action == "accept":
        intervention_open(referral=referral, by=team_lead, professional=professional)
    elif action == "reject":
        services.referral_reject(referral=referral, by=team_lead, reason="no_agreement")
    else:
        services.referral_withdraw(referral=referral, by=team_lead, note="Phoned in by the school.")


@pytest.mark.parametrize(
    ("action", "state"),
    [(action, state) for action in ALLOWED_FROM for state in STATES if state not in ALLOWED_FROM[action]],
)
def test_it_refuses_every_triage_step_the_workflow_forbids_and_changes_nothing(
    action, state, organisation_a, team_lead_a, caseworker_a
):
    referral = make_referral(status=state, organisation=organisation_a, team_lead=team_lead_a)
    before = database_state()

    with pytest.raises(DomainError) as refused:
        _do(action, referral, team_lead_a, caseworker_a)

    assert refused.value.code in {"closed", "invalid_transition"}
    assert str(refused.value)
    assert database_state() == before
    referral.refresh_from_db()
    assert referral.status == state


@pytest.mark.parametrize(
    ("action", "state"),
    [(action, state) for action in ALLOWED_FROM for state in sorted(ALLOWED_FROM[action])],
)
def test_it_allows_every_triage_step_the_workflow_permits(
    action, state, organisation_a, team_lead_a, caseworker_a
):
    referral = make_referral(status=state, organisation=organisation_a, team_lead=team_lead_a)
    history_before = list(referral.history.values_list("from_status", "to_status"))

    _do(action, referral, team_lead_a, caseworker_a)

    referral.refresh_from_db()
    assert referral.status == TARGET[action]
    assert list(referral.history.values_list("from_status", "to_status")) == [
        *history_before,
        (state, TARGET[action]),
    ]
