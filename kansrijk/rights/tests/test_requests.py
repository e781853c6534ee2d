"""The register of data-subject requests: finding the person, registering, the answer period,
the answer, and correction (docs/process.md §4, Rights: each request and its answer is logged)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError
from kansrijk.people.models import YoungPerson
from kansrijk.rights import services
from kansrijk.rights.models import DataSubjectRequest

pytestmark = pytest.mark.django_db


def _request(privacy_officer, person, kind="access", received_on=None) -> DataSubjectRequest:
    return services.request_register(
        by=privacy_officer,
        kind=kind,
        person=person,
        requester="subject",
        received_on=received_on or timezone.localdate(),
    )


def test_the_search_finds_the_person_without_their_name_in_any_address(client, privacy_officer, case):
    client.force_login(privacy_officer)
    response = client.post(reverse("rights:search"), {"first_name": "noa", "last_name": "viss"})
    assert response.status_code == 200
    page = response.content.decode()
    register = reverse("rights:register", args=["jongere", case.young_person.uuid])
    assert register in page
    assert case.intervention.referral.reference in page
    # The mother shares the surname; a first name narrows to Noa.
    assert reverse("rights:register", args=["ouder", case.mother.uuid]) not in page
    (row,) = AuditEvent.objects.filter(event="subject_search")
    assert row.new == {"results": 1}
    assert "Noa" not in str(row.old) + str(row.new)


def test_a_reference_finds_the_young_person_and_their_parents(client, privacy_officer, case):
    client.force_login(privacy_officer)
    page = client.post(reverse("rights:search"), {"reference": case.intervention.reference}).content.decode()
    for kind, person in (("jongere", case.young_person), ("ouder", case.mother), ("ouder", case.father)):
        assert reverse("rights:register", args=[kind, person.uuid]) in page


def test_an_empty_search_says_what_to_fill_in(client, privacy_officer, case):
    client.force_login(privacy_officer)
    response = client.post(reverse("rights:search"), {"first_name": "Noa"})
    assert "vul ook een achternaam of geboortedatum in" in response.content.decode()
    response = client.post(reverse("rights:search"), {})
    assert "Vul ten minste één van de velden in." in response.content.decode()


def test_nobody_but_the_privacy_officer_searches(client, team_lead_a, case):
    client.force_login(team_lead_a)
    assert client.post(reverse("rights:search"), {"last_name": "Visser"}).status_code == 403
    assert not AuditEvent.objects.filter(event="subject_search").exists()


def test_registering_sets_the_one_month_answer_period_and_is_audited(client, privacy_officer, case):
    client.force_login(privacy_officer)
    response = client.post(
        reverse("rights:register", args=["jongere", case.young_person.uuid]),
        {"kind": "erasure", "requester": "parent", "received_on": "2026-01-31"},
    )
    dsr = DataSubjectRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("rights:detail", args=[dsr.uuid])
    assert (dsr.reference, dsr.kind, dsr.requester) == ("AVG-2026-0001", "erasure", "parent")
    assert dsr.due_on == dt.date(2026, 2, 28)  # one month, the month's last day where it is shorter
    row = AuditEvent.objects.get(event="subject_request_registered")
    assert row.subject_id == str(dsr.uuid)
    assert row.new is not None
    assert row.new["person"] == str(case.young_person.uuid)
    assert _request(privacy_officer, case.young_person).reference == "AVG-2026-0002"


def test_a_request_received_in_the_future_is_refused_with_a_message(client, privacy_officer, case):
    client.force_login(privacy_officer)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    response = client.post(
        reverse("rights:register", args=["jongere", case.young_person.uuid]),
        {"kind": "access", "requester": "subject", "received_on": tomorrow.isoformat()},
    )
    assert response.status_code == 200
    assert "De datum kan niet in de toekomst liggen." in response.content.decode()
    assert not DataSubjectRequest.objects.exists()


def test_the_answer_period_extends_by_two_months_at_most(privacy_officer, case):
    dsr = _request(privacy_officer, case.young_person, received_on=dt.date(2026, 3, 10))
    with pytest.raises(DomainError):
        services.request_extend(request=dsr, by=privacy_officer, months=1, reason=" ")
    services.request_extend(request=dsr, by=privacy_officer, months=1, reason="Veel dossiers")
    dsr.refresh_from_db()
    assert dsr.due_on == dt.date(2026, 5, 10)
    services.request_extend(request=dsr, by=privacy_officer, months=2, reason="Nog meer")
    dsr.refresh_from_db()
    assert dsr.due_on == dt.date(2026, 6, 10)  # capped: three months after receipt
    with pytest.raises(DomainError) as refused:
        services.request_extend(request=dsr, by=privacy_officer, months=1, reason="Nog meer")
    assert refused.value.code == "extension_limit"


def test_the_answer_is_recorded_once_and_a_refusal_needs_its_reason(client, privacy_officer, case):
    dsr = _request(privacy_officer, case.young_person)
    client.force_login(privacy_officer)
    today = timezone.localdate().isoformat()
    url = reverse("rights:handle", args=[dsr.uuid])
    response = client.post(url, {"decision": "refused", "handled_on": today, "handling": ""})
    assert response.status_code == 400
    assert "Leg uit waarom het verzoek niet (helemaal) is toegewezen" in response.content.decode()
    response = client.post(
        url, {"decision": "granted", "handled_on": today, "handling": "Per post verstuurd."}
    )
    assert response.status_code == 302
    dsr.refresh_from_db()
    assert (dsr.status, dsr.decision, dsr.handled_by) == ("handled", "granted", privacy_officer)
    response = client.post(url, {"decision": "granted", "handled_on": today})
    assert "Dit verzoek is al afgehandeld." in response.content.decode()
    assert AuditEvent.objects.filter(event="subject_request_handled").count() == 1
    # The register lists it, handled, with its decision.
    page = client.get(reverse("rights:list")).content.decode()
    assert dsr.reference in page and "Afgehandeld: toegewezen" in page


def test_an_open_request_past_its_date_is_marked_overdue(client, privacy_officer, case):
    _request(privacy_officer, case.young_person, received_on=timezone.localdate() - dt.timedelta(days=40))
    client.force_login(privacy_officer)
    assert "te laat" in client.get(reverse("rights:list")).content.decode()


def test_a_correction_changes_the_details_and_audits_which_not_what(client, privacy_officer, case):
    dsr = _request(privacy_officer, case.young_person, kind="correction")
    client.force_login(privacy_officer)
    page = client.get(reverse("rights:detail", args=[dsr.uuid]))
    assert 'value="Visser"' in page.content.decode()
    data = {
        "first_name": "Noa",
        "last_name": "Vissers",
        "birth_date": case.young_person.birth_date.isoformat(),
        "gender": "",
        "phone": "06-11112222",
        "email": "",
        "address_area": "",
        "school_class": "2b",
    }
    response = client.post(reverse("rights:correct", args=[dsr.uuid]), data)
    assert response.status_code == 302
    person = YoungPerson.objects.get(pk=case.young_person.pk)
    assert (person.last_name, person.school_class) == ("Vissers", "2b")
    row = AuditEvent.objects.get(event="subject_corrected")
    assert row.new == {"fields": ["last_name", "school_class"]}
    assert "Vissers" not in str(row.new)
    # A correction that leaves out the date of birth is a field error, and changes nothing.
    response = client.post(
        reverse("rights:correct", args=[dsr.uuid]), {**data, "birth_date": "", "phone": "1"}
    )
    assert response.status_code == 400
    assert YoungPerson.objects.get(pk=person.pk).phone == "06-11112222"


def test_opening_a_request_is_audited(client, privacy_officer, case):
    dsr = _request(privacy_officer, case.young_person)
    client.force_login(privacy_officer)
    page = client.get(reverse("rights:detail", args=[dsr.uuid])).content.decode()
    assert "Noa Visser" in page and "Downloaden als pdf" in page
    assert AuditEvent.objects.filter(event="subject_request_viewed", subject_id=str(dsr.uuid)).count() == 1
