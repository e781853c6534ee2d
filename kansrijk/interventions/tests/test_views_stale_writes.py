"""A form based on an older state of the file or a component is refused, never applied silently
(core/versions.py): the message says who changed it and what it is now; nothing is written."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions import services
from kansrijk.interventions.models import Intervention, InterventionStatusChange
from kansrijk.interventions.tests.factories import database_state, make_intervention

HTMX = {"HX-Request": "true"}
DUTCH = {"accept-language": "nl"}


def _state():
    """Every row but the session store (database_state) and the audit log: the refusal shows
    the file again, and that read is audited (core/tests/test_case_pages_audited.py)."""
    state = database_state()
    del state["audit.AuditEvent"]
    return state


def _hidden_version(page: str, name: str) -> str:
    found = re.search(rf'<input type="hidden" name="{re.escape(name)}" value="(\d+)"', page)
    assert found, name
    return found[1]


@pytest.fixture
def component_file(caseworker_a, school_a):
    return make_intervention(
        status="in_progress", professional=caseworker_a, school=school_a, components=["reflection"]
    )


def test_a_stale_not_done_does_not_overwrite_done(client, caseworker_a, caseworker_a2, component_file):
    component = component_file.components.get()
    url = reverse("interventions:mark_component", args=[component_file.uuid, component.uuid])
    prefix = f"mark-{component.uuid}"
    # Both colleagues open the file: the component's form carries version 1.
    client.force_login(caseworker_a2)
    page = client.get(reverse("interventions:detail", args=[component_file.uuid])).content.decode()
    read = _hidden_version(page, f"{prefix}-version")
    assert read == "1"
    today = timezone.localdate()
    services.intervention_mark_component(
        component=component, by=caseworker_a, status="done", date=today, version=1
    )
    before = _state()

    for headers in ({**DUTCH}, {**DUTCH, **HTMX}):
        stale = {f"{prefix}-status": "not_done", f"{prefix}-version": read}
        response = client.post(url, stale, headers=headers)

        assert response.status_code == 200
        text = response.content.decode()
        day = today.strftime("%d-%m-%Y")
        assert (
            f"Dit onderdeel is intussen gewijzigd door anna (nu: uitgevoerd op {day}). "
            "Bekijk de nieuwe stand en probeer het opnieuw."
        ) in text
        assert _state() == before
    component.refresh_from_db()
    assert (component.status, component.done_date, component.version) == ("done", today, 2)


def test_the_refused_form_comes_back_with_what_was_typed_and_the_current_version(
    client, caseworker_a, caseworker_a2, school_a
):
    intervention = make_intervention(status="new", professional=caseworker_a, school=school_a)
    url = reverse("interventions:plan_intake", args=[intervention.uuid])
    day = timezone.localdate() + dt.timedelta(days=3)
    services.intervention_plan_intake(
        intervention=intervention,
        by=caseworker_a,
        planned_at=timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0))),
        version=1,
    )
    client.force_login(caseworker_a2)
    typed = {"intake_plan-date": day.isoformat(), "intake_plan-time": "14:00"}

    refused = client.post(url, {**typed, "intake_plan-version": "1"}).content.decode()
    current = _hidden_version(refused, "intake_plan-version")
    assert 'value="14:00"' in refused
    # Having seen the new state, the colleague sends it again on purpose: now it is applied.
    again = client.post(url, {**typed, "intake_plan-version": current})

    assert (current, again.status_code) == ("2", 302)
    intervention.refresh_from_db()
    assert timezone.localtime(intervention.intake_planned_at).time() == dt.time(14, 0)
    assert (intervention.version, intervention.changed_by) == (3, caseworker_a2)


def test_two_people_planning_the_intake_at_once_the_second_is_refused(
    client, caseworker_a, caseworker_a2, school_a
):
    intervention = make_intervention(status="new", professional=caseworker_a, school=school_a)
    url = reverse("interventions:plan_intake", args=[intervention.uuid])
    day = timezone.localdate() + dt.timedelta(days=3)
    client.force_login(caseworker_a2)
    page = client.get(reverse("interventions:detail", args=[intervention.uuid])).content.decode()
    read = _hidden_version(page, "intake_plan-version")
    # The colleague plans it first, at ten.
    services.intervention_plan_intake(
        intervention=intervention,
        by=caseworker_a,
        planned_at=timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0))),
        version=int(read),
    )
    before = _state()

    response = client.post(
        url,
        {"intake_plan-date": day.isoformat(), "intake_plan-time": "14:00", "intake_plan-version": read},
        headers=DUTCH,
    )

    assert response.status_code == 200
    assert (
        "Dit dossier is intussen gewijzigd door anna "
        f"(nu: intake gepland op {day.strftime('%d-%m-%Y')} 10:00, toegewezen aan anna). "
        "Bekijk de nieuwe stand en probeer het opnieuw."
    ) in response.content.decode()
    assert _state() == before
    intervention.refresh_from_db()
    assert timezone.localtime(intervention.intake_planned_at).time() == dt.time(10, 0)


def test_a_stale_assignment_is_refused(client, caseworker_a, caseworker_a2, team_lead_a, school_a):
    intervention = make_intervention(status="new", professional=caseworker_a, school=school_a)
    client.force_login(team_lead_a)
    page = client.get(reverse("interventions:detail", args=[intervention.uuid])).content.decode()
    read = _hidden_version(page, "assign-version")
    services.intervention_not_started(
        intervention=intervention, by=caseworker_a, reason="no_contact", end_date=timezone.localdate()
    )
    services.intervention_reopen(intervention=intervention, by=team_lead_a, reason="Toch bereikt.")

    response = client.post(
        reverse("interventions:assign", args=[intervention.uuid]),
        {"assign-professional": caseworker_a2.pk, "assign-version": read},
        headers=DUTCH,
    )

    assert response.status_code == 200
    assert "Dit dossier is intussen gewijzigd door tineke" in response.content.decode()
    intervention.refresh_from_db()
    assert intervention.professional == caseworker_a


def test_case_work_recorded_in_the_file_leaves_its_version(caseworker_a, school_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    version = intervention.version

    services.intervention_add_note(intervention=intervention, by=caseworker_a, text="Gebeld.")
    services.intervention_record_parent_contact(intervention=intervention, by=caseworker_a, mode="phone")

    # A note does not make a colleague's open "complete" form stale.
    services.intervention_complete(
        intervention=intervention,
        by=caseworker_a,
        outcome="sufficient",
        end_date=timezone.localdate(),
        version=version,
    )
    intervention.refresh_from_db()
    assert (intervention.status, intervention.version, intervention.changed_by) == (
        "completed",
        version + 1,
        caseworker_a,
    )


def test_every_change_of_the_file_moves_its_version_on(caseworker_a, team_lead_a, school_a):
    intervention = make_intervention(status="new", professional=caseworker_a, school=school_a)
    assert Intervention.objects.get(pk=intervention.pk).version == 1
    planned = timezone.now() + dt.timedelta(days=2)

    services.intervention_plan_intake(intervention=intervention, by=caseworker_a, planned_at=planned)
    services.intervention_start(intervention=intervention, by=caseworker_a, intake_date=timezone.localdate())
    services.intervention_assign(intervention=intervention, by=team_lead_a, professional=team_lead_a)

    intervention.refresh_from_db()
    assert (intervention.version, intervention.changed_by) == (4, team_lead_a)
    # Without a version (a caller without a form) a step is applied unchecked, as before.
    assert InterventionStatusChange.objects.filter(intervention=intervention).count() == 3
