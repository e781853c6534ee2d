""" "My work" for a team lead: referrals waiting for triage and interventions that need
attention (no contact 10 working days after acceptance, intake overdue, open > 90 days)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions import services
from kansrijk.interventions.tests.factories import make_intervention, make_referral

ENGLISH = {"accept-language": "en"}


def _at(year: int, month: int, day: int, hour: int, minute: int) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=timezone.get_current_timezone())


def _work(client, user):
    client.force_login(user)
    return client.get(reverse("work"), headers=ENGLISH)


def _sections(response):
    return {section.key: section for section in response.context["attention"]}


def _listed(section):
    return {intervention.reference for intervention in section.rows}


@pytest.fixture
def monday(time_machine):
    """Monday 2 March 2026, 9:00: the day the files below are accepted."""
    time_machine.move_to(_at(2026, 3, 2, 9, 0), tick=False)
    return time_machine


def test_it_counts_referrals_waiting_for_triage_in_the_region(
    client, team_lead_a, organisation_a, organisation_b, team_lead_b
):
    submitted = make_referral(organisation=organisation_a)
    in_review = make_referral(status="in_review", organisation=organisation_a, team_lead=team_lead_a)
    decided = [
        make_referral(status=status, organisation=organisation_a, team_lead=team_lead_a)
        for status in ("accepted", "rejected", "withdrawn")
    ]
    elsewhere = make_referral(organisation=organisation_b, team_lead=team_lead_b)

    response = _work(client, team_lead_a)

    triage = response.context["triage"]
    assert triage.count == 2
    assert {referral.reference for referral in triage.rows} == {submitted.reference, in_review.reference}
    text = response.content.decode()
    assert submitted.reference in text and in_review.reference in text
    for other in (*decided, elsewhere):
        assert other.reference not in text


def test_it_flags_a_file_without_contact_after_ten_working_days(
    client, team_lead_a, caseworker_a, school_a, monday
):
    silent = make_intervention(status="new", professional=caseworker_a, school=school_a)
    contacted = make_intervention(
        status="new", professional=caseworker_a, school=school_a, parent_contacts=["phone"]
    )
    planned = make_intervention(
        status="intake_planned",
        professional=caseworker_a,
        school=school_a,
        intake_planned_at=_at(2026, 4, 1, 10, 0),
    )
    started = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)

    # Friday 13 March is the 9th working day after Monday 2 March; the weekend adds none.
    for moment in (_at(2026, 3, 13, 17, 0), _at(2026, 3, 15, 12, 0)):
        monday.move_to(moment, tick=False)
        assert _sections(_work(client, team_lead_a))["no_contact"].count == 0

    monday.move_to(_at(2026, 3, 16, 8, 0), tick=False)
    section = _sections(_work(client, team_lead_a))["no_contact"]
    assert section.count == 2
    assert _listed(section) == {silent.reference, planned.reference}
    assert contacted.reference not in _listed(section)
    assert started.reference not in _listed(section)


def test_it_stops_flagging_once_the_family_is_contacted(client, team_lead_a, caseworker_a, school_a, monday):
    intervention = make_intervention(status="new", professional=caseworker_a, school=school_a)
    monday.move_to(_at(2026, 3, 20, 9, 0), tick=False)
    assert _sections(_work(client, team_lead_a))["no_contact"].count == 1

    services.intervention_record_parent_contact(intervention=intervention, by=caseworker_a, mode="digital")

    assert _sections(_work(client, team_lead_a))["no_contact"].count == 0


def test_it_flags_an_intake_whose_date_has_passed(client, team_lead_a, caseworker_a, school_a, monday):
    overdue = make_intervention(
        status="intake_planned",
        professional=caseworker_a,
        school=school_a,
        intake_planned_at=_at(2026, 3, 4, 10, 0),
    )
    ahead = make_intervention(
        status="intake_planned",
        professional=caseworker_a,
        school=school_a,
        intake_planned_at=_at(2026, 3, 9, 10, 0),
    )
    held = make_intervention(
        status="in_progress",
        professional=caseworker_a,
        school=school_a,
        intake_planned_at=_at(2026, 3, 2, 8, 0),
    )

    monday.move_to(_at(2026, 3, 4, 11, 0), tick=False)
    response = _work(client, team_lead_a)

    section = _sections(response)["intake_overdue"]
    assert section.count == 1
    assert _listed(section) == {overdue.reference}
    assert ahead.reference not in _listed(section) and held.reference not in _listed(section)


def test_it_flags_files_open_longer_than_90_days(client, team_lead_a, caseworker_a, school_a, monday):
    running = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    closed = make_intervention(status="completed", professional=caseworker_a, school=school_a)

    monday.move_to(_at(2026, 5, 31, 12, 0), tick=False)  # 90 days after 2 March
    assert _sections(_work(client, team_lead_a))["open_long"].count == 0

    monday.move_to(_at(2026, 6, 1, 12, 0), tick=False)  # 91 days
    section = _sections(_work(client, team_lead_a))["open_long"]
    assert _listed(section) == {running.reference}
    assert closed.reference not in _listed(section)


def test_it_shows_the_counts_as_badges(client, team_lead_a, caseworker_a, school_a, organisation_a, monday):
    make_referral(organisation=organisation_a)
    for _ in range(3):
        make_intervention(
            status="intake_planned",
            professional=caseworker_a,
            school=school_a,
            intake_planned_at=_at(2026, 3, 3, 10, 0),
        )
    monday.move_to(_at(2026, 3, 5, 9, 0), tick=False)

    text = _work(client, team_lead_a).content.decode()

    assert 'Referrals waiting for triage <span class="badge">1</span>' in text
    assert 'Intake date has passed <span class="badge badge--attention">3</span>' in text
    assert 'Open longer than 90 days <span class="badge">0</span>' in text


def test_it_links_to_the_full_list_when_a_section_is_long(
    client, team_lead_a, caseworker_a, school_a, monday
):
    for _ in range(11):
        make_intervention(
            status="intake_planned",
            professional=caseworker_a,
            school=school_a,
            intake_planned_at=_at(2026, 3, 3, 10, 0),
        )
    monday.move_to(_at(2026, 3, 5, 9, 0), tick=False)

    response = _work(client, team_lead_a)

    section = _sections(response)["intake_overdue"]
    assert (section.count, len(section.rows)) == (11, 10)
    assert "Show all 11 in the list" in response.content.decode()
    listed = client.get(section.more_url)
    assert listed.context["page"].paginator.count == 11


def test_it_does_not_count_another_regions_files(client, team_lead_b, caseworker_a, school_a, monday):
    make_intervention(
        status="intake_planned",
        professional=caseworker_a,
        school=school_a,
        intake_planned_at=_at(2026, 3, 3, 10, 0),
    )
    monday.move_to(_at(2026, 7, 1, 9, 0), tick=False)
    response = _work(client, team_lead_b)
    assert [section.count for section in response.context["attention"]] == [0, 0, 0]
    assert response.context["triage"].count == 0
