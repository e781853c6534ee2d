"""Team leads export the filtered search list to CSV: the list's columns without any young
person's name, streamed, with one audit row; caseworkers get no link and a 403."""

import csv
import io

import pytest
from django.urls import reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.core.tests.searching import search_query
from kansrijk.interventions.tests.factories import make_intervention

ENGLISH = {"accept-language": "en"}


@pytest.fixture
def files(caseworker_a, caseworker_a2, school_a):
    caseworker_a.first_name, caseworker_a.last_name = "Anna", "Jansen"
    caseworker_a.save()
    return {
        "new": make_intervention(
            status="new",
            professional=caseworker_a,
            school=school_a,
            reasons=["bullying"],
            young_person_data={"first_name": "Noor", "last_name": "Bakker"},
        ),
        "completed": make_intervention(
            status="completed",
            professional=caseworker_a,
            school=school_a,
            outcome="further_support",
            reasons=["theft", "bullying"],
            young_person_data={"first_name": "Daan", "last_name": "Visser"},
        ),
        "running": make_intervention(
            status="in_progress",
            professional=caseworker_a2,
            young_person_data={"first_name": "Lotte", "last_name": "de Boer"},
        ),
    }


def _export(client, user, **params):
    client.force_login(user)
    return client.get(reverse("interventions:export"), params, headers=ENGLISH)


def _rows(response):
    assert response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return text, list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_it_exports_the_filtered_list_with_its_columns(client, team_lead_a, files, school_a):
    response = _export(client, team_lead_a, school=school_a.pk, sort="reference")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="interventies-')
    _text, rows = _rows(response)
    assert [row["Reference"] for row in rows] == sorted(
        [files["new"].reference, files["completed"].reference]
    )
    completed = next(row for row in rows if row["Reference"] == files["completed"].reference)
    intervention = files["completed"]
    assert completed == {
        "Reference": intervention.reference,
        "Type": "School intervention",
        "Status": "Completed",
        "School or neighbourhood": school_a.name,
        "Municipality": "Den Haag",
        "Halt professional": "Anna Jansen",
        "Primary reason": "Theft",
        "Referral date": intervention.referral_date.isoformat(),
        "Intake date": intervention.intake_date.isoformat(),
        "End date": intervention.end_date.isoformat(),
        "Outcome": "Further support needed",
    }


def test_it_applies_the_same_filters_as_the_list(client, team_lead_a, files):
    params = {"status": "open", "primary_reason": "bullying"}
    _text, rows = _rows(_export(client, team_lead_a, **params))
    listed = client.get(reverse("interventions:list"), params).context["page"].object_list
    assert [row["Reference"] for row in rows] == [intervention.reference for intervention in listed]
    assert [row["Reference"] for row in rows] == [files["new"].reference]


def test_it_exports_no_names_of_young_people(client, team_lead_a, files):
    text, rows = _rows(_export(client, team_lead_a))
    assert len(rows) == 3
    for name in ("Noor", "Bakker", "Daan", "Visser", "Lotte", "de Boer"):
        assert name not in text


def test_it_writes_one_audit_row_with_the_filter_and_the_count(client, team_lead_a, files, school_a):
    client.force_login(team_lead_a)
    query = search_query(client, reverse("interventions:list"), status="open", school=school_a.pk, q="Noor")
    response = client.get(reverse("interventions:export") + query)
    _rows(response)

    event = AuditEvent.objects.get(event="interventions_exported")
    assert event.actor == team_lead_a
    assert event.new is not None
    assert event.new["count"] == 1
    assert event.new["filters"]["status"] == "open"
    assert event.new["filters"]["school"] == school_a.pk
    # The search text may be a name, and audit rows outlive retention: only that there was one.
    assert event.new["filters"]["query_given"] is True
    assert "Noor" not in str(event.new)


def test_it_offers_the_export_link_to_team_leads_only(client, team_lead_a, caseworker_a, files):
    url = reverse("interventions:export")
    client.force_login(team_lead_a)
    lead_page = client.get(reverse("interventions:list"), {"status": "open", "page": "1"}).content.decode()
    assert f'href="{url}?status=open"' in lead_page
    client.force_login(caseworker_a)
    assert url not in client.get(reverse("interventions:list")).content.decode()


@pytest.mark.parametrize(
    "role_fixture", ["caseworker_a", "referrer_a", "relationship_manager_a", "privacy_officer"]
)
def test_it_refuses_the_export_to_everyone_but_team_leads(request, client, files, role_fixture):
    response = _export(client, request.getfixturevalue(role_fixture))
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(event="interventions_exported").exists()


def test_it_keeps_a_cell_from_starting_a_spreadsheet_formula(client, team_lead_a, caseworker_a, school_a):
    school_a.name = "=HYPERLINK(1)"
    school_a.save()
    make_intervention(professional=caseworker_a, school=school_a)
    _text, rows = _rows(_export(client, team_lead_a))
    assert rows[0]["School or neighbourhood"] == "'=HYPERLINK(1)"
