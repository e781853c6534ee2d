"""A referral the rules do not allow is refused with a clear reason, and nothing is stored."""

import datetime as dt

import pytest
from django.utils import timezone

from kansrijk.core.errors import DomainError
from kansrijk.interventions.tests.factories import database_state
from kansrijk.organisations.models import Municipality, Neighbourhood
from kansrijk.referrals.services import referral_submit


def _years_ago(years, day=None, plus_days=0):
    day = day or timezone.localdate()
    return day.replace(year=day.year - years, day=min(day.day, 28)) + dt.timedelta(days=plus_days)


@pytest.fixture
def submit(referrer_a, organisation_a, school_a):
    def submit(**overrides):
        today = timezone.localdate()
        values = {
            "young_person_data": {"first_name": "Daan", "birth_date": _years_ago(15)},
            "organisation": organisation_a,
            "referred_by": referrer_a,
            "type": "school",
            "school": school_a,
            "municipality": school_a.municipality,
            "referral_date": today,
            "incident_date": today - dt.timedelta(days=1),
            "description": "Set off fireworks in the hallway.",
            "reasons": ["fireworks"],
            "has_victim": False,
            "youth_informed": True,
            "parents_informed": True,
            "other_care_involved": False,
        }
        values.update(overrides)
        return referral_submit(**values)

    return submit


def _refused(call, code):
    before = database_state()
    with pytest.raises(DomainError) as refused:
        call()
    assert refused.value.code == code
    assert str(refused.value)
    assert database_state() == before
    return refused.value


def test_it_refuses_a_young_person_aged_9_on_the_incident_date(submit):
    incident = timezone.localdate() - dt.timedelta(days=30)
    # The tenth birthday falls after the incident but before the referral.
    birth_date = _years_ago(10, day=incident, plus_days=10)

    error = _refused(
        lambda: submit(young_person_data={"birth_date": birth_date}, incident_date=incident),
        "age_out_of_range",
    )

    assert "9" in str(error)


def test_it_refuses_a_young_person_aged_24_on_the_incident_date(submit):
    _refused(
        lambda: submit(young_person_data={"birth_date": _years_ago(24, plus_days=-40)}), "age_out_of_range"
    )


def test_it_accepts_the_edges_of_the_age_range(submit):
    today = timezone.localdate()
    youngest = submit(young_person_data={"birth_date": _years_ago(10, day=today - dt.timedelta(days=1))})
    oldest = submit(young_person_data={"birth_date": _years_ago(23, plus_days=-300)})

    assert youngest.status == oldest.status == "submitted"


def test_it_uses_the_referral_date_for_the_age_when_the_incident_date_is_unknown(submit):
    referral_date = timezone.localdate() - dt.timedelta(days=10)
    birth_date = _years_ago(10, day=referral_date, plus_days=5)

    _refused(
        lambda: submit(
            young_person_data={"birth_date": birth_date}, referral_date=referral_date, incident_date=None
        ),
        "age_out_of_range",
    )


def test_it_refuses_an_incident_in_the_future(submit):
    _refused(lambda: submit(incident_date=timezone.localdate() + dt.timedelta(days=1)), "date_in_future")


def test_it_refuses_a_referral_date_in_the_future(submit):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    _refused(lambda: submit(referral_date=tomorrow, incident_date=None), "date_in_future")


def test_it_refuses_an_incident_after_the_referral_date(submit):
    today = timezone.localdate()
    _refused(
        lambda: submit(
            referral_date=today - dt.timedelta(days=5), incident_date=today - dt.timedelta(days=2)
        ),
        "incident_after_referral",
    )


@pytest.mark.parametrize(
    ("reasons", "code"),
    [
        ([], "no_reason"),
        (["theft", "theft"], "duplicate_reason"),
        (["theft", "shoplifting"], "unknown_reason"),
    ],
)
def test_it_refuses_missing_repeated_or_unknown_reasons(submit, reasons, code):
    _refused(lambda: submit(reasons=reasons), code)


def test_it_refuses_a_school_intervention_without_a_school(submit):
    _refused(lambda: submit(school=None), "school_required")


def test_it_refuses_a_school_outside_the_municipality(submit, region_a):
    elsewhere = Municipality.objects.create(name="Delft", region=region_a)
    _refused(lambda: submit(municipality=elsewhere), "school_outside_municipality")


def test_it_refuses_a_neighbourhood_outside_the_municipality(submit, municipality_b):
    wijk = Neighbourhood.objects.create(name="Roombeek", municipality=municipality_b)
    _refused(lambda: submit(neighbourhood=wijk), "neighbourhood_outside_municipality")


def test_it_refuses_an_unknown_type(submit):
    _refused(lambda: submit(type="street"), "invalid_type")


def test_it_refuses_a_young_person_without_a_date_of_birth(submit):
    _refused(lambda: submit(young_person_data={"first_name": "Daan"}), "birth_date_required")


def test_it_refuses_a_referrer_of_another_organisation(submit, organisation_b):
    _refused(lambda: submit(organisation=organisation_b), "forbidden")


def test_it_refuses_a_halt_professional_of_another_region(submit, caseworker_b):
    _refused(lambda: submit(referred_by=caseworker_b), "forbidden")


def test_it_refuses_a_referral_without_organisation_or_kind_of_referrer(submit):
    _refused(lambda: submit(organisation=None, referred_by=None), "referrer_kind_required")


def test_it_refuses_an_unknown_gender(submit):
    _refused(lambda: submit(young_person_data={"birth_date": _years_ago(15), "gender": "q"}), "unknown_code")


def test_it_refuses_to_register_a_known_young_person_twice(submit):
    submit(young_person_data={"birth_date": _years_ago(15), "external_id": "Y-0042"})

    _refused(
        lambda: submit(young_person_data={"birth_date": _years_ago(15), "external_id": "Y-0042"}),
        "young_person_exists",
    )
