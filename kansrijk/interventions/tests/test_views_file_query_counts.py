"""The file with all its forms uses as many queries for 1 timeline item of each kind as for 20:
no query per record, per planned component or per form."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions import services
from kansrijk.interventions.tests.factories import make_intervention


def _add(intervention, by, count):
    for index in range(count):
        services.intervention_add_note(intervention=intervention, by=by, text=f"n{index}")
        services.intervention_record_parent_contact(intervention=intervention, by=by, mode="phone")
        services.intervention_record_agreement(intervention=intervention, by=by, description="a")
        # Planned components each get a form to mark them.
        services.intervention_plan_component(intervention=intervention, by=by, kind="reflection")
        services.intervention_record_restoration(intervention=intervention, by=by, kind="apology_letter")
        services.intervention_record_care_referral(
            intervention=intervention, by=by, kind="youth_work", meldcode_ground=True
        )
        services.intervention_record_care_report(intervention=intervention, by=by)
        services.intervention_record_conversation(
            intervention=intervention, by=by, kind="follow_up", date=timezone.localdate()
        )


@pytest.mark.parametrize("headers", [{}, {"HX-Request": "true"}], ids=["page", "htmx-step"])
def test_the_file_and_its_forms_do_not_query_per_record(
    client, team_lead_a, school_a, headers, django_assert_num_queries
):
    intervention = make_intervention(status="in_progress", professional=team_lead_a, school=school_a)
    client.force_login(team_lead_a)
    url = reverse("interventions:detail", args=[intervention.uuid])
    note_url = reverse("interventions:add_note", args=[intervention.uuid])

    def request():
        # The page itself, or the answer to a step posted with HTMX (timeline, header, forms).
        if headers:
            return client.post(note_url, {"text": "Gebeld."}, headers=headers)
        return client.get(url)

    request()  # warm caches (content types, translations) outside the count
    _add(intervention, team_lead_a, 1)
    with CaptureQueriesContext(connection) as captured:
        response = request()
    assert response.status_code == 200
    assert len(response.context["marks"]) == 1
    _add(intervention, team_lead_a, 19)
    with django_assert_num_queries(len(captured)):
        response = request()
    assert len(response.context["marks"]) == 20
    kinds = [entry.kind for entry in response.context["file"].timeline]
    assert kinds.count("care_report") == 20 and kinds.count("conversation") == 20
    # Every form a team lead gets on a file in progress was rendered.
    assert {step.key for group in response.context["steps"].values() for step in group} >= {
        "record_parent_contact",
        "record_conversation",
        "record_agreement",
        "plan_component",
        "record_restoration",
        "record_care_referral",
        "record_care_report",
        "complete",
        "stop",
        "assign",
    }
