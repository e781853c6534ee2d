"""Consent per person and purpose, by age (docs/process.md §4): what is in effect, and withdrawal."""

import datetime as dt

import pytest
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError
from kansrijk.interventions import services
from kansrijk.interventions.consent import (
    consent_in_effect,
    consent_record,
    consent_withdraw,
    interventions_with_consent,
)
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.interventions.tests.factories import make_intervention

SHARE = ConsentPurpose.SHARE_WITH_REFERRER


def _years_ago(years: int, days: int = 0) -> dt.date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - dt.timedelta(days=days)


def _file(caseworker, *, age: int, status="in_progress", parent_authority=True):
    return make_intervention(
        status=status,
        professional=caseworker,
        birth_date=_years_ago(age, days=30),
        parents=(
            {"first_name": "Marieke", "relation": "mother", "has_parental_authority": parent_authority},
        ),
    )


def _youth(intervention):
    return intervention.referral.young_person


def _parent(intervention):
    return intervention.referral.young_person.parents.get()


def _record(intervention, by, *, young_person=None, parent=None, purpose=SHARE, given_on=None):
    return consent_record(
        intervention=intervention,
        by=by,
        purpose=purpose,
        given_on=given_on or timezone.localdate(),
        young_person=young_person,
        parent=parent,
    )


@pytest.mark.django_db
def test_it_lets_a_sixteen_year_old_decide_alone(caseworker_a):
    intervention = _file(caseworker_a, age=16)
    assert not consent_in_effect(intervention=intervention, purpose=SHARE)

    _record(intervention, caseworker_a, young_person=_youth(intervention))

    assert consent_in_effect(intervention=intervention, purpose=SHARE)
    assert not consent_in_effect(intervention=intervention, purpose=ConsentPurpose.CARE_REFERRAL)


@pytest.mark.django_db
def test_it_needs_a_parent_with_authority_too_under_sixteen(caseworker_a):
    intervention = _file(caseworker_a, age=14)
    _record(intervention, caseworker_a, young_person=_youth(intervention))
    assert not consent_in_effect(intervention=intervention, purpose=SHARE)

    _record(intervention, caseworker_a, parent=_parent(intervention))

    assert consent_in_effect(intervention=intervention, purpose=SHARE)


@pytest.mark.django_db
def test_it_does_not_count_a_parent_without_authority(caseworker_a):
    intervention = _file(caseworker_a, age=14, parent_authority=False)
    _record(intervention, caseworker_a, young_person=_youth(intervention))
    _record(intervention, caseworker_a, parent=_parent(intervention))

    assert not consent_in_effect(intervention=intervention, purpose=SHARE)


@pytest.mark.django_db
def test_it_never_takes_a_parents_consent_for_the_young_persons(caseworker_a):
    intervention = _file(caseworker_a, age=14)
    _record(intervention, caseworker_a, parent=_parent(intervention))

    assert not consent_in_effect(intervention=intervention, purpose=SHARE)


@pytest.mark.django_db
def test_withdrawal_takes_effect_from_its_day_even_on_an_ended_file(caseworker_a):
    intervention = _file(caseworker_a, age=17)
    consent = _record(
        intervention, caseworker_a, young_person=_youth(intervention), given_on=_years_ago(0, days=20)
    )
    services.intervention_complete(
        intervention=intervention, by=caseworker_a, outcome="sufficient", end_date=timezone.localdate()
    )
    yesterday = timezone.localdate() - dt.timedelta(days=1)

    consent_withdraw(consent=consent, by=caseworker_a, withdrawn_on=timezone.localdate())

    assert not consent_in_effect(intervention=intervention, purpose=SHARE)
    assert consent_in_effect(intervention=intervention, purpose=SHARE, on=yesterday)
    events = list(
        AuditEvent.objects.filter(subject_id=str(intervention.uuid)).values_list("event", flat=True)
    )
    assert events.count("consent_recorded") == 1
    assert events.count("consent_withdrawn") == 1


@pytest.mark.django_db
def test_it_refuses_a_second_withdrawal_and_a_withdrawal_before_the_consent(caseworker_a):
    intervention = _file(caseworker_a, age=17)
    consent = _record(intervention, caseworker_a, young_person=_youth(intervention))

    with pytest.raises(DomainError) as too_early:
        consent_withdraw(
            consent=consent, by=caseworker_a, withdrawn_on=consent.given_on - dt.timedelta(days=1)
        )
    assert too_early.value.code == "date_too_early"

    consent_withdraw(consent=consent, by=caseworker_a, withdrawn_on=timezone.localdate())
    with pytest.raises(DomainError) as again:
        consent_withdraw(consent=consent, by=caseworker_a, withdrawn_on=timezone.localdate())
    assert again.value.code == "already_withdrawn"


@pytest.mark.django_db
def test_it_refuses_people_of_another_file_and_outsiders(caseworker_a, caseworker_b):
    intervention = _file(caseworker_a, age=17)
    other = _file(caseworker_a, age=17)

    with pytest.raises(DomainError) as wrong_person:
        _record(intervention, caseworker_a, young_person=_youth(other))
    assert wrong_person.value.code == "invalid_person"
    with pytest.raises(DomainError) as wrong_parent:
        _record(intervention, caseworker_a, parent=_parent(other))
    assert wrong_parent.value.code == "invalid_person"
    with pytest.raises(DomainError) as outsider:
        _record(intervention, caseworker_b, young_person=_youth(intervention))
    assert outsider.value.code == "forbidden"
    with pytest.raises(DomainError) as nobody:
        _record(intervention, caseworker_a)
    assert nobody.value.code == "person_required"
    assert not intervention.consents.exists()


@pytest.mark.django_db
def test_it_cannot_be_recorded_on_a_closed_file(caseworker_a):
    intervention = _file(caseworker_a, age=17, status="completed")

    with pytest.raises(DomainError) as closed:
        _record(intervention, caseworker_a, young_person=_youth(intervention))

    assert closed.value.code == "closed"


@pytest.mark.django_db
def test_it_answers_for_a_whole_list_in_one_query(caseworker_a, django_assert_num_queries):
    files = [_file(caseworker_a, age=17) for _ in range(5)]
    for intervention in files[:3]:
        _record(intervention, caseworker_a, young_person=_youth(intervention))

    with django_assert_num_queries(1):
        allowed = interventions_with_consent(interventions=files, purpose=SHARE)

    assert allowed == {intervention.pk for intervention in files[:3]}
