"""A young person's whole case, with the names of other people in every place they can stand."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions import services as case_services
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.tests.factories import make_intervention, make_referral
from kansrijk.people.models import Parent, Victim, YoungPerson

# The names that belong to somebody other than the young person (Noa Visser).
OTHER_NAMES = (
    "Marieke",  # the mother, who shares the surname Visser
    "Joost",
    "Bakker",  # the father
    "Fatima",
    "Yilmaz",  # the victim
    "Tim",
    "de Groot",
    "Groot",  # another young person Kansrijk holds, named in the description
    "Hanneke",
    "Kuipers",
    "anna",  # the professional (user name anna)
    "Tineke",
    "Jansen",
    "tineke",  # the team lead
)


@dataclass
class Case:
    young_person: YoungPerson
    mother: Parent
    father: Parent
    intervention: Intervention


@pytest.fixture
def case(caseworker_a, team_lead_a, municipality_a, client) -> Case:
    caseworker_a.first_name, caseworker_a.last_name = "Hanneke", "Kuipers"
    caseworker_a.save()
    team_lead_a.first_name, team_lead_a.last_name = "Tineke", "Jansen"
    team_lead_a.save()
    # Another young person, in another case: their name must not leak through Noa's file.
    make_referral(
        municipality=municipality_a, young_person_data={"first_name": "Tim", "last_name": "de Groot"}
    )
    today = timezone.localdate()
    intervention = make_intervention(
        status="in_progress",
        professional=caseworker_a,
        team_lead=team_lead_a,
        municipality=municipality_a,
        intake_date=today - dt.timedelta(days=20),
        young_person_data={"first_name": "Noa", "last_name": "Visser", "phone": "06-11112222"},
        parents=[
            {"first_name": "Marieke", "last_name": "Visser", "relation": "moeder", "phone": "06-99998888"},
            {"first_name": "Joost", "last_name": "Bakker", "relation": "vader"},
        ],
        description="Noa kreeg ruzie met Tim de Groot op het schoolplein en sloeg Fatima Yilmaz.",
        has_victim=True,
        consents=["participation"],
    )
    Victim.objects.create(
        referral=intervention.referral, name="Fatima Yilmaz", contact_details="06-12345678", notes="Klas 2b"
    )
    person = intervention.referral.young_person
    mother, father = person.parents.order_by("pk")
    case_services.intervention_record_parent_contact(
        intervention=intervention,
        by=caseworker_a,
        mode="phone",
        date=today - dt.timedelta(days=10),
        parent=mother,
        note="Marieke belde terug; ze spreekt ook namens Joost.",
    )
    case_services.intervention_record_conversation(
        intervention=intervention,
        by=caseworker_a,
        kind="follow_up",
        date=today - dt.timedelta(days=5),
        place="School",
        parents=[father],
        others="mentor",
        summary=(
            "Noa vertelde open over het incident; meneer bakker was er ook bij. "
            "Hanneke sprak af: excuusbrief."
        ),
    )
    case_services.intervention_add_note(
        intervention=intervention, by=caseworker_a, text="Overleg met Tineke Jansen over doorverwijzing."
    )
    # A view of the file: one audit row the export must hold.
    client.force_login(caseworker_a)
    assert client.get(reverse("interventions:detail", args=[intervention.uuid])).status_code == 200
    client.logout()
    return Case(person, mother, father, Intervention.objects.get(pk=intervention.pk))
