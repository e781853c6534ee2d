"""A step the file does not offer, forced with a crafted POST, meets the service's DomainError:
shown in plain Dutch on the file (status 200, never a 500), and nothing changes."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions.tests.factories import database_state, make_intervention

HTMX = {"HX-Request": "true"}


def _state():
    """Every row of every table but the sessions, whose expiry moves with each request."""
    state = database_state()
    # Django's own table, unused, and ours (SESSION_ENGINE, kansrijk/accounts/sessions.py).
    del state["sessions.Session"], state["accounts.UserSession"]
    return state


def _today():
    return timezone.localdate().isoformat()


# (status of the file, who posts, step, data, the Dutch message)
FORCED: dict[str, tuple[str, str, str, dict[str, str | Callable[[], str]], str]] = {
    "completing before the intake": (
        "intake_planned",
        "caseworker_a",
        "complete",
        {"complete-outcome": "sufficient", "complete-end_date": _today},
        "Een interventie kan pas worden afgerond als de intake heeft plaatsgevonden.",
    ),
    "an agreement before the intake": (
        "new",
        "caseworker_a",
        "record_agreement",
        {"agreement-description": "Op tijd komen."},
        "Afspraken worden gemaakt als de interventie is gestart; leg eerst de intake vast.",
    ),
    "a second intake": (
        "in_progress",
        "caseworker_a",
        "start",
        {"intake-intake_date": _today, "intake-youth_took_part": "on"},
        "Deze interventie is al gestart.",
    ),
    "planning the intake of a running file": (
        "in_progress",
        "caseworker_a",
        "plan_intake",
        {"intake_plan-date": _today, "intake_plan-time": "10:00"},
        "Een intake kan alleen worden gepland voordat de interventie is gestart.",
    ),
    "reassigning as a caseworker": (
        "in_progress",
        "caseworker_a",
        "assign",
        {"assign-professional": "caseworker_a2"},
        "Alleen een teamleider van deze regio mag deze stap zetten.",
    ),
    "reopening as a caseworker": (
        "completed",
        "caseworker_a",
        "reopen",
        {"reopen-reason": "Toch nog een gesprek."},
        "Alleen een teamleider van deze regio mag deze stap zetten.",
    ),
    "work on a closed file": (
        "stopped",
        "caseworker_a",
        "record_parent_contact",
        {"contact-mode": "phone", "contact-date": _today},
        "Deze interventie is beëindigd en kan niet meer worden gewijzigd.",
    ),
    "a date in the future": (
        "in_progress",
        "caseworker_a",
        "record_restoration",
        {
            "restoration-kind": "apology_letter",
            "restoration-date": lambda: (timezone.localdate() + dt.timedelta(days=3)).isoformat(),
        },
        "De datum kan niet in de toekomst liggen.",
    ),
}


@pytest.mark.parametrize("headers", [HTMX, {}], ids=["htmx", "plain"])
@pytest.mark.parametrize("case", list(FORCED))
def test_it_shows_the_domain_error_in_dutch_and_changes_nothing(
    request, client, school_a, caseworker_a, case, headers
):
    status, who, step, data, message = FORCED[case]
    intervention = make_intervention(status=status, professional=caseworker_a, school=school_a)
    data = {
        key: (
            value()
            if callable(value)
            else request.getfixturevalue(value).pk
            if value == "caseworker_a2"
            else value
        )
        for key, value in data.items()
    }
    client.force_login(request.getfixturevalue(who))
    before = _state()

    response = client.post(reverse(f"interventions:{step}", args=[intervention.uuid]), data, headers=headers)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert _state() == before


def test_it_refuses_marking_a_component_once_the_file_has_ended(client, caseworker_a, school_a):
    intervention = make_intervention(
        status="completed", professional=caseworker_a, school=school_a, components=["reflection"]
    )
    component = intervention.components.get()
    client.force_login(caseworker_a)
    before = _state()

    response = client.post(
        reverse("interventions:mark_component", args=[intervention.uuid, component.uuid]),
        {f"mark-{component.uuid}-status": "done", f"mark-{component.uuid}-date": _today()},
    )

    assert response.status_code == 200
    assert "Deze interventie is beëindigd en kan niet meer worden gewijzigd." in response.content.decode()
    assert _state() == before


def test_it_asks_for_the_date_a_component_was_done(client, caseworker_a, school_a):
    intervention = make_intervention(
        status="in_progress", professional=caseworker_a, school=school_a, components=["reflection"]
    )
    component = intervention.components.get()
    client.force_login(caseworker_a)

    response = client.post(
        reverse("interventions:mark_component", args=[intervention.uuid, component.uuid]),
        {f"mark-{component.uuid}-status": "done", f"mark-{component.uuid}-date": ""},
    )

    assert response.status_code == 200
    assert "Geef de datum waarop het onderdeel is uitgevoerd." in response.content.decode()
    component.refresh_from_db()
    assert component.status == "planned"


def test_it_refuses_a_care_report_from_a_colleague_who_may_not_see_them(
    client, caseworker_a, caseworker_a2, school_a
):
    intervention = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    client.force_login(caseworker_a2)
    before = _state()

    response = client.post(
        reverse("interventions:record_care_report", args=[intervention.uuid]),
        {"care_report-date": _today(), "care_report-receiving_body": "Veilig Thuis"},
    )

    assert response.status_code == 403
    assert _state() == before


def test_it_answers_404_for_a_component_of_another_file(client, caseworker_a, school_a):
    mine = make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    other = make_intervention(
        status="in_progress", professional=caseworker_a, school=school_a, components=["reflection"]
    )
    component = other.components.get()
    client.force_login(caseworker_a)

    response = client.post(
        reverse("interventions:mark_component", args=[mine.uuid, component.uuid]),
        {f"mark-{component.uuid}-status": "not_done"},
    )

    assert response.status_code == 404
    component.refresh_from_db()
    assert component.status == "planned"
