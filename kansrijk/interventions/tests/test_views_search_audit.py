"""A search of the interventions list by name (or reference) is a look for a person: each list
it shows writes one audit row with how many files it found and showed, never what was typed.
The same as the privacy officer's search for a person (`subject_search`,
rights/tests/test_requests.py)."""

import pytest
from django.urls import reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.core.tests.searching import search_get
from kansrijk.interventions.tests.factories import audit_mark, make_intervention
from kansrijk.interventions.views import lists

LIST = reverse("interventions:list")


@pytest.fixture
def files(caseworker_a, school_a):
    def made(first_name, last_name):
        return make_intervention(
            status="in_progress",
            professional=caseworker_a,
            school=school_a,
            young_person_data={"first_name": first_name, "last_name": last_name},
        )

    return [made("Sem", "de Jong"), made("Fenna", "de Jong"), made("Lot", "de Jong"), made("Noor", "Bakker")]


def test_a_search_by_name_writes_one_row_with_the_number_found_not_the_name(
    client, caseworker_a, files, monkeypatch
):
    monkeypatch.setattr(lists, "PAGE_SIZE", 2)
    client.force_login(caseworker_a)
    mark = audit_mark()

    response = search_get(client, LIST, q="de Jong", status="open")

    assert response.status_code == 200
    (row,) = AuditEvent.objects.filter(id__gt=mark)
    assert (row.actor, row.event, row.subject_type, row.new) == (
        caseworker_a,
        "interventions_searched",
        "organisations.region",
        {"results": 3, "shown": 2},
    )
    assert "Jong" not in str(row.old) + str(row.new)


def test_each_page_of_the_results_is_a_row_of_its_own(client, caseworker_a, files, monkeypatch):
    monkeypatch.setattr(lists, "PAGE_SIZE", 2)
    client.force_login(caseworker_a)
    mark = audit_mark()

    search_get(client, LIST, q="de Jong")
    search_get(client, LIST, page=2, q="de Jong")

    rows = AuditEvent.objects.filter(id__gt=mark).order_by("id")
    assert [row.new for row in rows] == [{"results": 3, "shown": 2}, {"results": 3, "shown": 1}]


def test_a_search_that_finds_nobody_is_recorded_too(client, caseworker_a, files):
    client.force_login(caseworker_a)
    mark = audit_mark()

    search_get(client, LIST, q="Nobody")

    assert list(AuditEvent.objects.filter(id__gt=mark).values_list("event", "new")) == [
        ("interventions_searched", {"results": 0, "shown": 0})
    ]


def test_a_list_without_a_name_writes_no_row(client, caseworker_a, files):
    client.force_login(caseworker_a)
    mark = audit_mark()

    assert client.get(LIST).status_code == 200
    assert search_get(client, LIST, status="open").status_code == 200

    assert not AuditEvent.objects.filter(id__gt=mark).exists()
