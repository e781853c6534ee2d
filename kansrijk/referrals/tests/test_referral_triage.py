"""Triage: the region's team lead reviews, accepts (opening an intervention) or rejects; the
referrer can withdraw while no decision has been made."""

import pytest

from kansrijk.accounts.models import User
from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError
from kansrijk.interventions.services import intervention_open
from kansrijk.interventions.tests.factories import database_state, make_referral
from kansrijk.referrals import services


def test_it_takes_a_referral_into_review(organisation_a, team_lead_a):
    referral = make_referral(organisation=organisation_a)

    services.referral_start_review(referral=referral, by=team_lead_a)

    referral.refresh_from_db()
    assert referral.status == "in_review"
    last = referral.history.last()
    assert last is not None
    assert (last.from_status, last.to_status, last.by) == ("submitted", "in_review", team_lead_a)


def test_it_opens_an_intervention_when_a_referral_is_accepted(
    organisation_a, school_a, team_lead_a, caseworker_a
):
    referral = make_referral(
        status="in_review", organisation=organisation_a, team_lead=team_lead_a, reasons=["bullying", "theft"]
    )

    intervention = intervention_open(referral=referral, by=team_lead_a, professional=caseworker_a)

    referral.refresh_from_db()
    intervention.refresh_from_db()
    assert referral.status == "accepted"
    assert intervention.referral == referral
    assert intervention.reference == f"HLT-{referral.referral_date.year}-000001"
    assert intervention.status == "new"
    assert intervention.professional == caseworker_a
    assert (intervention.type, intervention.school, intervention.region, intervention.municipality) == (
        "school",
        school_a,
        referral.region,
        referral.municipality,
    )
    assert intervention.referral_date == referral.referral_date
    assert intervention.primary_reason == "bullying"
    assert intervention.accepted_at is not None
    assert list(intervention.history.values_list("from_status", "to_status", "by")) == [
        ("", "new", team_lead_a.pk)
    ]
    last = referral.history.last()
    assert last is not None
    assert last.to_status == "accepted"
    events = set(AuditEvent.objects.values_list("event", flat=True))
    assert {"referral_accepted", "intervention_created"} <= events


def test_it_accepts_straight_from_submitted(organisation_a, team_lead_a, caseworker_a2):
    referral = make_referral(organisation=organisation_a)

    intervention = intervention_open(referral=referral, by=team_lead_a, professional=caseworker_a2)

    assert intervention.professional == caseworker_a2
    assert list(referral.history.values_list("from_status", "to_status")) == [
        ("", "submitted"),
        ("submitted", "accepted"),
    ]


def test_it_rejects_with_the_reason_and_the_explanation(organisation_a, team_lead_a):
    referral = make_referral(status="in_review", organisation=organisation_a, team_lead=team_lead_a)

    services.referral_reject(
        referral=referral, by=team_lead_a, reason="criminal_offence", note="Shoplifting: police route."
    )

    referral.refresh_from_db()
    assert referral.status == "rejected"
    assert (referral.rejection_reason, referral.rejection_note) == (
        "criminal_offence",
        "Shoplifting: police route.",
    )
    last = referral.history.last()
    assert last is not None
    assert (last.from_status, last.to_status, last.by) == ("in_review", "rejected", team_lead_a)
    assert "criminal_offence" in last.reason
    assert not hasattr(referral, "intervention")


@pytest.mark.parametrize(("reason", "code"), [("", "reason_required"), ("too_busy", "unknown_reason")])
def test_it_refuses_a_rejection_without_a_valid_reason(organisation_a, team_lead_a, reason, code):
    referral = make_referral(status="in_review", organisation=organisation_a, team_lead=team_lead_a)
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.referral_reject(referral=referral, by=team_lead_a, reason=reason)

    assert refused.value.code == code
    assert database_state() == before


def test_it_lets_the_referrer_withdraw_a_referral_of_their_organisation(organisation_a, referrer_a):
    referral = make_referral(organisation=organisation_a)

    services.referral_withdraw(referral=referral, by=referrer_a, note="Resolved at school.")

    referral.refresh_from_db()
    assert referral.status == "withdrawn"
    last = referral.history.last()
    assert last is not None
    assert (last.to_status, last.by, last.reason) == ("withdrawn", referrer_a, "Resolved at school.")


@pytest.mark.parametrize("who", ["caseworker_a", "relationship_manager_a", "team_lead_b"])
def test_it_refuses_a_withdrawal_by_someone_else(request, organisation_a, who):
    referral = make_referral(organisation=organisation_a)
    user = request.getfixturevalue(who)
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.referral_withdraw(referral=referral, by=user)

    assert refused.value.code == "forbidden"
    assert database_state() == before


def test_it_refuses_a_withdrawal_by_a_referrer_of_another_organisation(organisation_a, organisation_b):
    other = User.objects.create_user(username="olga", role="referrer", organisation=organisation_b)
    referral = make_referral(organisation=organisation_a)

    with pytest.raises(DomainError) as refused:
        services.referral_withdraw(referral=referral, by=other)

    assert refused.value.code == "forbidden"
    referral.refresh_from_db()
    assert referral.status == "submitted"


@pytest.mark.parametrize("step", ["start_review", "reject"])
def test_it_leaves_triage_to_the_team_lead_of_the_region(organisation_a, caseworker_a, team_lead_b, step):
    referral = make_referral(organisation=organisation_a)
    before = database_state()

    for user in (caseworker_a, team_lead_b):
        with pytest.raises(DomainError) as refused:
            if step == "start_review":
                services.referral_start_review(referral=referral, by=user)
            else:
                services.referral_reject(referral=referral, by=user, reason="other")
        assert refused.value.code == "forbidden"

    assert database_state() == before
