"""The database itself refuses invalid referrals (docs/database.md).

The rejected-referral-with-an-intervention case is in interventions/tests/test_db_constraints.py.
"""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from kansrijk.interventions.tests.factories import make_referral
from kansrijk.referrals.models import Referral, ReferralReason, ReferralStatusChange

pytestmark = pytest.mark.django_db


def refused(constraint: str, queryset, **values) -> None:
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        queryset.update(**values)


def test_it_refuses_an_unknown_status(team_lead_a):
    referral = make_referral(team_lead=team_lead_a)

    with pytest.raises(IntegrityError, match="referral_status_valid"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("UPDATE referrals_referral SET status = 'bogus' WHERE id = %s", [referral.pk])
    assert Referral.objects.filter(pk=referral.pk).update(status="in_review") == 1


def test_it_refuses_unknown_codes_in_the_other_choice_columns(team_lead_a):
    referral = make_referral(team_lead=team_lead_a)
    rows = Referral.objects.filter(pk=referral.pk)

    refused("referral_type_valid", rows, type="bogus")
    refused("referral_referrer_kind_valid", rows, referrer_kind="bogus")
    refused("referral_reason_code_valid", ReferralReason.objects.filter(referral=referral), code="bogus")
    refused(
        "referral_history_to_status_valid",
        ReferralStatusChange.objects.filter(referral=referral),
        to_status="x",
    )
    assert rows.update(referrer_kind="police") == 1


def test_it_refuses_a_rejection_without_its_reason_and_a_reason_without_rejection(team_lead_a):
    rejected = make_referral(status="rejected", team_lead=team_lead_a)
    submitted = make_referral(team_lead=team_lead_a)

    refused(
        "referral_rejection_reason_when_rejected",
        Referral.objects.filter(pk=rejected.pk),
        rejection_reason="",
    )
    refused(
        "referral_rejection_reason_valid", Referral.objects.filter(pk=rejected.pk), rejection_reason="bogus"
    )
    refused(
        "referral_rejection_reason_when_rejected", Referral.objects.filter(pk=submitted.pk), status="rejected"
    )
    refused(
        "referral_rejection_reason_when_rejected",
        Referral.objects.filter(pk=submitted.pk),
        rejection_reason="other",
    )
    assert Referral.objects.filter(pk=submitted.pk).update(status="rejected", rejection_reason="age") == 1


def test_it_refuses_an_incident_after_the_referral_date(team_lead_a):
    referral = make_referral(team_lead=team_lead_a)
    rows = Referral.objects.filter(pk=referral.pk)

    refused(
        "referral_incident_not_after_referral",
        rows,
        incident_date=referral.referral_date + dt.timedelta(days=1),
    )
    assert rows.update(incident_date=referral.referral_date) == 1
    assert rows.update(incident_date=None) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the composite key exists on PostgreSQL only")
def test_it_refuses_a_region_that_is_not_the_municipalitys(team_lead_a, region_b, municipality_b):
    referral = make_referral(team_lead=team_lead_a, type="neighbourhood")
    rows = Referral.objects.filter(pk=referral.pk)

    refused("referral_region_of_municipality", rows, region=region_b)
    assert rows.update(region=region_b, municipality=municipality_b) == 1
