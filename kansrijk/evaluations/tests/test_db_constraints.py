"""The database itself refuses invalid evaluations (docs/database.md)."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from kansrijk.evaluations.models import Evaluation, EvaluationLink

pytestmark = pytest.mark.django_db


def refused(constraint: str, queryset, **values) -> None:
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        queryset.update(**values)


@pytest.fixture
def evaluation(municipality_a):
    return Evaluation.objects.create(
        respondent="young_person",
        referral_date=dt.date(2025, 9, 1),
        region=municipality_a.region,
        municipality=municipality_a,
        invited_at=timezone.now(),
    )


def test_it_refuses_unknown_codes(evaluation):
    rows = Evaluation.objects.filter(pk=evaluation.pk)
    link = EvaluationLink.objects.create(
        evaluation=evaluation, token_hash="0" * 64, purpose="email", created_at=timezone.now()
    )

    refused("evaluation_respondent_valid", rows, respondent="bogus")
    refused("evaluation_quote_status_valid", rows, quote_status="bogus")
    refused("evaluation_link_purpose_valid", EvaluationLink.objects.filter(pk=link.pk), purpose="bogus")
    assert rows.update(respondent="parent", quote_status="pending") == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the composite key exists on PostgreSQL only")
def test_it_refuses_a_region_that_is_not_the_municipalitys(evaluation, region_b, municipality_b):
    rows = Evaluation.objects.filter(pk=evaluation.pk)

    refused("evaluation_region_of_municipality", rows, region=region_b)
    assert rows.update(region=region_b, municipality=municipality_b) == 1
