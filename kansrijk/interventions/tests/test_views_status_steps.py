"""The steps that move a file along: plan the intake, record it, and end the intervention
(completed with outcome, stopped early, not started); a team lead reassigns the professional.
With HTMX the header comes along out of band, so the new status shows at once."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions.models import Conversation
from kansrijk.interventions.tests.factories import make_intervention

HTMX = {"HX-Request": "true"}
ENGLISH = {"accept-language": "en"}


def _post(client, user, intervention, step, data, htmx=True):
    client.force_login(user)
    headers = {**HTMX, **ENGLISH} if htmx else ENGLISH
    return client.post(reverse(f"interventions:{step}", args=[intervention.uuid]), data, headers=headers)


def _header(response):
    text = response.content.decode()
    return text.split('id="dossier-kop"')[1].split("</header>")[0]


def test_it_plans_the_intake(client, caseworker_a, school_a):
    intervention = make_intervention(status="new", professional=caseworker_a, school=school_a)
    day = timezone.localdate() + dt.timedelta(days=5)

    response = _post(
        client,
        caseworker_a,
        intervention,
        "plan_intake",
        {"intake_plan-date": day.isoformat(), "intake_plan-time": "14:30"},
    )

    intervention.refresh_from_db()
    assert intervention.status == "intake_planned"
    assert timezone.localtime(intervention.intake_planned_at).replace(tzinfo=None) == dt.datetime.combine(
        day, dt.time(14, 30)
    )
    header = _header(response)
    assert "Intake planned" in header
    assert f"{day.strftime('%d-%m-%Y')} 14:30" in header


def test_it_records_the_intake_with_who_took_part(client, caseworker_a, school_a):
    intervention = make_intervention(
        status="intake_planned",
        professional=caseworker_a,
        school=school_a,
        parents=[
            {"first_name": "Marieke", "last_name": "Bakker", "relation": "mother"},
            {"first_name": "Kees", "last_name": "Bakker", "relation": "father"},
        ],
    )
    mother, father = intervention.referral.young_person.parents.order_by("id")
    today = timezone.localdate()

    response = _post(
        client,
        caseworker_a,
        intervention,
        "start",
        {
            "intake-intake_date": today.isoformat(),
            "intake-place": "Thuis",
            "intake-parents": [mother.pk],
            "intake-others": "oom",
            "intake-summary": "Open gesprek.",
        },
    )

    intervention.refresh_from_db()
    assert (intervention.status, intervention.intake_date) == ("in_progress", today)
    intake = Conversation.objects.get(intervention=intervention, kind="intake")
    assert (intake.place, intake.youth_took_part, intake.others) == ("Thuis", False, "oom")
    assert list(intake.parents.all()) == [mother]
    text = response.content.decode()
    assert "In progress" in _header(response)
    timeline = text.split('id="tijdlijn"')[1].split("</section>")[0]
    assert "Intake (first conversation)" in timeline and "Marieke Bakker" in timeline
    assert "Kees Bakker" not in timeline
    # The work of an intervention in progress is offered now.
    assert reverse("interventions:record_agreement", args=[intervention.uuid]) in text
    assert reverse("interventions:start", args=[intervention.uuid]) not in text


def test_it_completes_with_the_outcome_and_the_end_date(client, caseworker_a, school_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    today = timezone.localdate()

    response = _post(
        client,
        caseworker_a,
        intervention,
        "complete",
        {"complete-outcome": "further_support", "complete-end_date": today.isoformat()},
    )

    intervention.refresh_from_db()
    assert (intervention.status, intervention.outcome, intervention.end_date) == (
        "completed",
        "further_support",
        today,
    )
    header = _header(response)
    assert "This file is closed and can no longer be changed." in header
    assert "Further support needed" in header
    assert "<form" not in response.content.decode()


@pytest.mark.parametrize(
    ("status", "step", "data", "expected"),
    [
        (
            "in_progress",
            "stop",
            {"stop-reason": "parents_withdrew", "stop-note": "Verhuisd naar Zwolle."},
            ("stopped", "The parents withdrew"),
        ),
        (
            "intake_planned",
            "stop",
            {"stop-reason": "youth_withdrew", "stop-note": ""},
            ("stopped", "The young person withdrew"),
        ),
        (
            "new",
            "not_start",
            {"not_started-reason": "no_consent", "not_started-note": "Ouders willen niet."},
            ("not_started", "No consent"),
        ),
    ],
)
def test_it_ends_early_with_the_reason(client, caseworker_a, school_a, status, step, data, expected):
    intervention = make_intervention(status=status, professional=caseworker_a, school=school_a)
    prefix = "stop" if step == "stop" else "not_started"
    today = timezone.localdate()

    response = _post(
        client,
        caseworker_a,
        intervention,
        step,
        {**data, f"{prefix}-end_date": today.isoformat()},
        htmx=False,
    )

    assert response.status_code == 302
    intervention.refresh_from_db()
    assert (intervention.status, intervention.end_date) == (expected[0], today)
    page = client.get(response["Location"], headers=ENGLISH).content.decode()
    assert expected[1] in page
    note = data.get(f"{prefix}-note")
    if note:
        assert note in page
    last = intervention.history.last()
    assert last is not None
    assert last.to_status == expected[0]


def test_a_team_lead_reassigns_the_file(client, team_lead_a, caseworker_a, caseworker_a2, school_a):
    caseworker_a2.first_name, caseworker_a2.last_name = "Ahmed", "El Idrissi"
    caseworker_a2.save()
    intervention = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)

    response = _post(client, team_lead_a, intervention, "assign", {"assign-professional": caseworker_a2.pk})

    intervention.refresh_from_db()
    assert intervention.professional == caseworker_a2
    assert "Ahmed El Idrissi" in _header(response)
