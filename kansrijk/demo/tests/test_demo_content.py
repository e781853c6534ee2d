"""The demo world: Halt's regions, real municipalities, invented schools and a live worklist."""

import re

from django.db.models import Count
from django.utils import timezone

from kansrijk.core.dates import SchoolYear
from kansrijk.interventions.constants import OPEN_STATUSES
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Municipality, Neighbourhood, ReferrerOrganisation, Region, School
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral

HALT_REGIONS = {
    "Noord-Nederland",
    "Oost-Nederland",
    "Midden-Nederland",
    "Noord-Holland",
    "Amsterdam-Amstelland",
    "Haaglanden",
    "Rotterdam-Rijnmond",
    "Zeeland-West-Brabant",
    "Oost-Brabant en Limburg",
}


def test_it_has_halts_nine_regions_and_the_haaglanden_municipalities(demo):
    assert set(Region.objects.values_list("name", flat=True)) == HALT_REGIONS
    assert set(Municipality.objects.filter(region__name="Haaglanden").values_list("name", flat=True)) == {
        "Den Haag",
        "Delft",
        "Zoetermeer",
        "Rijswijk",
        "Westland",
        "Leidschendam-Voorburg",
        "Pijnacker-Nootdorp",
        "Wassenaar",
        "Midden-Delfland",
    }
    den_haag = set(Neighbourhood.objects.filter(municipality__name="Den Haag").values_list("name", flat=True))
    assert {"Zuid-West", "Escamp", "Laak", "Centrum", "Scheveningen"} <= den_haag
    assert not Region.objects.annotate(n=Count("municipalities")).filter(n__lt=3).exists()


def test_every_school_has_a_brin_code_and_refers_as_an_organisation(demo):
    codes = list(School.objects.values_list("brin", flat=True))
    assert len(codes) >= 212
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"\d{2}[A-Z]{2}", code) for code in codes)
    assert ReferrerOrganisation.objects.filter(kind="school", school__isnull=False).count() == len(codes)
    kinds = set(ReferrerOrganisation.objects.values_list("kind", flat=True))
    assert {"school", "police", "boa", "municipality", "neighbourhood_team", "youth_work"} <= kinds


def test_it_covers_three_school_years_and_a_live_current_one(demo):
    today = timezone.localdate()
    for start in (2023, 2024, 2025):
        year = SchoolYear(start)
        assert (
            Intervention.objects.filter(referral_date__range=(year.first_day, year.last_day)).count() > 1000
        )
    spring = Intervention.objects.filter(referral_date__range=("2026-03-01", "2026-07-31"))
    assert spring.filter(status__in=OPEN_STATUSES).count() > spring.count() / 2
    current = SchoolYear.containing(today)
    live = Intervention.objects.filter(referral_date__gte=current.first_day)
    assert live.filter(status__in=OPEN_STATUSES).count() > live.count() / 2
    waiting = Referral.objects.filter(region__name="Haaglanden", status__in=["submitted", "in_review"])
    assert waiting.count() >= 3
    assert Referral.objects.filter(status="rejected").exclude(rejection_reason="").exists()
    assert Referral.objects.filter(status="withdrawn").exists()


def test_some_young_people_come_back_within_a_year(demo):
    repeated = YoungPerson.objects.annotate(n=Count("referrals")).filter(n__gt=1)
    assert repeated.count() > 50
    for person in repeated[:20]:
        dates = sorted(person.referrals.values_list("referral_date", flat=True))
        assert (dates[-1] - dates[0]).days <= 365


def test_the_cases_carry_invented_contact_details(demo):
    people = YoungPerson.objects.exclude(email="")
    assert people.exists()
    assert all(email.endswith("@example.nl") for email in people.values_list("email", flat=True))
    phones = YoungPerson.objects.exclude(phone="").values_list("phone", flat=True)
    assert all(re.fullmatch(r"06-\d{8}", phone) for phone in phones)
