""" "My work": a caseworker's own open interventions, each with its next step and days open."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions.tests.factories import make_intervention, make_referral

ENGLISH = {"accept-language": "en"}


def _work(client, user):
    client.force_login(user)
    return client.get(reverse("work"), headers=ENGLISH)


def _row(text, reference):
    """The table row of the worklist that holds `reference`."""
    before, _, after = text.partition(reference)
    assert after, f"{reference} is not on the page"
    return before[before.rindex("<tr>") :] + after[: after.index("</tr>")]


def test_it_shows_a_caseworkers_own_open_interventions_with_their_next_step(client, caseworker_a, school_a):
    new = make_intervention(status="new", professional=caseworker_a, school=school_a)
    planned_at = timezone.make_aware(
        dt.datetime.combine(timezone.localdate() + dt.timedelta(days=3), dt.time(14, 30))
    )
    planned = make_intervention(
        status="intake_planned", professional=caseworker_a, intake_planned_at=planned_at
    )
    running = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)

    response = _work(client, caseworker_a)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Make contact and plan the intake" in _row(text, new.reference)
    assert f"Hold the intake on {planned_at.strftime('%d-%m-%Y')} 14:30" in _row(text, planned.reference)
    assert "Carry out the intervention and complete it" in _row(text, running.reference)
    assert "Het Zuiderlicht College" in _row(text, new.reference)


def test_it_leaves_out_closed_files_and_colleagues_files(client, caseworker_a, caseworker_a2, school_a):
    mine = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    completed = make_intervention(status="completed", professional=caseworker_a, school=school_a)
    not_started = make_intervention(status="not_started", professional=caseworker_a, school=school_a)
    colleagues = make_intervention(status="new", professional=caseworker_a2, school=school_a)

    text = _work(client, caseworker_a).content.decode()

    assert mine.reference in text
    for other in (completed, not_started, colleagues):
        assert other.reference not in text


def test_it_shows_how_many_days_a_file_has_been_open(client, caseworker_a, school_a, time_machine):
    tz = timezone.get_current_timezone()
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=tz), tick=False)
    intervention = make_intervention(status="new", professional=caseworker_a, school=school_a)
    time_machine.move_to(dt.datetime(2026, 3, 14, 9, 0, tzinfo=tz), tick=False)

    text = _work(client, caseworker_a).content.decode()

    assert '<td class="numeric">12</td>' in _row(text, intervention.reference)


def test_it_links_each_row_to_the_file(client, caseworker_a, school_a):
    intervention = make_intervention(status="new", professional=caseworker_a, school=school_a)
    text = _work(client, caseworker_a).content.decode()
    assert reverse("interventions:detail", args=[intervention.uuid]) in _row(text, intervention.reference)


def test_it_shows_a_caseworker_no_triage_or_attention_lists(client, caseworker_a, organisation_a):
    referral = make_referral(organisation=organisation_a)
    response = _work(client, caseworker_a)
    assert "triage" not in response.context
    assert referral.reference not in response.content.decode()


def test_it_tells_a_caseworker_without_files_so(client, caseworker_a):
    assert "You have no open interventions." in _work(client, caseworker_a).content.decode()


@pytest.mark.parametrize(
    "role_fixture", ["referrer_a", "relationship_manager_a", "privacy_officer", "admin_user"]
)
def test_it_refuses_the_worklist_to_roles_without_case_work(request, client, role_fixture):
    response = _work(client, request.getfixturevalue(role_fixture))
    assert response.status_code == 403
