"""Reopening an ended intervention: a separate, logged action for team leads (docs/process.md §2)."""

import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError
from kansrijk.interventions import services

from .factories import database_state, make_intervention


def test_it_refuses_a_reopen_by_a_caseworker(caseworker_a):
    intervention = make_intervention(status="completed", professional=caseworker_a)
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_reopen(intervention=intervention, by=caseworker_a, reason="Forgot a letter.")

    assert refused.value.code == "forbidden"
    assert database_state() == before


def test_it_refuses_a_reopen_by_the_team_lead_of_another_region(caseworker_a, team_lead_b):
    intervention = make_intervention(status="completed", professional=caseworker_a)
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_reopen(intervention=intervention, by=team_lead_b, reason="Forgot a letter.")

    assert refused.value.code == "forbidden"
    assert database_state() == before


def test_it_lets_the_team_lead_reopen_and_logs_the_reason(caseworker_a, team_lead_a):
    intervention = make_intervention(status="completed", professional=caseworker_a, outcome="further_support")
    intake_date = intervention.intake_date

    services.intervention_reopen(
        intervention=intervention, by=team_lead_a, reason="  The school reported a new incident.  "
    )

    intervention.refresh_from_db()
    assert intervention.status == "in_progress"
    assert intervention.intake_date == intake_date
    assert (intervention.end_date, intervention.outcome) == (None, "")
    last = intervention.history.last()
    assert last is not None
    assert (last.from_status, last.to_status, last.by) == ("completed", "in_progress", team_lead_a)
    assert last.reason == "The school reported a new incident."
    event = AuditEvent.objects.filter(subject_id=str(intervention.uuid)).first()
    assert event is not None
    assert event.event == "intervention_reopened"
    assert event.actor == team_lead_a
    assert event.old is not None and event.new is not None
    assert event.old["status"] == "completed" and event.old["outcome"] == "further_support"
    assert event.new["status"] == "in_progress" and event.new["outcome"] == ""


def test_it_reopens_a_file_without_intake_as_new_and_clears_the_end(caseworker_a, team_lead_a):
    intervention = make_intervention(status="not_started", professional=caseworker_a)

    services.intervention_reopen(
        intervention=intervention, by=team_lead_a, reason="Parents agreed after all."
    )

    intervention.refresh_from_db()
    assert intervention.status == "new"
    assert (intervention.end_date, intervention.not_started_reason, intervention.end_note) == (None, "", "")


def test_it_reopens_a_stopped_file_and_clears_the_stop_reason(caseworker_a, team_lead_a):
    intervention = make_intervention(status="stopped", professional=caseworker_a)

    services.intervention_reopen(intervention=intervention, by=team_lead_a, reason="Young person came back.")

    intervention.refresh_from_db()
    assert (intervention.status, intervention.stop_reason, intervention.end_date) == ("in_progress", "", None)
    services.intervention_add_note(intervention=intervention, by=caseworker_a, text="Work continues.")
    assert intervention.notes.count() == 1


@pytest.mark.parametrize("reason", ["", "   "])
def test_it_refuses_a_reopen_without_a_reason(caseworker_a, team_lead_a, reason):
    intervention = make_intervention(status="completed", professional=caseworker_a)
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_reopen(intervention=intervention, by=team_lead_a, reason=reason)

    assert refused.value.code == "reason_required"
    assert database_state() == before
