"""The file shows its professional and team leads who looked at it, and when."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.tests.factories import make_intervention


def test_it_lists_who_opened_the_file_newest_first(client, caseworker_a, caseworker_a2, team_lead_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    for user in (caseworker_a2, team_lead_a):
        client.force_login(user)
        assert client.get(reverse("interventions:detail", args=[intervention.uuid])).status_code == 200

    client.force_login(caseworker_a)
    response = client.get(reverse("interventions:viewers", args=[intervention.uuid]))

    assert response.status_code == 200
    rows = [(row.actor_label, row.event) for row in response.context["page"].object_list]
    assert rows == [
        ("anna", "intervention_viewers_viewed"),
        ("tineke", "intervention_viewed"),
        ("ahmed", "intervention_viewed"),
    ]
    assert "Heeft het dossier geopend" in response.content.decode()


def test_the_file_links_to_it_for_those_who_answer_for_it(client, caseworker_a, caseworker_a2):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    link = reverse("interventions:viewers", args=[intervention.uuid])
    client.force_login(caseworker_a)
    assert link in client.get(reverse("interventions:detail", args=[intervention.uuid])).content.decode()
    client.force_login(caseworker_a2)
    assert link not in client.get(reverse("interventions:detail", args=[intervention.uuid])).content.decode()
    assert client.get(link).status_code == 403


def test_it_does_not_query_per_row(client, caseworker_a, team_lead_a, django_assert_num_queries):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    url = reverse("interventions:viewers", args=[intervention.uuid])
    client.force_login(caseworker_a)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    few = len(captured)
    client.force_login(team_lead_a)
    for _ in range(40):
        client.get(reverse("interventions:detail", args=[intervention.uuid]))
    client.force_login(caseworker_a)
    with django_assert_num_queries(few):
        response = client.get(url)
    assert len(response.context["page"].object_list) == 43  # 3 looks at the list, 40 at the file


def test_a_view_of_the_file_records_whether_it_showed_the_care_reports(client, caseworker_a, caseworker_a2):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    for user in (caseworker_a, caseworker_a2):
        client.force_login(user)
        client.get(reverse("interventions:detail", args=[intervention.uuid]))
    rows = AuditEvent.objects.filter(event="intervention_viewed").order_by("id")
    assert [(row.actor_label, row.new) for row in rows] == [
        ("anna", {"care_reports": True}),
        ("ahmed", {"care_reports": False}),
    ]
