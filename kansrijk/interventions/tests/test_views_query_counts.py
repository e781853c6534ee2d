"""Every page answers with the same number of database queries for 1 row as for 50:
no query per row, however long the list or the file."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kansrijk.core.tests.searching import search_location
from kansrijk.interventions import services, views
from kansrijk.interventions.tests.factories import make_intervention, make_referral
from kansrijk.work import views as work_views


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured), response


def _assert_flat(client, url, add_rows, rows_shown, assert_num_queries, params=None):
    """Count the queries with one row, add 49 more, and expect exactly as many again."""
    client.get(url, params or {})  # warm caches (content types, translations) outside the count
    add_rows(1)
    one, response = _queries(client, url, params)
    assert rows_shown(response) == 1
    add_rows(49)
    with assert_num_queries(one):
        response = client.get(url, params or {})
    assert rows_shown(response) == 50


def test_the_search_list_does_not_query_per_row(
    client, caseworker_a, school_a, monkeypatch, django_assert_num_queries
):
    client.force_login(caseworker_a)
    # All 50 rows on one page, so that 50 rows are really rendered.
    monkeypatch.setattr(views.lists, "PAGE_SIZE", 50)

    def add(count):
        for _ in range(count):
            make_intervention(status="in_progress", professional=caseworker_a, school=school_a)

    # The name goes in through the form, and the list's address carries its token.
    url = search_location(
        client, reverse("interventions:list"), status="open", school=school_a.pk, q="de Vries"
    )
    assert "zoekopdracht=" in url
    _assert_flat(
        client,
        url,
        add,
        lambda response: len(response.context["page"].object_list),
        django_assert_num_queries,
    )


def test_a_caseworkers_worklist_does_not_query_per_row(
    client, caseworker_a, school_a, django_assert_num_queries
):
    client.force_login(caseworker_a)

    def add(count):
        for _ in range(count):
            make_intervention(status="intake_planned", professional=caseworker_a, school=school_a)

    _assert_flat(
        client, reverse("work"), add, lambda response: len(response.context["own"]), django_assert_num_queries
    )


def test_a_team_leads_worklist_does_not_query_per_row(
    client, team_lead_a, organisation_a, time_machine, django_assert_num_queries, monkeypatch
):
    tz = timezone.get_current_timezone()
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=tz), tick=False)
    client.force_login(team_lead_a)

    def add(count):
        # Each round makes a referral waiting for triage and a file of the team lead's own that
        # needs attention on every count (no contact, intake overdue, open long) once time moves.
        time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=tz), tick=False)
        for _ in range(count):
            make_referral(organisation=organisation_a)
            make_intervention(
                status="intake_planned",
                professional=team_lead_a,
                organisation=organisation_a,
                intake_planned_at=dt.datetime(2026, 3, 3, 10, 0, tzinfo=tz),
            )
        time_machine.move_to(dt.datetime(2026, 7, 1, 9, 0, tzinfo=tz), tick=False)
        client.force_login(team_lead_a)  # months later: the idle session has expired

    def shown(response):
        sections = [*response.context["attention"], response.context["triage"]]
        shown = {len(section.rows) for section in sections} | {len(response.context["own"])}
        assert len(shown) == 1, shown
        return shown.pop()

    # All 50 rows in every section, so that 50 rows are really rendered.
    monkeypatch.setattr(work_views, "SECTION_ROWS", 50)
    _assert_flat(client, reverse("work"), add, shown, django_assert_num_queries)


def test_the_file_does_not_query_per_timeline_entry(
    client, caseworker_a, school_a, django_assert_num_queries
):
    intervention = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    client.force_login(caseworker_a)

    def add(count):
        for index in range(count):
            # One of every kind of record, so that each kind's related rows are fetched at once.
            services.intervention_add_note(intervention=intervention, by=caseworker_a, text=f"n{index}")
            services.intervention_record_parent_contact(
                intervention=intervention, by=caseworker_a, mode="phone"
            )
            services.intervention_record_agreement(
                intervention=intervention, by=caseworker_a, description="a"
            )
            services.intervention_plan_component(
                intervention=intervention, by=caseworker_a, kind="reflection"
            )
            services.intervention_record_restoration(
                intervention=intervention, by=caseworker_a, kind="apology_letter"
            )
            services.intervention_record_care_referral(
                intervention=intervention, by=caseworker_a, kind="youth_work", meldcode_ground=True
            )
            services.intervention_record_care_report(intervention=intervention, by=caseworker_a)
            services.intervention_record_conversation(
                intervention=intervention, by=caseworker_a, kind="follow_up", date=timezone.localdate()
            )

    def shown(response):
        return sum(entry.kind == "note" for entry in response.context["file"].timeline)

    _assert_flat(
        client,
        reverse("interventions:detail", args=[intervention.uuid]),
        add,
        shown,
        django_assert_num_queries,
    )
