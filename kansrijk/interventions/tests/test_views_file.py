"""The intervention file: header, participants and one timeline of everything that happened."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions import services
from kansrijk.interventions.tests.factories import make_intervention
from kansrijk.people.models import Victim

ENGLISH = {"accept-language": "en"}


@pytest.fixture
def file_a(caseworker_a, team_lead_a, school_a):
    caseworker_a.first_name, caseworker_a.last_name = "Anna", "Jansen"
    caseworker_a.save()
    intervention = make_intervention(
        status="in_progress",
        professional=caseworker_a,
        team_lead=team_lead_a,
        school=school_a,
        has_victim=True,
        young_person_data={"first_name": "Noor", "last_name": "Bakker", "phone": "06-11112222"},
        parents=[
            {
                "first_name": "Marieke",
                "last_name": "Bakker",
                "relation": "mother",
                "has_parental_authority": True,
                "phone": "06-12345678",
                "email": "marieke@example.nl",
            },
            {
                "first_name": "Kees",
                "last_name": "Bakker",
                "relation": "stepfather",
                "has_parental_authority": False,
            },
        ],
        parent_contacts=["phone"],
        components=["role_play"],
        restorations=["apology_letter"],
        care_referrals=["youth_care"],
        care_reports=1,
    )
    Victim.objects.create(referral=intervention.referral, name="Fietsenwinkel De Spaak", is_organisation=True)
    services.intervention_add_note(
        intervention=intervention, by=caseworker_a, text="Moeder belt terug na de vakantie."
    )
    services.intervention_record_agreement(
        intervention=intervention, by=caseworker_a, description="Excuusbrief schrijven aan de eigenaar."
    )
    return intervention


def _get(client, user, intervention, **kwargs):
    client.force_login(user)
    return client.get(reverse("interventions:detail", args=[intervention.uuid]), **kwargs)


def test_it_shows_the_header_of_the_file(client, caseworker_a, file_a):
    response = _get(client, caseworker_a, file_a, headers=ENGLISH)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Noor Bakker" in text
    assert file_a.reference in text
    assert "14 years" in text
    assert "Het Zuiderlicht College" in text
    assert "School intervention" in text
    assert "In progress" in text
    assert "Anna Jansen" in text
    assert "Carry out the intervention and complete it" in text


def test_it_shows_the_participants_with_authority_and_contact_details(client, caseworker_a, file_a):
    text = _get(client, caseworker_a, file_a, headers=ENGLISH).content.decode()
    assert "Marieke Bakker (mother)" in text
    assert "06-12345678" in text
    assert "marieke@example.nl" in text
    assert "Kees Bakker (stepfather)" in text
    parental = text.split("Marieke Bakker (mother)")[1].split("Kees Bakker")[0]
    assert "Parental authority" in parental and "yes" in parental
    after_kees = text.split("Kees Bakker (stepfather)")[1]
    assert after_kees.split("</dl>")[0].count(">no<") == 1
    assert "Fietsenwinkel De Spaak" in text


def test_it_shows_one_timeline_of_everything_that_happened(client, caseworker_a, file_a):
    text = _get(client, caseworker_a, file_a, headers=ENGLISH).content.decode()
    timeline = text.split('id="tijdlijn"')[1]
    for expected in (
        "Registered",
        "Intake planned",
        "In progress",
        "Phone",
        "Intake (first conversation)",
        "Role play",
        "Apology letter",
        "Youth care",
        "Veilig Thuis",
        "Moeder belt terug na de vakantie.",
        "Excuusbrief schrijven aan de eigenaar.",
    ):
        assert expected in timeline, expected


def test_it_orders_the_timeline_by_date(client, caseworker_a, file_a):
    response = _get(client, caseworker_a, file_a)
    days = [entry.day for entry in response.context["file"].timeline]
    assert days == sorted(days)
    # The parent contact on the referral date comes before the intake a week later.
    kinds = [entry.kind for entry in response.context["file"].timeline]
    assert kinds.index("parent_contact") < kinds.index("intake")


def test_it_shows_dates_the_dutch_way(client, caseworker_a, file_a):
    text = _get(client, caseworker_a, file_a).content.decode()
    assert file_a.referral_date.strftime("%d-%m-%Y") in text
    text = _get(client, caseworker_a, file_a, headers=ENGLISH).content.decode()
    assert file_a.referral_date.strftime("%d-%m-%Y") in text


def test_it_shows_care_reports_to_the_assigned_professional_and_team_leads(
    client, caseworker_a, team_lead_a, file_a
):
    for user in (caseworker_a, team_lead_a):
        timeline = _get(client, user, file_a, headers=ENGLISH).content.decode().split('id="tijdlijn"')[1]
        assert "Veilig Thuis" in timeline
        assert "Care reports are visible only" not in timeline


def test_it_hides_care_reports_from_a_colleague_who_is_not_the_assigned_professional(
    client, caseworker_a2, file_a
):
    response = _get(client, caseworker_a2, file_a, headers=ENGLISH)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Veilig Thuis" not in text
    assert "Care reports are visible only to the assigned Halt professional and team leads." in text
    assert "Apology letter" in text


def test_it_records_who_viewed_the_file(client, caseworker_a2, file_a):
    before = AuditEvent.objects.filter(event="intervention_viewed", actor=caseworker_a2).count()
    _get(client, caseworker_a2, file_a)
    assert AuditEvent.objects.filter(event="intervention_viewed", actor=caseworker_a2).count() == before + 1


def test_it_shows_a_closed_file_as_read_only(client, caseworker_a, team_lead_a, school_a):
    closed = make_intervention(
        status="completed", professional=caseworker_a, team_lead=team_lead_a, school=school_a
    )
    text = _get(client, caseworker_a, closed, headers=ENGLISH).content.decode()
    assert "This file is closed and can no longer be changed." in text
    assert "Intervention was sufficient" in text
    assert closed.end_date is not None
    assert closed.end_date.strftime("%d-%m-%Y") in text
    assert reverse("interventions:add_note", args=[closed.uuid]) not in text


def test_it_counts_the_days_a_file_has_been_open(client, caseworker_a, school_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=timezone.get_current_timezone()), tick=False)
    intervention = make_intervention(professional=caseworker_a, school=school_a)
    time_machine.move_to(dt.datetime(2026, 3, 19, 9, 0, tzinfo=timezone.get_current_timezone()), tick=False)
    response = _get(client, caseworker_a, intervention)
    assert response.context["file"].days_open == 17
