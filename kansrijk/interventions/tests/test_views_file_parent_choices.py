"""The forms on the file offer the young person's own parents and carers, read once for the whole
page rather than once per form each time it is rendered."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kansrijk.interventions.tests.factories import make_intervention
from kansrijk.people.models import Parent


def test_it_offers_the_young_persons_parents_in_every_form_from_one_read(client, caseworker_a, school_a):
    intervention = make_intervention(
        status="in_progress",
        professional=caseworker_a,
        school=school_a,
        parents=[
            {"first_name": "Marieke", "last_name": "Bakker", "relation": "moeder"},
            {"first_name": "Kees", "last_name": "Bakker", "relation": "vader"},
        ],
    )
    # Another young person's parent is never offered.
    make_intervention(
        status="in_progress",
        professional=caseworker_a,
        school=school_a,
        parents=[{"first_name": "Fatima", "last_name": "El Idrissi", "relation": "moeder"}],
    )
    client.force_login(caseworker_a)

    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("interventions:detail", args=[intervention.uuid]))

    steps = {step.key: step.form for group in response.context["steps"].values() for step in group}
    mother, father = Parent.objects.filter(young_person=intervention.referral.young_person).order_by(
        "first_name"
    )
    labels = ["Kees Bakker, vader", "Marieke Bakker, moeder"]
    contact_choices = [
        str(label) for value, label in steps["record_parent_contact"].fields["parent"].choices if value
    ]
    conversation_choices = [
        str(label) for _value, label in steps["record_conversation"].fields["parents"].choices
    ]
    consent_choices = [str(label) for _value, label in steps["record_consent"].fields["person"].choices]
    assert sorted(contact_choices) == labels
    assert sorted(conversation_choices) == labels
    assert set(labels) <= set(consent_choices)
    text = response.content.decode()
    assert "Fatima" not in text
    assert f'value="{mother.pk}"' in text and f'value="{father.pk}"' in text
    # (The timeline reads who took part in its conversations separately.)
    parent_reads = [
        query
        for query in captured.captured_queries
        if 'FROM "people_parent"' in query["sql"] and "conversation_parents" not in query["sql"]
    ]
    assert len(parent_reads) == 1
