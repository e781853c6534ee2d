"""Recording the work on an open file: what is kept, and which input is refused."""

import datetime as dt

import pytest
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.core.errors import DomainError
from kansrijk.interventions import services

from .factories import database_state, make_intervention, make_referral


@pytest.fixture
def file_in_progress(caseworker_a):
    return make_intervention(status="in_progress", professional=caseworker_a)


def _today():
    return timezone.localdate()


def test_it_keeps_each_parent_contact_with_its_mode_and_parent(caseworker_a):
    intervention = make_intervention(status="new", professional=caseworker_a)
    mother = intervention.referral.young_person.parents.get()

    services.intervention_record_parent_contact(
        intervention=intervention,
        by=caseworker_a,
        mode="phone",
        date=intervention.referral_date,
        parent=mother,
    )
    services.intervention_record_parent_contact(
        intervention=intervention, by=caseworker_a, mode="face_to_face", date=_today()
    )

    assert list(intervention.parent_contacts.values_list("mode", "parent")) == [
        ("phone", mother.pk),
        ("face_to_face", None),
    ]
    events = AuditEvent.objects.filter(
        subject_id=str(intervention.uuid), event="intervention_parent_contact_recorded"
    )
    assert sorted(event.new["mode"] for event in events) == ["face_to_face", "phone"]


def test_it_marks_a_component_done_on_a_date_and_another_not_done(file_in_progress, caseworker_a):
    role_play = services.intervention_plan_component(
        intervention=file_in_progress, by=caseworker_a, kind="role_play"
    )
    mentor = services.intervention_plan_component(
        intervention=file_in_progress, by=caseworker_a, kind="mentor"
    )

    services.intervention_mark_component(component=role_play, by=caseworker_a, status="done", date=_today())
    services.intervention_mark_component(component=mentor, by=caseworker_a, status="not_done")

    role_play.refresh_from_db()
    mentor.refresh_from_db()
    assert (role_play.status, role_play.done_date) == ("done", _today())
    assert (mentor.status, mentor.done_date) == ("not_done", None)


def test_it_does_not_keep_free_text_in_the_audit_log(file_in_progress, caseworker_a):
    # Audit rows outlive the retention period; the note itself must not end up there.
    services.intervention_add_note(intervention=file_in_progress, by=caseworker_a, text="Mother drinks.")
    services.intervention_record_care_report(
        intervention=file_in_progress, by=caseworker_a, date=_today(), note="Signs of neglect at home."
    )

    logged = str(list(AuditEvent.objects.values_list("old", "new")))
    assert "Mother drinks" not in logged
    assert "neglect" not in logged


CASES = {
    "unknown contact mode": (
        lambda i, by: services.intervention_record_parent_contact(intervention=i, by=by, mode="pigeon"),
        "unknown_code",
    ),
    "contact in the future": (
        lambda i, by: services.intervention_record_parent_contact(
            intervention=i, by=by, mode="phone", date=_today() + dt.timedelta(days=1)
        ),
        "date_in_future",
    ),
    "contact before the referral": (
        lambda i, by: services.intervention_record_parent_contact(
            intervention=i, by=by, mode="phone", date=i.referral_date - dt.timedelta(days=1)
        ),
        "date_too_early",
    ),
    "second intake": (
        lambda i, by: services.intervention_record_conversation(
            intervention=i, by=by, kind="intake", date=_today()
        ),
        "invalid_code",
    ),
    "unknown conversation": (
        lambda i, by: services.intervention_record_conversation(
            intervention=i, by=by, kind="chat", date=_today()
        ),
        "unknown_code",
    ),
    "conversation before the intake": (
        lambda i, by: services.intervention_record_conversation(
            intervention=i, by=by, kind="follow_up", date=i.intake_date - dt.timedelta(days=1)
        ),
        "date_too_early",
    ),
    "empty agreement": (
        lambda i, by: services.intervention_record_agreement(intervention=i, by=by, description="  "),
        "description_required",
    ),
    "agreement due before the intake": (
        lambda i, by: services.intervention_record_agreement(
            intervention=i, by=by, description="Tidy up.", due_date=i.intake_date - dt.timedelta(days=1)
        ),
        "date_too_early",
    ),
    "unknown component": (
        lambda i, by: services.intervention_plan_component(intervention=i, by=by, kind="juggling"),
        "unknown_code",
    ),
    "unknown restoration": (
        lambda i, by: services.intervention_record_restoration(intervention=i, by=by, kind="flowers"),
        "unknown_code",
    ),
    "restoration in the future": (
        lambda i, by: services.intervention_record_restoration(
            intervention=i, by=by, kind="apology_letter", date=_today() + dt.timedelta(days=2)
        ),
        "date_in_future",
    ),
    "unknown care": (
        lambda i, by: services.intervention_record_care_referral(intervention=i, by=by, kind="spa"),
        "unknown_code",
    ),
    "care report to nobody": (
        lambda i, by: services.intervention_record_care_report(intervention=i, by=by, receiving_body=""),
        "receiving_body_required",
    ),
    "empty note": (
        lambda i, by: services.intervention_add_note(intervention=i, by=by, text=""),
        "text_required",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_it_refuses_invalid_case_records_and_stores_nothing(file_in_progress, caseworker_a, case):
    call, code = CASES[case]
    before = database_state()

    with pytest.raises(DomainError) as refused:
        call(file_in_progress, caseworker_a)

    assert refused.value.code == code
    assert str(refused.value)
    assert database_state() == before


@pytest.mark.parametrize(
    ("status", "date", "code"),
    [
        ("planned", "today", "invalid_code"),
        ("done", None, "date_required"),
        ("done", "tomorrow", "date_in_future"),
    ],
)
def test_it_refuses_an_invalid_marking_of_a_component(file_in_progress, caseworker_a, status, date, code):
    component = services.intervention_plan_component(
        intervention=file_in_progress, by=caseworker_a, kind="reflection"
    )
    day = {"today": _today(), "tomorrow": _today() + dt.timedelta(days=1), None: None}[date]
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_mark_component(component=component, by=caseworker_a, status=status, date=day)

    assert refused.value.code == code
    assert database_state() == before


def test_it_refuses_a_parent_of_another_young_person_in_a_contact(file_in_progress, caseworker_a):
    stranger = make_referral(professional=caseworker_a).young_person.parents.get()
    before = database_state()

    with pytest.raises(DomainError) as refused:
        services.intervention_record_parent_contact(
            intervention=file_in_progress, by=caseworker_a, mode="phone", parent=stranger
        )

    assert refused.value.code == "invalid_parent"
    assert database_state() == before
