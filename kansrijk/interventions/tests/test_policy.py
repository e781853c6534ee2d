"""The one policy, walked: for every role and relation, every status and every action, the steps
the workflow offers are exactly the steps the services let through.

Each action is tried for real, through its service with valid input, inside a savepoint that is
rolled back; a refused step must be refused for a reason of the workflow (who, closed, status,
condition), never for its input, so that a difference between what is offered and what is
allowed cannot hide behind a bad argument.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone

from kansrijk.core.errors import DomainError
from kansrijk.interventions import consent as consent_services
from kansrijk.interventions import services
from kansrijk.interventions.constants import (
    CareReferralKind,
    ComponentKind,
    ComponentStatus,
    ConsentPurpose,
    ContactMode,
    ConversationKind,
    NotStartedReason,
    Outcome,
    RestorationKind,
    Status,
    StopReason,
)
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.tests.factories import make_intervention, make_referral
from kansrijk.interventions.workflow import INTERVENTION_WORKFLOW
from kansrijk.referrals import services as referral_services
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.models import Referral
from kansrijk.referrals.workflow import REFERRAL_WORKFLOW

WORKFLOW_REFUSALS = {"forbidden", "closed", "invalid_transition", "no_intake"}

# Everybody who could ask, by role and relation to a file of region A assigned to caseworker_a.
USERS = (
    "caseworker_a",  # the assigned professional
    "caseworker_a2",  # another professional of the region
    "team_lead_a",
    "caseworker_b",  # another region
    "team_lead_b",
    "referrer_a",  # the referring organisation
    "relationship_manager_a",
    "privacy_officer",
    "admin_user",
)


class _RolledBack(Exception):
    pass


def _today() -> dt.date:
    return timezone.localdate()


# One valid call per action: (intervention, user, cast) -> the service call.
INTERVENTION_CALLS = {
    "plan_intake": lambda i, by, cast: services.intervention_plan_intake(
        intervention=i, by=by, planned_at=timezone.now() + dt.timedelta(days=1)
    ),
    "start": lambda i, by, cast: services.intervention_start(
        intervention=i, by=by, intake_date=_today(), place="School"
    ),
    "complete": lambda i, by, cast: services.intervention_complete(
        intervention=i, by=by, outcome=Outcome.SUFFICIENT, end_date=_today()
    ),
    "stop": lambda i, by, cast: services.intervention_stop(
        intervention=i, by=by, reason=StopReason.YOUTH_WITHDREW, end_date=_today()
    ),
    "not_start": lambda i, by, cast: services.intervention_not_started(
        intervention=i, by=by, reason=NotStartedReason.NO_CONTACT, end_date=_today()
    ),
    "reopen": lambda i, by, cast: services.intervention_reopen(
        intervention=i, by=by, reason="Te vroeg gesloten"
    ),
    "assign": lambda i, by, cast: services.intervention_assign(
        intervention=i, by=by, professional=cast["caseworker_a2"]
    ),
    "record_parent_contact": lambda i, by, cast: services.intervention_record_parent_contact(
        intervention=i, by=by, mode=ContactMode.PHONE, date=_today()
    ),
    "record_care_referral": lambda i, by, cast: services.intervention_record_care_referral(
        intervention=i, by=by, kind=CareReferralKind.YOUTH_CARE, date=_today()
    ),
    "record_care_report": lambda i, by, cast: services.intervention_record_care_report(
        intervention=i, by=by, date=_today()
    ),
    "add_note": lambda i, by, cast: services.intervention_add_note(intervention=i, by=by, text="Gebeld."),
    "record_consent": lambda i, by, cast: consent_services.consent_record(
        intervention=i,
        by=by,
        purpose=ConsentPurpose.PARTICIPATION,
        given_on=_today(),
        young_person=i.referral.young_person,
    ),
    "withdraw_consent": lambda i, by, cast: consent_services.consent_withdraw(
        consent=i.consents.filter(purpose=ConsentPurpose.SHARE_WITH_REFERRER).first(),
        by=by,
        withdrawn_on=_today(),
    ),
    "record_conversation": lambda i, by, cast: services.intervention_record_conversation(
        intervention=i, by=by, kind=ConversationKind.FOLLOW_UP, date=_today()
    ),
    "record_agreement": lambda i, by, cast: services.intervention_record_agreement(
        intervention=i, by=by, description="Elke dag op tijd"
    ),
    "plan_component": lambda i, by, cast: services.intervention_plan_component(
        intervention=i, by=by, kind=ComponentKind.REFLECTION, planned_date=_today()
    ),
    "mark_component": lambda i, by, cast: services.intervention_mark_component(
        component=i.components.get(status=ComponentStatus.PLANNED),
        by=by,
        status=ComponentStatus.DONE,
        date=_today(),
    ),
    "record_restoration": lambda i, by, cast: services.intervention_record_restoration(
        intervention=i, by=by, kind=RestorationKind.APOLOGY_LETTER, date=_today()
    ),
}

REFERRAL_CALLS = {
    "start_review": lambda r, by, cast: referral_services.referral_start_review(referral=r, by=by),
    "accept": lambda r, by, cast: services.intervention_open(
        referral=r, by=by, professional=cast["caseworker_a"]
    ),
    "reject": lambda r, by, cast: referral_services.referral_reject(
        referral=r, by=by, reason="care_sufficient"
    ),
    "withdraw": lambda r, by, cast: referral_services.referral_withdraw(referral=r, by=by),
}


def test_every_step_of_both_tables_is_tried():
    assert set(INTERVENTION_CALLS) == set(INTERVENTION_WORKFLOW.transitions)
    assert set(REFERRAL_CALLS) == set(REFERRAL_WORKFLOW.transitions)


def _cast(request) -> dict:
    return {name: request.getfixturevalue(name) for name in USERS}


def _try(call, subject_model, pk, user, cast) -> str | None:
    """Take the step for real and roll it back: None when it went through, else the refusal code."""
    try:
        with transaction.atomic():
            call(subject_model.objects.get(pk=pk), user, cast)
            raise _RolledBack
    except _RolledBack:
        return None
    except DomainError as refused:
        return refused.code


@pytest.mark.parametrize("status", Status.values)
def test_what_the_file_offers_is_exactly_what_the_services_allow(
    request, status, municipality_a, organisation_a
):
    cast = _cast(request)
    started = status in (Status.IN_PROGRESS, Status.COMPLETED, Status.STOPPED)
    intervention = make_intervention(
        status=status,
        professional=cast["caseworker_a"],
        team_lead=cast["team_lead_a"],
        municipality=municipality_a,
        organisation=organisation_a,
        consents=[ConsentPurpose.SHARE_WITH_REFERRER, ConsentPurpose.CARE_REFERRAL],
        components=[ComponentKind.ROLE_PLAY] if started else [],
    )
    wrong = []
    for name in USERS:
        user = cast[name]
        fresh = Intervention.objects.get(pk=intervention.pk)
        offered = INTERVENTION_WORKFLOW.offered(user, fresh)
        for action, call in INTERVENTION_CALLS.items():
            if action == "mark_component" and not started:
                # Nothing was ever planned: there is nothing to mark, and nothing is offered.
                assert action not in offered
                continue
            refused = _try(call, Intervention, intervention.pk, user, cast)
            if refused is not None and refused not in WORKFLOW_REFUSALS:
                wrong.append(f"{name} {action} on {status}: refused for its input ({refused})")
            elif (refused is None) != (action in offered):
                wrong.append(
                    f"{name} {action} on {status}: offered={action in offered}, service refused={refused}"
                )
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("status", ReferralStatus.values)
def test_what_triage_offers_is_exactly_what_the_services_allow(
    request, status, municipality_a, organisation_a
):
    cast = _cast(request)
    referral = make_referral(
        status=status,
        municipality=municipality_a,
        organisation=organisation_a,
        referred_by=cast["referrer_a"],
        team_lead=cast["team_lead_a"],
        professional=cast["caseworker_a"],
    )
    wrong = []
    for name in USERS:
        user = cast[name]
        offered = REFERRAL_WORKFLOW.offered(user, Referral.objects.get(pk=referral.pk))
        for action, call in REFERRAL_CALLS.items():
            refused = _try(call, Referral, referral.pk, user, cast)
            if refused is not None and refused not in WORKFLOW_REFUSALS:
                wrong.append(f"{name} {action} on {status}: refused for its input ({refused})")
            elif (refused is None) != (action in offered):
                wrong.append(
                    f"{name} {action} on {status}: offered={action in offered}, service refused={refused}"
                )
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("status", Status.values)
def test_outside_the_region_and_outside_halt_nobody_is_offered_a_step(request, status, municipality_a):
    cast = _cast(request)
    intervention = make_intervention(
        status=status, professional=cast["caseworker_a"], municipality=municipality_a
    )
    for name in (
        "caseworker_b",
        "team_lead_b",
        "referrer_a",
        "relationship_manager_a",
        "privacy_officer",
        "admin_user",
    ):
        assert INTERVENTION_WORKFLOW.offered(cast[name], intervention) == frozenset(), name
    # ... while the region's team lead always has a step: assign while open, reopen once ended.
    assert INTERVENTION_WORKFLOW.offered(cast["team_lead_a"], intervention) & {"assign", "reopen"}
