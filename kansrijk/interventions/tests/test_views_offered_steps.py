"""The file offers only the steps the workflow allows in the current status and for the user's
role: no agreements before the intake, no completion before it, assigning for team leads, the
care-report form only for those who may see care reports."""

import pytest
from django.urls import reverse

from kansrijk.interventions.tests.factories import make_intervention

ALL_STEPS = {
    "plan_intake",
    "start",
    "record_parent_contact",
    "record_conversation",
    "record_agreement",
    "plan_component",
    "record_restoration",
    "record_consent",
    "record_care_referral",
    "record_care_report",
    "complete",
    "stop",
    "not_start",
    "assign",
    "reopen",
}

# What a Halt professional may record in each open status (docs/process.md §2).
BEFORE_INTAKE = {
    "plan_intake",
    "start",
    "record_parent_contact",
    "record_consent",
    "record_care_referral",
    "record_care_report",
    "not_start",
}
EXPECTED = {
    "new": BEFORE_INTAKE,
    "intake_planned": BEFORE_INTAKE | {"stop"},
    "in_progress": {
        "record_parent_contact",
        "record_conversation",
        "record_agreement",
        "plan_component",
        "record_restoration",
        "record_consent",
        "record_care_referral",
        "record_care_report",
        "complete",
        "stop",
    },
}


def _offered(client, user, intervention):
    client.force_login(user)
    response = client.get(reverse("interventions:detail", args=[intervention.uuid]))
    text = response.content.decode()
    offered = {
        step for step in ALL_STEPS if reverse(f"interventions:{step}", args=[intervention.uuid]) in text
    }
    shown = {step.key for group in response.context["steps"].values() for step in group}
    assert offered == shown
    return offered, response


@pytest.mark.parametrize("status", list(EXPECTED))
def test_it_offers_the_assigned_professional_the_steps_of_the_status(client, caseworker_a, school_a, status):
    intervention = make_intervention(status=status, professional=caseworker_a, school=school_a)
    assert _offered(client, caseworker_a, intervention)[0] == EXPECTED[status]


@pytest.mark.parametrize("status", list(EXPECTED))
def test_it_offers_a_team_lead_reassigning_too(client, team_lead_a, caseworker_a, school_a, status):
    intervention = make_intervention(status=status, professional=caseworker_a, school=school_a)
    assert _offered(client, team_lead_a, intervention)[0] == EXPECTED[status] | {"assign"}


def test_it_offers_a_colleague_everything_but_the_care_report(client, caseworker_a, caseworker_a2, school_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    offered, response = _offered(client, caseworker_a2, intervention)
    assert offered == EXPECTED["in_progress"] - {"record_care_report"}
    assert "Veilig Thuis" not in response.content.decode()


def test_it_offers_marking_only_for_planned_components_while_in_progress(client, caseworker_a, school_a):
    intervention = make_intervention(
        status="in_progress", professional=caseworker_a, school=school_a, components=["reflection", "mentor"]
    )
    reflection, mentor = intervention.components.order_by("id")
    client.force_login(caseworker_a)
    client.post(
        reverse("interventions:mark_component", args=[intervention.uuid, mentor.uuid]),
        {f"mark-{mentor.uuid}-status": "not_done"},
    )

    text = client.get(reverse("interventions:detail", args=[intervention.uuid])).content.decode()

    assert reverse("interventions:mark_component", args=[intervention.uuid, reflection.uuid]) in text
    assert reverse("interventions:mark_component", args=[intervention.uuid, mentor.uuid]) not in text


def test_it_does_not_offer_completion_of_an_imported_file_without_an_intake(client, caseworker_a, school_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    # Imported files can be in progress without an intake date; the service would refuse.
    type(intervention).objects.filter(pk=intervention.pk).update(intake_date=None)
    offered, _response = _offered(client, caseworker_a, intervention)
    assert "complete" not in offered
    assert "stop" in offered
