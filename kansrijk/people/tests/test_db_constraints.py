"""The database itself refuses invalid people and consents (docs/database.md)."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from kansrijk.interventions.models import Consent
from kansrijk.interventions.tests.factories import give_consent, make_intervention
from kansrijk.people.models import YoungPerson

pytestmark = pytest.mark.django_db


def refused(constraint: str, queryset, **values) -> None:
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        queryset.update(**values)


def test_it_refuses_an_unknown_gender():
    rows = YoungPerson.objects.filter(pk=YoungPerson.objects.create(birth_date=dt.date(2012, 1, 1)).pk)

    refused("young_person_gender_valid", rows, gender="q")
    assert rows.update(gender="x") == 1
    assert rows.update(gender="") == 1


def test_it_refuses_an_unknown_purpose_and_a_withdrawal_before_the_consent(caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    given_on = intervention.intake_date
    assert given_on is not None
    give_consent(intervention, "participation", by=caseworker_a, on=given_on)
    rows = Consent.objects.filter(intervention=intervention)

    refused("consent_purpose_valid", rows, purpose="bogus")
    refused("consent_withdrawn_after_given", rows, withdrawn_on=given_on - dt.timedelta(days=1))
    assert rows.update(withdrawn_on=given_on) == rows.count() > 0
