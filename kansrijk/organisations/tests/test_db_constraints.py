"""The database itself refuses invalid organisations (docs/database.md)."""

import pytest
from django.db import IntegrityError, transaction

from kansrijk.organisations.models import Municipality, ReferrerOrganisation

pytestmark = pytest.mark.django_db


def test_it_refuses_an_unknown_kind_of_referrer(organisation_a):
    rows = ReferrerOrganisation.objects.filter(pk=organisation_a.pk)

    with pytest.raises(IntegrityError, match="referrer_organisation_kind_valid"), transaction.atomic():
        rows.update(kind="bogus")
    assert rows.update(kind="police") == 1


def test_it_keeps_one_row_per_municipality_and_region(municipality_a, region_b):
    # The target of the composite keys (PostgreSQL); the id alone is unique anyway, so a
    # municipality can still move to another region.
    assert Municipality.objects.filter(pk=municipality_a.pk).update(region=region_b) == 1
