"""Retention on the demo data: years later every factsheet of every school year, for the whole
country and for each region and municipality, is what it was."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

from kansrijk.core.dates import SchoolYear
from kansrijk.interventions.models import Intervention, ParentContact
from kansrijk.organisations.models import Municipality, Region
from kansrijk.people.models import Parent, YoungPerson
from kansrijk.reports.factsheet import compute_factsheet
from kansrijk.reports.scope import Scope
from kansrijk.retention.services import retention_apply


def _factsheets(years) -> dict:
    scopes = [Scope.all()]
    scopes += [Scope.of(region) for region in Region.objects.order_by("pk")]
    scopes += [Scope.of(municipality) for municipality in Municipality.objects.order_by("pk")]
    return {
        (str(year), str(scope.as_json())): compute_factsheet(period=year, scope=scope)
        for year in years
        for scope in scopes
    }


def test_every_factsheet_survives_retention_years_later(demo):
    earliest = Intervention.objects.order_by("referral_date").first()
    assert earliest is not None
    first = earliest.referral_date
    years = [SchoolYear(start) for start in range(SchoolYear.containing(first).start_year, 2027)]
    before = _factsheets(years)
    assert sum(sheet["interventions"]["total"] for sheet in before.values()) > 0

    run = dt.datetime(2029, 9, 1, 3, tzinfo=ZoneInfo("Europe/Amsterdam"))
    with time_machine.travel(run, tick=False):
        result = retention_apply()

    assert result.referrals > 1000 and result.young_people > 1000
    # Every case that ended before September 2027 lost its people and its case records ...
    assert not ParentContact.objects.filter(intervention__end_date__lte=dt.date(2027, 9, 1)).exists()
    assert YoungPerson.objects.filter(birth_date__isnull=True).count() >= result.young_people
    assert Parent.objects.count() < result.young_people
    # ... and the figures did not change.
    assert _factsheets(years) == before
