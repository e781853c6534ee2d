"""The test factories reach every state through the real services."""

import pytest

from kansrijk.interventions.models import Intervention

from .factories import make_intervention, make_referral

PATHS = {
    "new": [("", "new")],
    "intake_planned": [("", "new"), ("new", "intake_planned")],
    "in_progress": [("", "new"), ("new", "intake_planned"), ("intake_planned", "in_progress")],
    "completed": [
        ("", "new"),
        ("new", "intake_planned"),
        ("intake_planned", "in_progress"),
        ("in_progress", "completed"),
    ],
    "stopped": [
        ("", "new"),
        ("new", "intake_planned"),
        ("intake_planned", "in_progress"),
        ("in_progress", "stopped"),
    ],
    "not_started": [("", "new"), ("new", "not_started")],
}


@pytest.mark.parametrize("status", list(PATHS))
def test_it_walks_an_intervention_to_each_state(caseworker_a, status):
    intervention = make_intervention(status=status, professional=caseworker_a)

    stored = Intervention.objects.get(pk=intervention.pk)
    assert stored.status == status
    assert stored.region == caseworker_a.region
    assert list(stored.history.values_list("from_status", "to_status")) == PATHS[status]


@pytest.mark.parametrize("status", ["submitted", "in_review", "accepted", "rejected", "withdrawn"])
def test_it_brings_a_referral_to_each_state(organisation_a, status):
    referral = make_referral(status=status, organisation=organisation_a)

    referral.refresh_from_db()
    assert referral.status == status
    assert referral.region == organisation_a.municipality.region
    assert hasattr(referral, "intervention") == (status == "accepted")


def test_it_records_the_requested_case_content_on_the_way(caseworker_a):
    intervention = make_intervention(
        status="completed",
        professional=caseworker_a,
        parent_contacts=["phone", "face_to_face"],
        components=["reflection"],
        restorations=["apology_letter"],
        care_referrals=["youth_care"],
        care_reports=2,
    )

    assert sorted(intervention.parent_contacts.values_list("mode", flat=True)) == ["face_to_face", "phone"]
    assert intervention.components.count() == 1
    assert list(intervention.restoration_actions.values_list("kind", flat=True)) == ["apology_letter"]
    assert list(intervention.care_referrals.values_list("kind", flat=True)) == ["youth_care"]
    assert intervention.care_reports.count() == 2


def test_it_refuses_a_state_the_workflow_cannot_reach(caseworker_a):
    with pytest.raises(ValueError, match="need an intake"):
        make_intervention(status="new", professional=caseworker_a, restorations=["apology_letter"])


def test_it_builds_its_own_region_when_given_nothing(db):
    intervention = make_intervention(status="in_progress")

    assert intervention.professional is not None
    assert intervention.professional.region == intervention.region
    assert intervention.referral.municipality.region == intervention.region
