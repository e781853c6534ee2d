"""Each case-work form on the file records through its service and shows in the timeline:
inline with HTMX (the timeline swapped, header and forms out of band), and as a plain form
without JavaScript (back to the file)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.models import (
    Agreement,
    CareReferral,
    CareReport,
    Component,
    Conversation,
    ParentContact,
    RestorationAction,
)
from kansrijk.interventions.tests.factories import make_intervention

HTMX = {"HX-Request": "true"}
ENGLISH = {"accept-language": "en"}


@pytest.fixture
def open_file(caseworker_a, school_a):
    return make_intervention(
        status="in_progress",
        professional=caseworker_a,
        school=school_a,
        parents=[{"first_name": "Marieke", "last_name": "Bakker", "relation": "mother"}],
    )


def _parent(intervention):
    return intervention.referral.young_person.parents.get()


def _today():
    return timezone.localdate().isoformat()


# step: (form data, the record it makes, what it must hold, what the timeline then shows)
STEPS = {
    "record_parent_contact": (
        lambda i: {
            "contact-parent": _parent(i).pk,
            "contact-mode": "face_to_face",
            "contact-date": _today(),
            "contact-note": "Moeder op school gesproken.",
        },
        ParentContact,
        lambda record, i: (
            (record.mode, record.parent, record.note)
            == ("face_to_face", _parent(i), "Moeder op school gesproken.")
        ),
        ["Face to face", "Moeder op school gesproken."],
    ),
    "record_conversation": (
        lambda i: {
            "conversation-kind": "follow_up",
            "conversation-date": _today(),
            "conversation-place": "Buurthuis De Linde",
            "conversation-youth_took_part": "on",
            "conversation-parents": [_parent(i).pk],
            "conversation-others": "mentor",
            "conversation-summary": "Afspraken doorgenomen.",
        },
        Conversation,
        lambda record, i: (
            (record.kind, record.place, list(record.parents.all()), record.others)
            == ("follow_up", "Buurthuis De Linde", [_parent(i)], "mentor")
        ),
        ["Follow-up conversation", "Buurthuis De Linde", "Marieke Bakker", "Afspraken doorgenomen."],
    ),
    "record_agreement": (
        lambda i: {
            "agreement-description": "Excuusbrief schrijven aan de conciërge.",
            "agreement-due_date": "",
        },
        Agreement,
        lambda record, i: (
            (record.description, record.due_date) == ("Excuusbrief schrijven aan de conciërge.", None)
        ),
        ["Excuusbrief schrijven aan de conciërge."],
    ),
    "plan_component": (
        lambda i: {"component-kind": "role_play", "component-planned_date": _today(), "component-note": ""},
        Component,
        lambda record, i: (
            (record.kind, record.status, record.planned_date)
            == ("role_play", "planned", timezone.localdate())
        ),
        ["Role play", "Planned"],
    ),
    "record_restoration": (
        lambda i: {
            "restoration-kind": "apology_letter",
            "restoration-date": _today(),
            "restoration-victim_involved": "on",
            "restoration-note": "Brief overhandigd.",
        },
        RestorationAction,
        lambda record, i: (record.kind, record.victim_involved) == ("apology_letter", True),
        ["Apology letter", "Brief overhandigd."],
    ),
    "record_care_referral": (
        lambda i: {
            "care_referral-kind": "youth_care",
            "care_referral-organisation": "Jeugdteam Centrum",
            "care_referral-date": _today(),
            "care_referral-meldcode_ground": "on",
            "care_referral-note": "",
        },
        CareReferral,
        lambda record, i: (record.kind, record.organisation) == ("youth_care", "Jeugdteam Centrum"),
        ["Youth care", "Jeugdteam Centrum"],
    ),
    "record_care_report": (
        lambda i: {
            "care_report-date": _today(),
            "care_report-receiving_body": "Veilig Thuis Haaglanden",
            "care_report-note": "Zorgen over de thuissituatie.",
        },
        CareReport,
        lambda record, i: (
            (record.receiving_body, record.note)
            == ("Veilig Thuis Haaglanden", "Zorgen over de thuissituatie.")
        ),
        ["Veilig Thuis Haaglanden", "Zorgen over de thuissituatie."],
    ),
}


def _timeline(text):
    return text.split('id="tijdlijn"')[1]


def _recorded(model, intervention, before):
    """The one record the step added (the intake conversation was there already)."""
    records = model.objects.filter(intervention=intervention).order_by("id")
    assert records.count() == before + 1
    return records.last()


@pytest.mark.parametrize("step", list(STEPS))
def test_it_records_inline_with_htmx(client, caseworker_a, open_file, step):
    data, model, holds, shown = STEPS[step]
    before = model._default_manager.count()
    client.force_login(caseworker_a)

    response = client.post(
        reverse(f"interventions:{step}", args=[open_file.uuid]), data(open_file), headers={**HTMX, **ENGLISH}
    )

    assert response.status_code == 200
    record = _recorded(model, open_file, before)
    assert record.intervention == open_file and record.recorded_by == caseworker_a
    assert holds(record, open_file)
    assert AuditEvent.objects.filter(actor=caseworker_a, subject_id=str(open_file.uuid)).exists()
    text = response.content.decode()
    assert "<html" not in text
    assert text.lstrip().startswith('<section class="section" id="tijdlijn"')
    for expected in shown:
        assert expected in _timeline(text), expected
    # The header and the forms come along out of band, the forms fresh again.
    assert 'id="dossier-kop" hx-swap-oob="true"' in text
    assert 'id="vastleggen" aria-labelledby="actions-heading" hx-swap-oob="true"' in text
    assert 'class="alert alert--success" role="status"' in text


@pytest.mark.parametrize("step", list(STEPS))
def test_it_records_without_javascript_and_returns_to_the_file(client, caseworker_a, open_file, step):
    data, model, holds, shown = STEPS[step]
    before = model._default_manager.count()
    client.force_login(caseworker_a)

    response = client.post(reverse(f"interventions:{step}", args=[open_file.uuid]), data(open_file))

    assert response.status_code == 302
    assert response["Location"] == reverse("interventions:detail", args=[open_file.uuid])
    assert holds(_recorded(model, open_file, before), open_file)
    page = client.get(response["Location"], headers=ENGLISH).content.decode()
    for expected in shown:
        assert expected in _timeline(page), expected


def test_it_marks_a_planned_component_done_or_not_done(client, caseworker_a, school_a):
    intervention = make_intervention(
        status="in_progress",
        professional=caseworker_a,
        school=school_a,
        components=["reflection", "role_play"],
    )
    reflection, role_play = intervention.components.order_by("id")
    client.force_login(caseworker_a)

    page = client.get(reverse("interventions:detail", args=[intervention.uuid]), headers=ENGLISH)
    assert len(page.context["marks"]) == 2

    done = client.post(
        reverse("interventions:mark_component", args=[intervention.uuid, reflection.uuid]),
        {f"mark-{reflection.uuid}-status": "done", f"mark-{reflection.uuid}-date": _today()},
        headers={**HTMX, **ENGLISH},
    )
    not_done = client.post(
        reverse("interventions:mark_component", args=[intervention.uuid, role_play.uuid]),
        {f"mark-{role_play.uuid}-status": "not_done"},
    )

    reflection.refresh_from_db()
    role_play.refresh_from_db()
    assert (reflection.status, reflection.done_date) == ("done", timezone.localdate())
    assert (role_play.status, role_play.done_date) == ("not_done", None)
    assert "Done" in _timeline(done.content.decode())
    assert not_done.status_code == 302
    page = client.get(not_done["Location"], headers=ENGLISH)
    assert "Not done" in _timeline(page.content.decode())
    # Nothing is left to mark.
    assert page.context["marks"] == []


def test_it_shows_dutch_field_errors_and_keeps_the_form_open(client, caseworker_a, open_file):
    client.force_login(caseworker_a)
    for headers in (HTMX, {}):
        response = client.post(
            reverse("interventions:record_parent_contact", args=[open_file.uuid]),
            {"contact-mode": "", "contact-date": "31-02-2026"},
            headers=headers,
        )
        assert response.status_code == 200
        text = response.content.decode()
        assert "Dit veld is verplicht." in text
        assert "Voer een geldige datum in." in text
        assert 'aria-invalid="true"' in text
        form_block = text.split('id="id_contact-mode"')[0].rsplit("<details", 1)[1]
        assert form_block.startswith(' class="step" open')
    assert not ParentContact.objects.exists()


def test_it_labels_every_field_of_every_form(client, team_lead_a, school_a):
    intervention = make_intervention(
        status="in_progress", professional=team_lead_a, school=school_a, components=["reflection"]
    )
    client.force_login(team_lead_a)
    response = client.get(reverse("interventions:detail", args=[intervention.uuid]))
    text = response.content.decode()
    forms = [step.form for group in response.context["steps"].values() for step in group]
    forms += [mark.form for mark in response.context["marks"]]
    assert len(forms) >= 10
    for form in forms:
        # Hidden fields (the version the form was read at) are no input and have no label.
        for field in form.visible_fields():
            if field.widget_type in ("radioselect", "checkboxselectmultiple"):
                # A group of choices: a legend for the group (for marking: the component's
                # name) and a label for each choice.
                if not form.prefix.startswith("mark-"):
                    assert f"<legend>{field.label}</legend>" in text, field.html_name
                for choice in field:
                    assert f'<label for="{choice.id_for_label}">' in text, field.html_name
            else:
                assert f'<label for="{field.id_for_label}">' in text, field.html_name
