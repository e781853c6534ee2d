"""Erasure on request: the person's data go at once, the statistics stay."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.core.dates import SchoolYear
from kansrijk.interventions import services as case_services
from kansrijk.interventions.models import Consent, Conversation, Intervention, Note, ParentContact
from kansrijk.people.models import Parent, Victim, YoungPerson
from kansrijk.reports.factsheet import compute_factsheet
from kansrijk.reports.scope import Scope
from kansrijk.rights import services
from kansrijk.rights.models import DataSubjectRequest

pytestmark = pytest.mark.django_db


def _erasure(privacy_officer, person) -> DataSubjectRequest:
    return services.request_register(
        by=privacy_officer,
        kind="erasure",
        person=person,
        requester="subject",
        received_on=timezone.localdate(),
    )


def _factsheets() -> dict:
    this_year = SchoolYear.containing(timezone.localdate()).start_year
    return {
        str(SchoolYear(year)): compute_factsheet(period=SchoolYear(year), scope=Scope.all())
        for year in range(this_year - 1, this_year + 1)
    }


def _complete(case) -> Intervention:
    case_services.intervention_complete(
        intervention=case.intervention,
        by=case.intervention.professional,
        outcome="sufficient",
        end_date=timezone.localdate(),
    )
    return Intervention.objects.get(pk=case.intervention.pk)


def test_erasure_is_refused_while_the_case_is_open_and_changes_nothing(client, privacy_officer, case):
    dsr = _erasure(privacy_officer, case.young_person)
    client.force_login(privacy_officer)
    page = client.get(reverse("rights:detail", args=[dsr.uuid])).content.decode()
    assert "Deze zaken lopen nog" in page and case.intervention.reference in page
    response = client.post(reverse("rights:erase", args=[dsr.uuid]), {"confirm": "on"})
    assert response.status_code == 400
    assert "Sluit eerst deze zaken af" in response.content.decode()
    assert YoungPerson.objects.get(pk=case.young_person.pk).first_name == "Noa"
    assert not AuditEvent.objects.filter(event="subject_erased").exists()


def test_erasure_needs_the_confirmation(client, privacy_officer, case):
    _complete(case)
    dsr = _erasure(privacy_officer, case.young_person)
    client.force_login(privacy_officer)
    response = client.post(reverse("rights:erase", args=[dsr.uuid]), {})
    assert response.status_code == 400
    assert YoungPerson.objects.get(pk=case.young_person.pk).first_name == "Noa"


def test_erasing_a_young_person_removes_their_data_and_keeps_every_figure(client, privacy_officer, case):
    intervention = _complete(case)
    before = _factsheets()
    assert before[str(SchoolYear.containing(intervention.referral_date))]["interventions"]["total"] >= 1
    dsr = _erasure(privacy_officer, case.young_person)
    client.force_login(privacy_officer)
    response = client.post(reverse("rights:erase", args=[dsr.uuid]), {"confirm": "on"})
    assert response.status_code == 302

    person = YoungPerson.objects.get(pk=case.young_person.pk)
    assert (person.first_name, person.last_name, person.birth_date, person.phone) == ("", "", None, "")
    assert not Parent.objects.filter(young_person=person).exists()
    assert not Victim.objects.filter(referral=intervention.referral).exists()
    for model in (Note, ParentContact, Conversation, Consent):
        assert not model.objects.filter(intervention=intervention).exists(), model
    referral = intervention.referral
    referral.refresh_from_db()
    assert referral.description == "" and referral.personal_data_removed_at is not None
    # The statistics are what they were; the other young person is untouched.
    assert _factsheets() == before
    assert YoungPerson.objects.filter(first_name="Tim", last_name="de Groot").exists()
    row = AuditEvent.objects.get(event="subject_erased")
    assert row.new is not None
    assert row.new["young_people"] == 1 and row.new["parents"] == 2
    # The request's page now says the data are gone; no export can be made of them.
    page = client.get(reverse("rights:detail", args=[dsr.uuid])).content.decode()
    assert "zijn verwijderd" in page and "Noa" not in page


def test_erasing_a_parent_strikes_their_name_and_leaves_the_young_persons_file(client, privacy_officer, case):
    _complete(case)
    before = _factsheets()
    dsr = _erasure(privacy_officer, case.father)
    client.force_login(privacy_officer)
    assert client.post(reverse("rights:erase", args=[dsr.uuid]), {"confirm": "on"}).status_code == 302
    assert not Parent.objects.filter(pk=case.father.pk).exists()
    assert Parent.objects.filter(pk=case.mother.pk).exists()
    contact = ParentContact.objects.get(intervention=case.intervention)
    assert contact.note == "Marieke belde terug; ze spreekt ook namens [naam verwijderd]."
    talk = Conversation.objects.get(intervention=case.intervention, kind="follow_up")
    assert "bakker" not in talk.summary.lower() and talk.summary.startswith("Noa vertelde open")
    assert list(talk.parents.all()) == []
    assert YoungPerson.objects.get(pk=case.young_person.pk).first_name == "Noa"
    assert _factsheets() == before
    dsr.refresh_from_db()
    assert dsr.parent is None and dsr.subject_kind == "parent"


def test_erasure_twice_is_refused(privacy_officer, case):
    _complete(case)
    first = _erasure(privacy_officer, case.young_person)
    services.subject_erase(request=first, by=privacy_officer)
    second = _erasure(privacy_officer, case.young_person)
    with pytest.raises(services.DomainError) as refused:
        services.subject_erase(request=second, by=privacy_officer)
    assert refused.value.code == "data_removed"


def test_the_erased_person_is_no_longer_found(client, privacy_officer, case):
    _complete(case)
    services.subject_erase(request=_erasure(privacy_officer, case.young_person), by=privacy_officer)
    client.force_login(privacy_officer)
    page = client.post(reverse("rights:search"), {"reference": case.intervention.reference}).content.decode()
    assert "0 personen gevonden" in page
