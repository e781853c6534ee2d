"""Submitting a referral: what is stored, and how it is numbered and logged."""

import datetime as dt

import pytest
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.referrals.services import referral_submit


@pytest.fixture
def submit(referrer_a, organisation_a, school_a):
    today = timezone.localdate()

    def submit(**overrides):
        values = {
            "young_person_data": {
                "first_name": "Lotte",
                "last_name": "Jansen",
                "birth_date": today - dt.timedelta(days=13 * 365),
                "gender": "f",
            },
            "organisation": organisation_a,
            "referred_by": referrer_a,
            "type": "school",
            "school": school_a,
            "municipality": school_a.municipality,
            "referral_date": today - dt.timedelta(days=3),
            "incident_date": today - dt.timedelta(days=5),
            "description": "Posted a fake profile of a classmate.",
            "reasons": ["online_misconduct", "bullying", "verbal_aggression"],
            "has_victim": True,
            "youth_informed": True,
            "parents_informed": False,
            "other_care_involved": True,
            "other_care_description": "School social worker",
        }
        values.update(overrides)
        return referral_submit(**values)

    return submit


def test_it_stores_the_referral_in_the_region_of_its_municipality(
    submit, organisation_a, school_a, referrer_a
):
    referral = submit()

    referral.refresh_from_db()
    assert referral.status == "submitted"
    assert referral.region == school_a.municipality.region
    assert (referral.organisation, referral.referrer_kind, referral.referred_by) == (
        organisation_a,
        "school",
        referrer_a,
    )
    assert (referral.type, referral.school) == ("school", school_a)
    assert referral.young_person.full_name == "Lotte Jansen"
    assert (referral.has_victim, referral.youth_informed, referral.parents_informed) == (True, True, False)
    assert referral.other_care_description == "School social worker"


def test_it_numbers_references_per_year_of_referral(submit):
    today = timezone.localdate()

    first = submit()
    second = submit()

    year = (today - dt.timedelta(days=3)).year
    assert first.reference == f"AAN-{year}-000001"
    assert second.reference == f"AAN-{year}-000002"


def test_it_keeps_the_reasons_in_order_with_the_first_as_primary(submit):
    referral = submit(reasons=["theft", "vandalism", "other"])

    assert list(referral.reasons.values_list("code", "position", "is_primary")) == [
        ("theft", 0, True),
        ("vandalism", 1, False),
        ("other", 2, False),
    ]
    assert referral.primary_reason == "theft"


def test_it_writes_the_first_history_row_and_an_audit_row(submit, referrer_a):
    referral = submit()

    change = referral.history.get()
    assert (change.from_status, change.to_status, change.by) == ("", "submitted", referrer_a)
    event = AuditEvent.objects.get(subject_id=str(referral.uuid))
    assert (event.event, event.actor) == ("referral_submitted", referrer_a)
    assert event.new is not None
    assert event.new["reference"] == referral.reference
    assert event.new["reasons"] == ["online_misconduct", "bullying", "verbal_aggression"]
    # The audit log outlives the case; what happened stays out of it.
    assert "fake profile" not in str(event.new)


def test_it_adds_the_parents_to_the_young_person(submit):
    referral = submit(
        parents=[
            {"first_name": "Kees", "relation": "father", "has_parental_authority": True},
            {"first_name": "Ans", "relation": "carer", "has_parental_authority": False},
        ]
    )

    assert list(referral.young_person.parents.values_list("first_name", "has_parental_authority")) == [
        ("Kees", True),
        ("Ans", False),
    ]


def test_it_can_refer_a_young_person_who_is_already_known(submit):
    first = submit()

    second = submit(young_person_data=None, young_person=first.young_person, reasons=["school_absence"])

    assert second.young_person == first.young_person
    assert first.young_person.referrals.count() == 2


def test_it_lets_a_team_lead_enter_a_referral_phoned_in_by_the_police(submit, team_lead_a, municipality_a):
    referral = submit(
        organisation=None,
        referrer_kind="police",
        referred_by=team_lead_a,
        type="neighbourhood",
        school=None,
        municipality=municipality_a,
    )

    assert (referral.referrer_kind, referral.type, referral.school) == ("police", "neighbourhood", None)
