"""An access export for a young person contains all their data and audit
entries, and no other person's name (JSON and PDF alike)."""

from __future__ import annotations

import io
import json
import re

import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.rights import services
from kansrijk.rights.models import DataSubjectRequest

from .conftest import OTHER_NAMES

pytestmark = pytest.mark.django_db


def _register(client, privacy_officer, kind: str, person, what: str = "access") -> DataSubjectRequest:
    client.force_login(privacy_officer)
    response = client.post(
        reverse("rights:register", args=[kind, person.uuid]),
        {"kind": what, "requester": "subject", "received_on": timezone.localdate().isoformat()},
    )
    assert response.status_code == 302, response.content.decode()
    return DataSubjectRequest.objects.get()


def _words(text: str) -> str:
    return " ".join(text.split())


def _assert_no_other_names(text: str) -> None:
    for name in OTHER_NAMES:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE), name


def test_the_json_export_holds_all_their_data_and_no_other_name(client, privacy_officer, case):
    dsr = _register(client, privacy_officer, "jongere", case.young_person)
    response = client.get(reverse("rights:export_json", args=[dsr.uuid]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="inzage-{dsr.reference}.json"'
    text = response.content.decode()
    export = json.loads(text)

    person = export["person"]
    assert (person["first_name"], person["last_name"]) == ("Noa", "Visser")
    assert person["birth_date"] == case.young_person.birth_date.isoformat()
    assert person["phone"] == "06-11112222"
    # Their parents, by role and relation only.
    assert [(p["label"], p["relation"]) for p in export["parents"]] == [
        ("Ouder/verzorger 1", "moeder"),
        ("Ouder/verzorger 2", "vader"),
    ]
    (referral,) = export["referrals"]
    assert referral["reference"] == case.intervention.referral.reference
    assert referral["description"].startswith("Noa kreeg ruzie met [naam verwijderd] op het schoolplein")
    assert referral["victims"] == [{"label": "Slachtoffer 1", "is_organisation": False}]
    (intervention,) = export["interventions"]
    assert intervention["reference"] == case.intervention.reference
    assert intervention["professional"] == "Halt-professional"
    assert intervention["parent_contacts"][0]["parent"] == "Ouder/verzorger 1"
    assert "[naam verwijderd] belde terug" in intervention["parent_contacts"][0]["note"]
    intake, conversation = intervention["conversations"]  # the intake is a conversation too
    assert intake["parents"] == []
    assert conversation["parents"] == ["Ouder/verzorger 2"]
    assert conversation["summary"].startswith("Noa vertelde open over het incident")
    assert [note["text"] for note in intervention["notes"]] == [
        "Overleg met [naam verwijderd] over doorverwijzing."
    ]
    assert intervention["consents"][0]["person"] == "u"

    # Every audit row about their referral, file and details, in order, and this request's.
    subjects = {
        str(case.young_person.uuid),
        str(case.intervention.uuid),
        str(case.intervention.referral.uuid),
    }
    subjects.add(str(dsr.uuid))
    # The export's own row is written before the export is made, so it is in it too.
    expected = list(
        AuditEvent.objects.filter(subject_id__in=subjects)
        .order_by("at", "id")
        .values_list("event", flat=True)
    )
    assert [row["event_code"] for row in export["audit"]] == expected
    assert "intervention_viewed" in expected and "consent_recorded" in expected
    assert "subject_request_registered" in expected and expected[-1] == "subject_access_exported"
    viewed = next(row for row in export["audit"] if row["event_code"] == "intervention_viewed")
    assert viewed["by"] == "Halt-professional"
    assert viewed["object"] == f"interventie {case.intervention.reference}"

    _assert_no_other_names(text)


def test_the_pdf_export_is_readable_and_names_nobody_else(client, privacy_officer, case):
    dsr = _register(client, privacy_officer, "jongere", case.young_person)
    response = client.get(reverse("rights:export_pdf", args=[dsr.uuid]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = _words(" ".join(page.extract_text() for page in reader.pages))
    assert "Inzage in uw persoonsgegevens" in text
    assert "Noa" in text and "Visser" in text and "06-11112222" in text
    assert case.intervention.reference in text
    assert "Wie uw gegevens heeft bekeken of gewijzigd" in text
    assert "Dossier bekeken" in text
    _assert_no_other_names(text)


def test_every_export_is_audited(client, privacy_officer, case):
    dsr = _register(client, privacy_officer, "jongere", case.young_person)
    client.get(reverse("rights:export_json", args=[dsr.uuid]))
    client.get(reverse("rights:export_pdf", args=[dsr.uuid]))
    rows = AuditEvent.objects.filter(event="subject_access_exported", subject_id=str(dsr.uuid))
    assert sorted(row.new["format"] for row in rows) == ["json", "pdf"]
    assert {row.actor_label for row in rows} == {privacy_officer.username}


def test_a_parents_export_holds_their_own_data_and_not_the_childs_file(client, privacy_officer, case):
    dsr = _register(client, privacy_officer, "ouder", case.mother)
    export = client.get(reverse("rights:export_json", args=[dsr.uuid])).json()
    assert (export["person"]["first_name"], export["person"]["last_name"]) == ("Marieke", "Visser")
    assert export["person"]["phone"] == "06-99998888"
    (contact,) = export["parent_contacts"]
    assert contact["intervention"] == case.intervention.reference
    assert contact["note"] == "Marieke belde terug; ze spreekt ook namens [naam verwijderd]."
    assert export["conversations"] == []  # the father took part, not the mother
    assert "referrals" not in export and "interventions" not in export
    # The audit rows that mention her: the contact with her; none about the father's talk.
    events = [row["event_code"] for row in export["audit"]]
    assert "intervention_parent_contact_recorded" in events
    assert "intervention_conversation_recorded" not in events
    text = json.dumps(export, ensure_ascii=False)
    for name in ("Noa", "Joost", "Bakker", "Fatima", "Hanneke", "anna"):
        assert name not in text


def test_an_export_is_refused_once_the_data_are_gone(client, privacy_officer, case):
    dsr = _register(client, privacy_officer, "jongere", case.young_person)
    case.young_person.birth_date = None
    case.young_person.save()
    response = client.get(reverse("rights:export_json", args=[dsr.uuid]))
    assert response.status_code == 302
    assert not AuditEvent.objects.filter(event="subject_access_exported").exists()
    with pytest.raises(services.DomainError):
        services.access_export_record(request=dsr, by=privacy_officer, fmt="json")
