"""What the privacy officer types into the audit log's user and object boxes (a user name, a
reference, or a young person's name by mistake) stays out of the addresses of the log, its
pages and its export (kansrijk/core/search.py)."""

import csv
import io

import pytest
from django.urls import reverse

from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import audit_record
from kansrijk.auditlog import views
from kansrijk.core.search import search_texts_keep
from kansrijk.core.tests.searching import query_of, search_location
from kansrijk.interventions.tests.factories import make_intervention

LOG = reverse("audit:log")
EXPORT = reverse("audit:export")
FORGOTTEN = "Deze zoekopdracht is niet meer bekend"


@pytest.fixture
def viewed(caseworker_a, team_lead_a):
    first = make_intervention(status="in_progress", professional=caseworker_a)
    second = make_intervention(status="in_progress", professional=caseworker_a)
    audit_record(actor=caseworker_a, event=Event.INTERVENTION_VIEWED, subject=first)
    audit_record(actor=team_lead_a, event=Event.INTERVENTION_VIEWED, subject=first)
    audit_record(actor=caseworker_a, event=Event.INTERVENTION_VIEWED, subject=second)
    return first, second


def _rows(response):
    return [(row.actor_label, row.subject_id) for row, _reference in response.context["rows"]]


def test_it_finds_by_user_and_object_with_neither_in_the_address(client, privacy_officer, viewed):
    first, _second = viewed
    client.force_login(privacy_officer)

    location = search_location(
        client, LOG, actor="anna", subject=first.reference, event="intervention_viewed"
    )

    assert "anna" not in location and first.reference not in location
    assert query_of(location)["event"] == ["intervention_viewed"]
    response = client.get(location)
    assert _rows(response) == [("anna", str(first.uuid))]
    assert 'value="anna"' in response.content.decode()


def test_the_pages_and_the_export_keep_the_filter(client, privacy_officer, viewed, monkeypatch):
    first, _second = viewed
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    client.force_login(privacy_officer)
    location = search_location(client, LOG, actor="anna", event="intervention_viewed")
    token = query_of(location)["zoekopdracht"][0]

    first_page = client.get(location)
    assert f"?event=intervention_viewed&amp;zoekopdracht={token}&amp;page=2" in first_page.content.decode()
    second_page = client.get(location + "&page=2")
    assert {*_rows(first_page), *_rows(second_page)} == {("anna", str(uuid.uuid)) for uuid in viewed}

    export = client.get(EXPORT + "?" + location.split("?", 1)[1])
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert sorted(row["Id gegeven"] for row in csv.DictReader(io.StringIO(text), delimiter=";")) == sorted(
        str(intervention.uuid) for intervention in viewed
    )
    audited = AuditEvent.objects.get(event="audit_log_exported")
    assert audited.new == {"filters": {"event": "intervention_viewed", "actor": "anna"}, "count": 2}


def test_a_forged_token_shows_the_log_without_the_text(client, privacy_officer, viewed):
    client.force_login(privacy_officer)

    response = client.get(LOG, {"zoekopdracht": "forged", "event": "intervention_viewed"}, follow=True)

    assert response.redirect_chain[0][0] == f"{LOG}?event=intervention_viewed"
    assert FORGOTTEN in response.content.decode()
    assert len(_rows(response)) == 3


def test_a_token_of_another_list_does_not_fill_in_the_log(client, privacy_officer, viewed):
    client.force_login(privacy_officer)
    session = client.session
    token = search_texts_keep(session=session, scope="interventions:list", texts={"actor": "anna"})
    session.save()

    response = client.get(LOG, {"zoekopdracht": token}, follow=True)

    assert FORGOTTEN in response.content.decode()
    assert len(_rows(response)) == AuditEvent.objects.count()


def test_an_export_with_an_unknown_token_goes_back_to_the_log(client, privacy_officer, viewed):
    client.force_login(privacy_officer)
    response = client.get(EXPORT, {"zoekopdracht": "forged"})
    assert response.status_code == 302
    assert response["Location"] == LOG
    assert not AuditEvent.objects.filter(event="audit_log_exported").exists()


def test_only_the_privacy_officer_may_search(client, team_lead_a):
    client.force_login(team_lead_a)
    assert client.post(LOG, {"actor": "anna"}).status_code == 403
