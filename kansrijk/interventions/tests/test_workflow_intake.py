"""Planning and holding the intake (first conversation)."""

import datetime as dt

import pytest
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError
from kansrijk.interventions import services

from .factories import database_state, make_intervention, make_referral


def _at(day, hour=10):
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def test_it_moves_a_planned_intake_without_a_new_status_but_audits_the_change(caseworker_a):
    intervention = make_intervention(status="new", professional=caseworker_a)
    first = _at(timezone.localdate() + dt.timedelta(days=3))
    second = _at(timezone.localdate() + dt.timedelta(days=5), hour=14)
    services.intervention_plan_intake(intervention=intervention, by=caseworker_a, planned_at=first)

    services.intervention_plan_intake(intervention=intervention, by=caseworker_a, planned_at=second)

    intervention.refresh_from_db()
    assert intervention.status == "intake_planned"
    assert intervention.intake_planned_at == second
    assert list(intervention.history.values_list("from_status", "to_status")) == [
        ("", "new"),
        ("new", "intake_planned"),
    ]
    moved = AuditEvent.objects.filter(subject_id=str(intervention.uuid), event="intervention_intake_planned")
    assert moved.count() == 2
    first_move = moved.first()
    assert first_move is not None
    assert first_move.old == {"status": "intake_planned", "intake_planned_at": first.isoformat()}
    assert first_move.new == {"status": "intake_planned", "intake_planned_at": second.isoformat()}


def test_it_refuses_to_plan_an_intake_before_the_referral_date(caseworker_a):
    intervention = make_intervention(status="new", professional=caseworker_a)
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_plan_intake(
            intervention=intervention,
            by=caseworker_a,
            planned_at=_at(intervention.referral_date - dt.timedelta(days=1)),
        )

    assert refused.value.code == "date_too_early"
    assert database_state() == before


def test_it_records_the_intake_conversation_and_starts_the_intervention(caseworker_a):
    intervention = make_intervention(status="intake_planned", professional=caseworker_a)
    parent = intervention.referral.young_person.parents.get()
    intake_date = intervention.referral_date + dt.timedelta(days=3)

    services.intervention_start(
        intervention=intervention,
        by=caseworker_a,
        intake_date=intake_date,
        place="At home",
        youth_took_part=True,
        parents=[parent],
        summary="Talked about what happened at school.",
    )

    intervention.refresh_from_db()
    assert intervention.status == "in_progress"
    assert intervention.intake_date == intake_date
    intake = intervention.conversations.get()
    assert (intake.kind, intake.date, intake.place, intake.recorded_by) == (
        "intake",
        intake_date,
        "At home",
        caseworker_a,
    )
    assert list(intake.parents.all()) == [parent]


@pytest.mark.parametrize(
    ("when", "code"),
    [("day_before_referral", "date_too_early"), ("tomorrow", "date_in_future")],
)
def test_it_refuses_an_intake_date_before_the_referral_or_in_the_future(caseworker_a, when, code):
    intervention = make_intervention(status="intake_planned", professional=caseworker_a)
    intake_date = {
        "day_before_referral": intervention.referral_date - dt.timedelta(days=1),
        "tomorrow": timezone.localdate() + dt.timedelta(days=1),
    }[when]
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_start(intervention=intervention, by=caseworker_a, intake_date=intake_date)

    assert refused.value.code == code
    assert database_state() == before


def test_it_refuses_a_parent_of_another_young_person_at_the_intake(caseworker_a):
    intervention = make_intervention(status="new", professional=caseworker_a)
    stranger = make_referral(professional=caseworker_a).young_person.parents.get()
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_start(
            intervention=intervention, by=caseworker_a, intake_date=timezone.localdate(), parents=[stranger]
        )

    assert refused.value.code == "invalid_parent"
    assert database_state() == before
