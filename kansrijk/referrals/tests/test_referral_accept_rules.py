"""Only a team lead of the region accepts, only for a professional of the region, and only for a
young person aged 10 to 23 on the incident date. A refused acceptance changes nothing."""

import datetime as dt

import pytest

from kansrijk.core.errors import DomainError
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.services import intervention_open
from kansrijk.interventions.tests.factories import database_state, make_referral
from kansrijk.people.models import YoungPerson


def _refused_acceptance(referral, by, professional, code):
    before = database_state()
    with pytest.raises(DomainError) as refused:
        intervention_open(referral=referral, by=by, professional=professional)
    assert refused.value.code == code
    assert database_state() == before
    assert not Intervention.objects.filter(referral=referral).exists()
    return refused.value


def test_it_refuses_to_accept_a_young_person_aged_9_on_the_incident_date(
    organisation_a, team_lead_a, caseworker_a
):
    referral = make_referral(status="in_review", organisation=organisation_a, team_lead=team_lead_a)
    assert referral.incident_date is not None
    # The date of birth was corrected after the referral came in: the person was 9 then.
    corrected = referral.incident_date.replace(year=referral.incident_date.year - 10, day=1) + dt.timedelta(
        days=40
    )
    YoungPerson.objects.filter(pk=referral.young_person_id).update(birth_date=corrected)

    error = _refused_acceptance(referral, team_lead_a, caseworker_a, "age_out_of_range")

    assert "9" in str(error)
    referral.refresh_from_db()
    assert referral.status == "in_review"


def test_it_refuses_an_acceptance_by_a_caseworker(organisation_a, caseworker_a):
    referral = make_referral(organisation=organisation_a)

    _refused_acceptance(referral, caseworker_a, caseworker_a, "forbidden")


def test_it_refuses_an_acceptance_by_the_team_lead_of_another_region(
    organisation_a, team_lead_b, caseworker_a
):
    referral = make_referral(organisation=organisation_a)

    _refused_acceptance(referral, team_lead_b, caseworker_a, "forbidden")


def test_it_refuses_an_inactive_team_lead(organisation_a, team_lead_a, caseworker_a):
    referral = make_referral(organisation=organisation_a)
    team_lead_a.is_active = False
    team_lead_a.save()

    _refused_acceptance(referral, team_lead_a, caseworker_a, "forbidden")


@pytest.mark.parametrize("who", ["caseworker_b", "referrer_a", "relationship_manager_a"])
def test_it_refuses_a_professional_who_cannot_take_the_case(request, organisation_a, team_lead_a, who):
    referral = make_referral(organisation=organisation_a)

    _refused_acceptance(referral, team_lead_a, request.getfixturevalue(who), "invalid_professional")


def test_it_refuses_a_professional_who_left(organisation_a, team_lead_a, caseworker_a):
    referral = make_referral(organisation=organisation_a)
    caseworker_a.is_active = False
    caseworker_a.save()

    _refused_acceptance(referral, team_lead_a, caseworker_a, "invalid_professional")


def test_it_lets_the_team_lead_take_the_case_personally(organisation_a, team_lead_a):
    referral = make_referral(organisation=organisation_a)

    intervention = intervention_open(referral=referral, by=team_lead_a, professional=team_lead_a)

    assert intervention.professional == team_lead_a
