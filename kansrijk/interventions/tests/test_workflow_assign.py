"""A team lead hands an intervention to another professional of the region."""

import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError
from kansrijk.interventions import services

from .factories import database_state, make_intervention


def test_it_lets_the_team_lead_reassign_and_audits_old_and_new(caseworker_a, caseworker_a2, team_lead_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    history_before = intervention.history.count()

    services.intervention_assign(intervention=intervention, by=team_lead_a, professional=caseworker_a2)

    intervention.refresh_from_db()
    assert intervention.professional == caseworker_a2
    assert intervention.status == "in_progress"
    assert intervention.history.count() == history_before
    event = AuditEvent.objects.filter(subject_id=str(intervention.uuid)).first()
    assert event is not None
    assert (event.event, event.actor) == ("intervention_assigned", team_lead_a)
    assert event.old is not None and event.new is not None
    assert event.old["professional"] == str(caseworker_a.pk)
    assert event.new["professional"] == str(caseworker_a2.pk)


def test_it_refuses_a_reassignment_by_a_caseworker(caseworker_a, caseworker_a2):
    intervention = make_intervention(status="new", professional=caseworker_a)
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_assign(intervention=intervention, by=caseworker_a, professional=caseworker_a2)

    assert refused.value.code == "forbidden"
    assert database_state() == before


@pytest.mark.parametrize("who", ["caseworker_b", "referrer_a", "inactive caseworker"])
def test_it_refuses_a_professional_who_cannot_take_the_file(
    request, caseworker_a, caseworker_a2, team_lead_a, who
):
    if who == "inactive caseworker":
        professional = caseworker_a2
        professional.is_active = False
        professional.save()
    else:
        professional = request.getfixturevalue(who)
    intervention = make_intervention(status="new", professional=caseworker_a)
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_assign(intervention=intervention, by=team_lead_a, professional=professional)

    assert refused.value.code == "invalid_professional"
    assert database_state() == before
    intervention.refresh_from_db()
    assert intervention.professional == caseworker_a
