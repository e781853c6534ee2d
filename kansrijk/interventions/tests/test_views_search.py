"""The search list: filters, name and reference search, sorting and pagination.

The form posts and the list answers at an address with a token for the typed text
(kansrijk/core/search.py); kansrijk/interventions/tests/test_views_search_text.py checks that
the name stays out of the addresses.
"""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.core.dates import SchoolYear
from kansrijk.core.tests.searching import search_get
from kansrijk.interventions.tests.factories import make_intervention
from kansrijk.organisations.models import Municipality, School

ENGLISH = {"accept-language": "en"}


def _search(client, user, **fields):
    client.force_login(user)
    return search_get(client, reverse("interventions:list"), headers=ENGLISH, **fields)


def _listed(response):
    return [intervention.reference for intervention in response.context["page"].object_list]


@pytest.fixture
def files(caseworker_a, caseworker_a2, school_a, municipality_a, region_a):
    rijswijk = Municipality.objects.create(name="Rijswijk", region=region_a)
    other_school = School.objects.create(brin="56EF", name="Het Haagse Lyceum", municipality=municipality_a)
    last_year = SchoolYear.containing(timezone.localdate()).previous
    return {
        "new_school": make_intervention(
            status="new",
            professional=caseworker_a,
            school=school_a,
            reasons=["bullying"],
            young_person_data={"first_name": "Noor", "last_name": "Bakker"},
        ),
        "running_wijk": make_intervention(
            status="in_progress",
            professional=caseworker_a2,
            municipality=rijswijk,
            reasons=["theft", "bullying"],
            young_person_data={"first_name": "Daan", "last_name": "Visser"},
        ),
        "done_other_school": make_intervention(
            status="completed",
            professional=caseworker_a,
            school=other_school,
            referral_date=last_year.last_day - dt.timedelta(days=10),
            young_person_data={"first_name": "Lotte", "last_name": "de Boer"},
        ),
    }


def _refs(files, *names):
    return {files[name].reference for name in names}


def test_it_lists_every_file_of_the_region_without_filters(client, caseworker_a, files):
    response = _search(client, caseworker_a)
    assert response.status_code == 200
    assert set(_listed(response)) == _refs(files, "new_school", "running_wijk", "done_other_school")
    assert "3 interventions found" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "in_progress"}, ["running_wijk"]),
        ({"status": "open"}, ["new_school", "running_wijk"]),
        ({"status": "ended"}, ["done_other_school"]),
        ({"type": "neighbourhood"}, ["running_wijk"]),
        ({"type": "school"}, ["new_school", "done_other_school"]),
        ({"primary_reason": "bullying"}, ["new_school"]),
        ({"primary_reason": "theft"}, ["running_wijk"]),
        ({"q": "noor"}, ["new_school"]),
        ({"q": "boer lotte"}, ["done_other_school"]),
        ({"q": "  Visser "}, ["running_wijk"]),
        ({"q": "Jan Pietersen"}, []),
    ],
)
def test_it_filters_the_list(client, caseworker_a, files, params, expected):
    response = _search(client, caseworker_a, **params)
    assert set(_listed(response)) == _refs(files, *expected)


def test_it_filters_by_municipality_school_and_professional(
    client, caseworker_a, caseworker_a2, files, school_a
):
    rijswijk = files["running_wijk"].municipality
    assert set(_listed(_search(client, caseworker_a, municipality=rijswijk.pk))) == _refs(
        files, "running_wijk"
    )
    assert set(_listed(_search(client, caseworker_a, school=school_a.pk))) == _refs(files, "new_school")
    assert set(_listed(_search(client, caseworker_a, professional=caseworker_a2.pk))) == _refs(
        files, "running_wijk"
    )


def test_it_filters_by_school_year_of_the_referral_date(client, caseworker_a, files):
    this_year = SchoolYear.containing(timezone.localdate())
    response = _search(client, caseworker_a, school_year=str(this_year.previous))
    assert set(_listed(response)) == _refs(files, "done_other_school")


def test_it_combines_filters(client, caseworker_a, files, school_a):
    response = _search(client, caseworker_a, status="open", type="school", q="bakker")
    assert set(_listed(response)) == _refs(files, "new_school")


def test_it_finds_a_file_by_its_reference_or_the_referrals(client, caseworker_a, files):
    intervention = files["running_wijk"]
    assert _listed(_search(client, caseworker_a, q=intervention.reference)) == [intervention.reference]
    assert _listed(_search(client, caseworker_a, q=intervention.referral.reference.lower())) == [
        intervention.reference
    ]


def test_it_sorts_the_list(client, caseworker_a, files):
    by_name = _listed(_search(client, caseworker_a, sort="name"))
    assert by_name == [files[name].reference for name in ("new_school", "done_other_school", "running_wijk")]
    oldest_first = _listed(_search(client, caseworker_a, sort="referral_date"))
    assert oldest_first[0] == files["done_other_school"].reference
    newest_first = _listed(_search(client, caseworker_a))
    assert newest_first[-1] == files["done_other_school"].reference


def test_it_shows_25_files_a_page(client, caseworker_a, school_a):
    made = [make_intervention(professional=caseworker_a, school=school_a) for _ in range(26)]

    first = _search(client, caseworker_a, status="open", sort="reference")
    second = _search(client, caseworker_a, status="open", sort="reference", page=2)

    assert len(_listed(first)) == 25
    assert _listed(first) + _listed(second) == sorted(intervention.reference for intervention in made)
    text = first.content.decode()
    assert "Page 1 of 2" in text
    # The next-page link keeps the filters.
    assert "?status=open&amp;sort=reference&amp;page=2" in text
    assert _listed(client.get(reverse("interventions:list"), {"status": "open", "sort": "reference"})) == (
        _listed(first)
    )


def test_it_labels_every_filter(client, caseworker_a, files):
    text = _search(client, caseworker_a).content.decode()
    for name in (
        "q",
        "status",
        "type",
        "municipality",
        "school",
        "professional",
        "primary_reason",
        "school_year",
        "sort",
    ):
        assert f'<label for="id_{name}">' in text


def test_it_refuses_the_list_to_roles_without_case_work(client, referrer_a, files):
    response = _search(client, referrer_a)
    assert response.status_code == 403
