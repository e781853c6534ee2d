"""At most one consent in effect per person, purpose and intervention: the service refuses a
second, and so does the database (interventions/models/consent.py)."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from kansrijk.core.errors import DomainError
from kansrijk.core.tests.once import with_token
from kansrijk.interventions.consent import consent_in_effect, consent_record, consent_withdraw
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.interventions.models import Consent
from kansrijk.interventions.tests.factories import make_intervention

CARE = ConsentPurpose.CARE_REFERRAL


@pytest.fixture
def intervention(caseworker_a):
    return make_intervention(
        status="in_progress",
        professional=caseworker_a,
        parents=({"first_name": "Marieke", "relation": "mother", "has_parental_authority": True},),
    )


def _youth(intervention):
    return intervention.referral.young_person


def _parent(intervention):
    return intervention.referral.young_person.parents.get()


def _row(intervention, by, **person):
    return Consent(
        intervention=intervention, purpose=CARE, given_on=timezone.localdate(), recorded_by=by, **person
    )


@pytest.mark.parametrize("whose", ["young_person", "parent"])
def test_the_database_refuses_a_second_consent_in_effect(intervention, caseworker_a, whose):
    person = {whose: _youth(intervention) if whose == "young_person" else _parent(intervention)}
    _row(intervention, caseworker_a, **person).save()

    with pytest.raises(IntegrityError), transaction.atomic():
        _row(intervention, caseworker_a, **person).save()


def test_the_database_allows_one_per_person_purpose_and_intervention(intervention, caseworker_a):
    _row(intervention, caseworker_a, young_person=_youth(intervention)).save()
    _row(intervention, caseworker_a, parent=_parent(intervention)).save()
    other_purpose = _row(intervention, caseworker_a, young_person=_youth(intervention))
    other_purpose.purpose = ConsentPurpose.PARTICIPATION
    other_purpose.save()

    assert Consent.objects.filter(intervention=intervention).count() == 3


def test_the_service_refuses_a_second_consent_in_dutch(intervention, caseworker_a):
    consent_record(
        intervention=intervention,
        by=caseworker_a,
        purpose=CARE,
        given_on=timezone.localdate(),
        young_person=_youth(intervention),
    )

    with override("nl"), pytest.raises(DomainError) as refused:
        consent_record(
            intervention=intervention,
            by=caseworker_a,
            purpose=CARE,
            given_on=timezone.localdate(),
            young_person=_youth(intervention),
        )

    assert refused.value.code == "consent_in_effect"
    with override("nl"):
        assert str(refused.value.message) == (
            "De toestemming van deze persoon voor dit doel is al vastgelegd en niet ingetrokken. "
            "Trek die eerst in om haar opnieuw vast te leggen."
        )
    assert Consent.objects.filter(intervention=intervention).count() == 1


def test_after_a_withdrawal_consent_can_be_given_again(intervention, caseworker_a):
    youth = _youth(intervention)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    first = consent_record(
        intervention=intervention, by=caseworker_a, purpose=CARE, given_on=yesterday, young_person=youth
    )
    consent_withdraw(consent=first, by=caseworker_a, withdrawn_on=timezone.localdate())

    today = timezone.localdate()
    consent_record(
        intervention=intervention, by=caseworker_a, purpose=CARE, given_on=today, young_person=youth
    )

    assert Consent.objects.filter(intervention=intervention, withdrawn_on__isnull=True).count() == 1


def test_a_double_clicked_consent_is_one_row_and_withdrawing_it_ends_the_consent(
    client, caseworker_a, school_a
):
    # Sixteen: the young person decides alone.
    today = timezone.localdate()
    intervention = make_intervention(
        status="in_progress",
        professional=caseworker_a,
        school=school_a,
        birth_date=today.replace(year=today.year - 16) - dt.timedelta(days=30),
    )
    client.force_login(caseworker_a)
    url = reverse("interventions:record_consent", args=[intervention.uuid])
    data = with_token(
        {"consent-purpose": CARE, "consent-person": "young_person", "consent-given_on": today.isoformat()}
    )

    client.post(url, data)
    client.post(url, data)

    consent = Consent.objects.get(intervention=intervention, purpose=CARE)
    assert consent_in_effect(intervention=intervention, purpose=CARE)
    consent_withdraw(consent=consent, by=caseworker_a, withdrawn_on=today)
    assert not consent_in_effect(intervention=intervention, purpose=CARE, on=today)
