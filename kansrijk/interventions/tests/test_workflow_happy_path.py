"""A whole case, from the school's referral to the completed intervention, through the services."""

import datetime as dt

from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions import services
from kansrijk.referrals import services as referral_services


def test_it_takes_a_referral_all_the_way_to_a_completed_intervention(
    referrer_a, organisation_a, school_a, team_lead_a, caseworker_a
):
    today = timezone.localdate()
    referral_date = today - dt.timedelta(days=40)
    referral = referral_services.referral_submit(
        young_person_data={
            "first_name": "Noah",
            "last_name": "Bakker",
            "birth_date": referral_date - dt.timedelta(days=14 * 365),
        },
        parents=[{"first_name": "Ilse", "last_name": "Bakker", "relation": "mother"}],
        organisation=organisation_a,
        referred_by=referrer_a,
        type="school",
        school=school_a,
        municipality=school_a.municipality,
        referral_date=referral_date,
        incident_date=referral_date - dt.timedelta(days=2),
        description="Pushed a classmate down the stairs.",
        reasons=["physical_aggression", "bullying"],
        has_victim=True,
        youth_informed=True,
        parents_informed=True,
        other_care_involved=False,
    )
    referral_services.referral_start_review(referral=referral, by=team_lead_a)
    intervention = services.intervention_open(referral=referral, by=team_lead_a, professional=caseworker_a)

    mother = referral.young_person.parents.get()
    services.intervention_record_parent_contact(
        intervention=intervention, by=caseworker_a, mode="phone", date=referral_date, parent=mother
    )
    services.intervention_plan_intake(
        intervention=intervention,
        by=caseworker_a,
        planned_at=timezone.make_aware(
            dt.datetime.combine(referral_date + dt.timedelta(days=5), dt.time(15))
        ),
    )
    intake_date = referral_date + dt.timedelta(days=5)
    services.intervention_start(
        intervention=intervention, by=caseworker_a, intake_date=intake_date, parents=[mother]
    )
    services.intervention_record_agreement(
        intervention=intervention, by=caseworker_a, description="Writes an apology letter."
    )
    component = services.intervention_plan_component(
        intervention=intervention, by=caseworker_a, kind="reflection", planned_date=intake_date
    )
    services.intervention_mark_component(
        component=component, by=caseworker_a, status="done", date=intake_date + dt.timedelta(days=7)
    )
    services.intervention_record_restoration(
        intervention=intervention,
        by=caseworker_a,
        kind="apology_letter",
        date=intake_date + dt.timedelta(days=10),
        victim_involved=True,
    )
    services.intervention_record_conversation(
        intervention=intervention, by=caseworker_a, kind="closing", date=intake_date + dt.timedelta(days=20)
    )
    services.intervention_complete(
        intervention=intervention,
        by=caseworker_a,
        outcome="sufficient",
        end_date=intake_date + dt.timedelta(days=20),
    )

    intervention.refresh_from_db()
    assert intervention.status == "completed"
    assert intervention.outcome == "sufficient"
    assert intervention.intake_date == intake_date
    assert intervention.end_date == intake_date + dt.timedelta(days=20)
    assert intervention.referral_date == referral_date
    assert intervention.primary_reason == "physical_aggression"
    assert intervention.school == school_a
    assert intervention.professional == caseworker_a

    assert list(referral.history.values_list("from_status", "to_status", "by__username")) == [
        ("", "submitted", referrer_a.username),
        ("submitted", "in_review", team_lead_a.username),
        ("in_review", "accepted", team_lead_a.username),
    ]
    assert list(intervention.history.values_list("from_status", "to_status", "by__username")) == [
        ("", "new", team_lead_a.username),
        ("new", "intake_planned", caseworker_a.username),
        ("intake_planned", "in_progress", caseworker_a.username),
        ("in_progress", "completed", caseworker_a.username),
    ]
    assert [c.kind for c in intervention.conversations.all()] == ["intake", "closing"]
    assert list(intervention.conversations.get(kind="intake").parents.all()) == [mother]
    assert intervention.components.get().status == "done"
    assert intervention.restoration_actions.get().victim_involved is True

    events = list(
        AuditEvent.objects.filter(
            subject_type="interventions.intervention", subject_id=str(intervention.uuid)
        )
        .order_by("id")
        .values_list("event", "actor_label")
    )
    assert events == [
        ("intervention_created", team_lead_a.username),
        ("intervention_parent_contact_recorded", caseworker_a.username),
        ("intervention_intake_planned", caseworker_a.username),
        ("intervention_started", caseworker_a.username),
        ("intervention_agreement_recorded", caseworker_a.username),
        ("intervention_component_planned", caseworker_a.username),
        ("intervention_component_marked", caseworker_a.username),
        ("intervention_restoration_recorded", caseworker_a.username),
        ("intervention_conversation_recorded", caseworker_a.username),
        ("intervention_completed", caseworker_a.username),
        # The ending invites the young person (and whoever else has an address) to evaluate it.
        ("evaluations_invited", caseworker_a.username),
    ]
    completed = AuditEvent.objects.get(subject_id=str(intervention.uuid), event="intervention_completed")
    assert completed.old == {"status": "in_progress", "outcome": "", "end_date": None}
    assert completed.new == {
        "status": "completed",
        "outcome": "sufficient",
        "end_date": (intake_date + dt.timedelta(days=20)).isoformat(),
    }
