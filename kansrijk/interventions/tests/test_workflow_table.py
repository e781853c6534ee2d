"""The transition table itself: `check_transition` refuses every pair the table leaves out."""

import pytest

from kansrijk.core.errors import DomainError
from kansrijk.interventions.constants import ENDED_STATUSES, Status
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.workflow import INTERVENTION_TRANSITIONS, REFERRAL_TRANSITIONS, check_transition
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.models import Referral

PAIRS = [
    (Intervention, action, status, transition)
    for action, transition in INTERVENTION_TRANSITIONS.items()
    for status in Status.values
] + [
    (Referral, action, status, transition)
    for action, transition in REFERRAL_TRANSITIONS.items()
    for status in ReferralStatus.values
]


def _param(pair):
    model, action, status, _ = pair
    return pytest.param(*pair, id=f"{model.__name__}-{action}-{status}")


@pytest.mark.parametrize(
    ("model", "action", "status", "transition"),
    [_param(pair) for pair in PAIRS if pair[2] not in pair[3].sources],
)
def test_it_refuses_every_pair_the_table_leaves_out(model, action, status, transition):
    with pytest.raises(DomainError) as refused:
        check_transition(model(status=status), action)

    assert refused.value.code in {"closed", "invalid_transition"}
    assert str(refused.value)


@pytest.mark.parametrize(
    ("model", "action", "status", "transition"),
    [_param(pair) for pair in PAIRS if pair[2] in pair[3].sources],
)
def test_it_gives_the_next_status_for_every_pair_in_the_table(model, action, status, transition):
    assert check_transition(model(status=status), action) == (transition.target or status)


def test_it_tells_that_an_ended_intervention_is_closed_whatever_the_step():
    for status in ENDED_STATUSES:
        with pytest.raises(DomainError) as refused:
            check_transition(Intervention(status=status), "add_note")
        assert refused.value.code == "closed"


def test_it_names_the_step_that_is_out_of_order_on_an_open_file():
    with pytest.raises(DomainError) as refused:
        check_transition(Intervention(status=Status.NEW), "record_agreement")

    assert refused.value.code == "invalid_transition"
    assert "intake" in str(refused.value)


def test_it_never_lets_a_step_leave_an_ended_intervention_except_reopening():
    for action, transition in INTERVENTION_TRANSITIONS.items():
        if transition.sources & ENDED_STATUSES:
            assert action.startswith("reopen")
