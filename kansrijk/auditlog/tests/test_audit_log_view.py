"""The privacy officer searches the audit log: by user, event, object and date, a page at a time."""

import datetime as dt

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import audit_record
from kansrijk.auditlog import views
from kansrijk.core.tests.searching import search_get
from kansrijk.interventions.tests.factories import make_intervention


def _rows(response):
    return [row for row, _reference in response.context["rows"]]


def test_it_lists_every_row_newest_first(client, privacy_officer, caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    audit_record(actor=caseworker_a, event=Event.INTERVENTION_VIEWED, subject=intervention)
    client.force_login(privacy_officer)
    response = client.get(reverse("audit:log"))
    assert response.status_code == 200
    rows = _rows(response)
    assert len(rows) == AuditEvent.objects.count()
    assert rows[0].event == "intervention_viewed"
    # The object is shown by its reference, which people know, not only by its uuid.
    assert intervention.reference in response.content.decode()


def test_it_filters_by_user_event_object_and_dates(client, privacy_officer, caseworker_a, team_lead_a):
    first = make_intervention(status="in_progress", professional=caseworker_a)
    second = make_intervention(status="in_progress", professional=caseworker_a)
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC), tick=False):
        audit_record(actor=caseworker_a, event=Event.INTERVENTION_VIEWED, subject=first)
    with time_machine.travel(dt.datetime(2026, 3, 5, 10, tzinfo=dt.UTC), tick=False):
        audit_record(actor=team_lead_a, event=Event.INTERVENTION_VIEWED, subject=first)
        audit_record(actor=caseworker_a, event=Event.INTERVENTION_VIEWED, subject=second)
    client.force_login(privacy_officer)

    def search(**fields):
        response = search_get(client, reverse("audit:log"), **fields)
        assert response.status_code == 200
        return [(row.actor_label, row.subject_id) for row in _rows(response)]

    viewed = {"event": "intervention_viewed"}
    assert search(**viewed, actor="tineke") == [("tineke", str(first.uuid))]
    assert search(**viewed, subject=first.reference) == [
        ("tineke", str(first.uuid)),
        ("anna", str(first.uuid)),
    ]
    assert search(**viewed, subject=str(second.uuid)) == [("anna", str(second.uuid))]
    assert search(**viewed, date_from="2026-03-01", date_to="2026-03-02") == [("anna", str(first.uuid))]
    assert len(search(**viewed, subject_type="interventions.intervention")) == 3
    assert search(**viewed, subject="HLT-0000-999999") == []


def test_it_says_so_when_the_dates_are_the_wrong_way_round(client, privacy_officer):
    client.force_login(privacy_officer)
    response = client.get(reverse("audit:log"), {"date_from": "2026-03-05", "date_to": "2026-03-01"})
    assert response.status_code == 200
    assert "De einddatum ligt voor de begindatum." in response.content.decode()


def test_it_answers_a_malformed_date_with_a_field_error(client, privacy_officer):
    client.force_login(privacy_officer)
    response = client.get(reverse("audit:log"), {"date_from": "gisteren", "page": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["date_from"]


def test_it_is_for_the_privacy_officer_only(client, team_lead_a, admin_user):
    for user in (team_lead_a, admin_user):
        client.force_login(user)
        assert client.get(reverse("audit:log")).status_code == 403


def test_it_does_not_query_per_row(
    client, privacy_officer, caseworker_a, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(views, "PAGE_SIZE", 200)
    client.force_login(privacy_officer)
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    url = reverse("audit:log")
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    few = len(captured)
    for _ in range(60):
        audit_record(actor=caseworker_a, event=Event.INTERVENTION_VIEWED, subject=intervention)
        audit_record(actor=caseworker_a, event=Event.REFERRAL_VIEWED, subject=intervention.referral)
    # The factory's own rows already name an intervention and a referral: one query per kind.
    with django_assert_num_queries(few):
        response = client.get(url)
    assert len(_rows(response)) == AuditEvent.objects.count() > 120
