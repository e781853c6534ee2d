"""A name typed into the search list never reaches an address: the form posts, the
text stays in the session, and the list, its pages and its export answer at an address that
carries only a token beside the structured filters (kansrijk/core/search.py)."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.core.tests.searching import query_of, search_location
from kansrijk.interventions.tests.factories import make_intervention

LIST = reverse("interventions:list")
EXPORT = reverse("interventions:export")
ENGLISH = {"accept-language": "en"}
FORGOTTEN = "Deze zoekopdracht is niet meer bekend"


def _listed(response):
    return {intervention.reference for intervention in response.context["page"].object_list}


@pytest.fixture
def files(caseworker_a, school_a):
    def made(first_name, last_name, status="in_progress"):
        return make_intervention(
            status=status,
            professional=caseworker_a,
            school=school_a,
            young_person_data={"first_name": first_name, "last_name": last_name},
        )

    return {
        "jong": made("Sem", "de Jong"),
        "jong_done": made("Fenna", "de Jong", status="completed"),
        "bakker": made("Noor", "Bakker"),
    }


def test_it_finds_the_name_without_putting_it_in_any_address(client, caseworker_a, files):
    client.force_login(caseworker_a)

    location = search_location(client, LIST, q="de Jong", status="open", sort="name")

    assert "jong" not in location.lower()
    query = query_of(location)
    assert query["status"] == ["open"] and query["sort"] == ["name"]
    assert len(query["zoekopdracht"][0]) >= 20  # opaque and random, not the text in disguise
    assert "q" not in query
    response = client.get(location)
    assert response.status_code == 200
    assert _listed(response) == {files["jong"].reference}
    text = response.content.decode()
    # The search box shows what was searched for; no link of the page carries it.
    assert 'value="de Jong"' in text
    addresses = re.findall(r'(?:href|action|src)="([^"]*)"', text)
    assert not [
        address for address in addresses if "de jong" in address.lower().replace("+", " ").replace("%20", " ")
    ]


def test_the_pages_keep_the_name_filter(client, caseworker_a, school_a, files):
    jansens = {
        make_intervention(
            professional=caseworker_a, school=school_a, young_person_data={"last_name": "Jansen"}
        ).reference
        for _ in range(26)
    }
    client.force_login(caseworker_a)
    location = search_location(client, LIST, q="Jansen", sort="reference")
    first = client.get(location)
    token = query_of(location)["zoekopdracht"][0]

    # The next-page link keeps the sorting and the token, and so the name filter.
    href = f"?sort=reference&amp;zoekopdracht={token}&amp;page=2"
    assert href in first.content.decode()
    second = client.get(LIST + href.replace("&amp;", "&"))

    assert len(_listed(first)) == 25
    assert _listed(first) | _listed(second) == jansens


def test_a_forged_token_shows_the_list_without_the_text_and_says_so(client, caseworker_a, files):
    client.force_login(caseworker_a)

    response = client.get(LIST, {"zoekopdracht": "forged-or-expired", "status": "open", "page": "2"})

    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?status=open"
    answer = client.get(response["Location"])
    assert answer.status_code == 200
    assert FORGOTTEN in answer.content.decode()
    assert _listed(answer) == {files["jong"].reference, files["bakker"].reference}


def test_another_users_token_does_not_work(client, caseworker_a, caseworker_a2, files):
    client.force_login(caseworker_a)
    location = search_location(client, LIST, q="Bakker")
    other = type(client)()  # the suite's client, which passes the second factor
    other.force_login(caseworker_a2)

    response = other.get(location, follow=True)

    assert FORGOTTEN in response.content.decode()
    assert len(_listed(response)) == 3
    assert "Bakker" not in response.redirect_chain[-1][0]


def test_a_token_does_not_outlive_the_session(client, caseworker_a, files):
    client.force_login(caseworker_a)
    location = search_location(client, LIST, q="Bakker")
    client.post(reverse("logout"))
    client.force_login(caseworker_a)

    response = client.get(location, follow=True)

    assert FORGOTTEN in response.content.decode()
    assert len(_listed(response)) == 3


def test_a_name_written_into_the_address_is_not_searched_for(client, caseworker_a, files):
    client.force_login(caseworker_a)

    response = client.get(LIST, {"q": "Bakker", "status": "open"})

    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?status=open"


def test_the_search_needs_the_forms_csrf_token(client, caseworker_a, files):
    browser = type(client)(enforce_csrf_checks=True)
    browser.force_login(caseworker_a)
    assert browser.post(LIST, {"q": "Bakker"}).status_code == 403
    page = browser.get(LIST)
    token = page.context["csrf_token"]
    assert browser.post(LIST, {"q": "Bakker", "csrfmiddlewaretoken": str(token)}).status_code == 302


def test_an_empty_search_carries_no_token(client, caseworker_a, files):
    client.force_login(caseworker_a)
    assert search_location(client, LIST, q="  ", status="", type="school") == f"{LIST}?type=school"


def test_the_export_keeps_the_name_filter_and_the_audit_rows_keep_no_name(client, team_lead_a, files):
    client.force_login(team_lead_a)
    location = search_location(client, LIST, q="de Jong")
    page = client.get(location, headers=ENGLISH).content.decode()
    export_url = EXPORT + "?" + location.split("?", 1)[1]
    assert f'href="{export_url}"' in page
    # The file is opened from the list too, which writes an audit row of its read.
    client.get(reverse("interventions:detail", args=[files["jong"].uuid]))

    response = client.get(export_url, headers=ENGLISH)

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert sorted(row["Reference"] for row in rows) == sorted(
        [files["jong"].reference, files["jong_done"].reference]
    )
    export = AuditEvent.objects.get(event="interventions_exported")
    assert export.new is not None
    assert export.new["count"] == 2 and export.new["filters"]["query_given"] is True
    # No audit row of the search, the read or the export holds the name, in any column.
    audit_rows = AuditEvent.objects.filter(pk__gte=export.pk - 1).values()
    assert "Jong" not in json.dumps(list(audit_rows), default=str)


def test_an_export_with_an_unknown_token_exports_nothing(client, team_lead_a, files):
    client.force_login(team_lead_a)

    response = client.get(EXPORT, {"zoekopdracht": "forged", "status": "open"})

    # Without its text the export would hold more than the list it was asked from: back to
    # the list, which says why.
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?status=open"
    assert not AuditEvent.objects.filter(event="interventions_exported").exists()
    assert FORGOTTEN in client.get(response["Location"]).content.decode()


def test_a_role_without_case_work_cannot_search(client, referrer_a):
    client.force_login(referrer_a)
    assert client.post(LIST, {"q": "Bakker"}).status_code == 403
    assert "kansrijk_search_texts" not in client.session
