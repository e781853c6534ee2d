"""The only write path for interventions: every state change and every piece of case work.

Each function takes the intervention and the user who acts (`by`), checks the role and the
workflow table (`workflow.py`), validates its input, and then writes the change, the status
history row (only when the status changes) and the audit row in one transaction. A step the
rules forbid raises DomainError before anything is written.

An intervention is opened by accepting its referral (`intervention_open`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.accounts.policy import require_assignable
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record, audit_values
from kansrijk.core.errors import DomainError
from kansrijk.core.models import ReferenceCounter
from kansrijk.core.rules import check_day
from kansrijk.interventions.consent import consent_in_effect
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.people.models import Parent
from kansrijk.referrals.models import Referral
from kansrijk.referrals.notifications import notify_referrer
from kansrijk.referrals.services import referral_accept

from .constants import (
    CareReferralKind,
    ComponentKind,
    ComponentStatus,
    ContactMode,
    ConversationKind,
    NotStartedReason,
    Outcome,
    RestorationKind,
    Status,
    StopReason,
)
from .events import intervention_ended
from .feedback import feedback_shared
from .models import (
    PARENT_CONTACT_FLAGS,
    Agreement,
    CareReferral,
    CareReport,
    Component,
    Conversation,
    Intervention,
    InterventionStatusChange,
    Note,
    ParentContact,
    RestorationAction,
)
from .remnant import note_contact, refresh_repeat_flags
from .workflow import INTERVENTION_WORKFLOW

_IN_FUTURE = _("The date cannot be in the future.")
_BEFORE_REFERRAL = _("The date cannot be before the referral date.")
_BEFORE_INTAKE = _("The date cannot be before the intake.")


# --- state changes -------------------------------------------------------------------------


@transaction.atomic
def intervention_open(*, referral: Referral, by: User, professional: User) -> Intervention:
    """Accept the referral and open its intervention, assigned to `professional`.

    The referral's side (the checks, its status, history and the referrer's notice) is
    `referrals.services.referral_accept`, in the same transaction: either both happen or neither.
    """
    referral_accept(referral=referral, by=by, professional=professional)
    now = timezone.now()
    primary_reason = referral.primary_reason
    assert primary_reason is not None  # referral_accept refuses a referral without one
    intervention = Intervention.objects.create(
        reference=ReferenceCounter.next_reference("HLT", referral.referral_date.year),
        referral=referral,
        type=referral.type,
        status=Status.NEW,
        region_id=referral.region_id,
        municipality_id=referral.municipality_id,
        school_id=referral.school_id,
        neighbourhood_id=referral.neighbourhood_id,
        professional=professional,
        referral_date=referral.referral_date,
        primary_reason=primary_reason,
        accepted_at=now,
    )
    InterventionStatusChange.objects.create(
        intervention=intervention, from_status="", to_status=Status.NEW, by=by, at=now
    )
    # Accepting an earlier referral late can make the young person's later intervention a repeat.
    refresh_repeat_flags(young_person_ids=[referral.young_person_id])
    intervention.refresh_from_db(fields=["is_repeat"])
    audit_record(
        actor=by,
        event=Event.INTERVENTION_CREATED,
        subject=intervention,
        new=audit_values(
            reference=intervention.reference,
            referral=referral,
            status=Status.NEW,
            type=intervention.type,
            professional=professional,
            referral_date=intervention.referral_date,
            primary_reason=primary_reason,
        ),
    )
    return intervention


@transaction.atomic
def intervention_plan_intake(
    *, intervention: Intervention, by: User, planned_at: dt.datetime
) -> Intervention:
    """Plan the intake (first conversation); planning again moves the appointment."""
    if timezone.is_naive(planned_at):
        raise ValueError("planned_at must be timezone-aware")
    _begin(intervention, by, "plan_intake")
    check_day(
        timezone.localdate(planned_at),
        earliest=intervention.referral_date,
        too_early=_("The intake cannot be planned before the referral date."),
    )
    _change(
        intervention,
        "plan_intake",
        by=by,
        event=Event.INTERVENTION_INTAKE_PLANNED,
        fields={"intake_planned_at": planned_at},
    )
    return intervention


@transaction.atomic
def intervention_start(
    *,
    intervention: Intervention,
    by: User,
    intake_date: dt.date,
    place: str = "",
    youth_took_part: bool = True,
    parents: Iterable[Parent] = (),
    others: str = "",
    summary: str = "",
) -> Intervention:
    """Record the intake (first conversation); the intervention is then in progress."""
    _begin(intervention, by, "start")
    check_day(
        intake_date,
        earliest=intervention.referral_date,
        too_early=_("The intake cannot be before the referral date."),
        in_future=_("The intake date cannot be in the future."),
    )
    parents = _check_parents(intervention, parents)
    conversation = Conversation.objects.create(
        intervention=intervention,
        kind=ConversationKind.INTAKE,
        date=intake_date,
        place=place,
        youth_took_part=youth_took_part,
        others=others,
        summary=summary,
        recorded_by=by,
    )
    conversation.parents.set(parents)
    note_contact(intervention, intake_date)
    _change(
        intervention,
        "start",
        by=by,
        event=Event.INTERVENTION_STARTED,
        fields={"intake_date": intake_date},
        extra=audit_values(conversation=conversation, parents=len(parents)),
    )
    return intervention


@transaction.atomic
def intervention_complete(
    *, intervention: Intervention, by: User, outcome: Outcome | str, end_date: dt.date
) -> Intervention:
    """Complete the intervention with its outcome: sufficient, or further support needed."""
    _begin(intervention, by, "complete")
    if not outcome:
        raise DomainError(_("Choose the outcome of the intervention."), code="outcome_required")
    if outcome not in Outcome.values:
        raise DomainError(_("Unknown outcome."), code="unknown_code")
    _check_end_date(intervention, end_date)
    _change(
        intervention,
        "complete",
        by=by,
        event=Event.INTERVENTION_COMPLETED,
        fields={"outcome": outcome, "end_date": end_date},
    )
    intervention_ended.send(sender=Intervention, intervention=intervention, by=by)
    # Even "it has ended" is feedback: the referrer hears it only with the consent for it.
    if feedback_shared(intervention):
        notify_referrer(intervention.referral, event="completed")
    return intervention


@transaction.atomic
def intervention_stop(
    *, intervention: Intervention, by: User, reason: StopReason | str, end_date: dt.date, note: str = ""
) -> Intervention:
    """End the intervention early because the young person or the parents withdrew."""
    _begin(intervention, by, "stop")
    if not reason:
        raise DomainError(_("Give the reason for stopping."), code="reason_required")
    if reason not in StopReason.values:
        raise DomainError(_("Unknown reason for stopping."), code="unknown_code")
    _check_end_date(intervention, end_date)
    intervention.end_note = note
    _change(
        intervention,
        "stop",
        by=by,
        event=Event.INTERVENTION_STOPPED,
        fields={"stop_reason": reason, "end_date": end_date},
        reason=_history_reason(reason, note),
        also_save=["end_note"],
    )
    intervention_ended.send(sender=Intervention, intervention=intervention, by=by)
    return intervention


@transaction.atomic
def intervention_not_started(
    *, intervention: Intervention, by: User, reason: NotStartedReason | str, end_date: dt.date, note: str = ""
) -> Intervention:
    """Close an intervention that never started: no consent, or no contact."""
    _begin(intervention, by, "not_start")
    if not reason:
        raise DomainError(_("Give the reason why the intervention did not start."), code="reason_required")
    if reason not in NotStartedReason.values:
        raise DomainError(_("Unknown reason why the intervention did not start."), code="unknown_code")
    _check_end_date(intervention, end_date)
    intervention.end_note = note
    _change(
        intervention,
        "not_start",
        by=by,
        event=Event.INTERVENTION_NOT_STARTED,
        fields={"not_started_reason": reason, "end_date": end_date},
        reason=_history_reason(reason, note),
        also_save=["end_note"],
    )
    return intervention


@transaction.atomic
def intervention_reopen(*, intervention: Intervention, by: User, reason: str) -> Intervention:
    """Reopen an ended intervention: back to in progress after an intake, else to new.

    Only a team lead may, and must say why; the reason goes into the status history.
    """
    _begin(intervention, by, "reopen")
    if not (reason or "").strip():
        raise DomainError(_("Give the reason for reopening the intervention."), code="reason_required")
    intervention.end_note = ""
    _change(
        intervention,
        "reopen",
        by=by,
        event=Event.INTERVENTION_REOPENED,
        fields={"end_date": None, "outcome": "", "stop_reason": "", "not_started_reason": ""},
        reason=reason.strip(),
        also_save=["end_note"],
    )
    return intervention


@transaction.atomic
def intervention_assign(*, intervention: Intervention, by: User, professional: User) -> Intervention:
    """A team lead hands the intervention to another professional of the region."""
    _begin(intervention, by, "assign")
    require_assignable(professional, intervention.region_id)
    _change(
        intervention,
        "assign",
        by=by,
        event=Event.INTERVENTION_ASSIGNED,
        fields={"professional": professional},
    )
    return intervention


# --- case work -----------------------------------------------------------------------------


@transaction.atomic
def intervention_record_parent_contact(
    *,
    intervention: Intervention,
    by: User,
    mode: str,
    date: dt.date | None = None,
    parent: Parent | None = None,
    note: str = "",
) -> ParentContact:
    """One contact with a parent or carer, with its mode (face to face, digital, phone)."""
    _begin(intervention, by, "record_parent_contact")
    _check_code(mode, ContactMode, _("Unknown mode of contact."))
    _check_record_day(date, earliest=intervention.referral_date, too_early=_BEFORE_REFERRAL)
    if parent is not None:
        _check_parents(intervention, [parent])
    contact = ParentContact.objects.create(
        intervention=intervention, parent=parent, mode=mode, date=date, note=note, recorded_by=by
    )
    _set_flag(intervention, PARENT_CONTACT_FLAGS[mode])
    note_contact(intervention, date)
    _recorded(
        intervention,
        by,
        Event.INTERVENTION_PARENT_CONTACT_RECORDED,
        contact,
        mode=mode,
        date=date,
        parent=parent,
    )
    return contact


@transaction.atomic
def intervention_record_conversation(
    *,
    intervention: Intervention,
    by: User,
    kind: str,
    date: dt.date,
    place: str = "",
    youth_took_part: bool = True,
    parents: Iterable[Parent] = (),
    others: str = "",
    summary: str = "",
) -> Conversation:
    """A follow-up or closing conversation; the intake is recorded by `intervention_start`."""
    _begin(intervention, by, "record_conversation")
    if kind == ConversationKind.INTAKE:
        raise DomainError(_("The intake has already been recorded."), code="invalid_code")
    _check_code(kind, ConversationKind, _("Unknown kind of conversation."))
    if date is None:
        raise DomainError(_("Give the date of the conversation."), code="date_required")
    _check_record_day(date, earliest=_start_of_work(intervention), too_early=_BEFORE_INTAKE)
    parents = _check_parents(intervention, parents)
    conversation = Conversation.objects.create(
        intervention=intervention,
        kind=kind,
        date=date,
        place=place,
        youth_took_part=youth_took_part,
        others=others,
        summary=summary,
        recorded_by=by,
    )
    conversation.parents.set(parents)
    note_contact(intervention, date)
    _recorded(intervention, by, Event.INTERVENTION_CONVERSATION_RECORDED, conversation, kind=kind, date=date)
    return conversation


@transaction.atomic
def intervention_record_agreement(
    *, intervention: Intervention, by: User, description: str, due_date: dt.date | None = None
) -> Agreement:
    """An agreement made with the young person (and parents) on what happens next."""
    _begin(intervention, by, "record_agreement")
    if not (description or "").strip():
        raise DomainError(_("Describe the agreement."), code="description_required")
    # A due date lies ahead, so only its lower bound is checked.
    check_day(due_date, earliest=_start_of_work(intervention), too_early=_BEFORE_INTAKE)
    agreement = Agreement.objects.create(
        intervention=intervention, description=description.strip(), due_date=due_date, recorded_by=by
    )
    _recorded(intervention, by, Event.INTERVENTION_AGREEMENT_RECORDED, agreement, due_date=due_date)
    return agreement


@transaction.atomic
def intervention_plan_component(
    *,
    intervention: Intervention,
    by: User,
    kind: str,
    planned_date: dt.date | None = None,
    note: str = "",
) -> Component:
    """Plan a component (reflection, learning assignment, role play, …)."""
    _begin(intervention, by, "plan_component")
    _check_code(kind, ComponentKind, _("Unknown component."))
    check_day(planned_date, earliest=_start_of_work(intervention), too_early=_BEFORE_INTAKE)
    component = Component.objects.create(
        intervention=intervention,
        kind=kind,
        status=ComponentStatus.PLANNED,
        planned_date=planned_date,
        note=note,
        recorded_by=by,
    )
    _recorded(
        intervention,
        by,
        Event.INTERVENTION_COMPONENT_PLANNED,
        component,
        kind=kind,
        planned_date=planned_date,
    )
    return component


@transaction.atomic
def intervention_mark_component(
    *, component: Component, by: User, status: str, date: dt.date | None = None
) -> Component:
    """Mark a planned component as done (on `date`) or not done.

    The model keeps a date only for done components: "not done" has no day it happened on, so
    `date` is required for done and not stored for not done.
    """
    intervention = component.intervention
    _begin(intervention, by, "mark_component")
    component.refresh_from_db()
    if status not in (ComponentStatus.DONE, ComponentStatus.NOT_DONE):
        raise DomainError(_("A component can only be marked as done or not done."), code="invalid_code")
    if status == ComponentStatus.DONE and date is None:
        raise DomainError(_("Give the date the component was done."), code="date_required")
    _check_record_day(date, earliest=_start_of_work(intervention), too_early=_BEFORE_INTAKE)
    old = audit_values(status=component.status, done_date=component.done_date)
    component.status = status
    component.done_date = date if status == ComponentStatus.DONE else None
    component.save(update_fields=["status", "done_date"])
    audit_record(
        actor=by,
        event=Event.INTERVENTION_COMPONENT_MARKED,
        subject=intervention,
        old={"component": str(component.uuid), **old},
        new=audit_values(component=component, status=status, done_date=component.done_date),
    )
    return component


@transaction.atomic
def intervention_record_restoration(
    *,
    intervention: Intervention,
    by: User,
    kind: str,
    date: dt.date | None = None,
    victim_involved: bool = False,
    note: str = "",
) -> RestorationAction:
    """A restorative action: a restorative conversation, an apology letter or another action."""
    _begin(intervention, by, "record_restoration")
    _check_code(kind, RestorationKind, _("Unknown kind of restoration."))
    _check_record_day(date, earliest=_start_of_work(intervention), too_early=_BEFORE_INTAKE)
    action = RestorationAction.objects.create(
        intervention=intervention,
        kind=kind,
        date=date,
        victim_involved=victim_involved,
        note=note,
        recorded_by=by,
    )
    _set_flag(intervention, "has_restoration")
    _recorded(
        intervention,
        by,
        Event.INTERVENTION_RESTORATION_RECORDED,
        action,
        kind=kind,
        date=date,
        victim_involved=victim_involved,
    )
    return action


@transaction.atomic
def intervention_record_care_referral(
    *,
    intervention: Intervention,
    by: User,
    kind: str,
    organisation: str = "",
    date: dt.date | None = None,
    meldcode_ground: bool = False,
    note: str = "",
) -> CareReferral:
    """A referral to care (Halt gives no care itself).

    It needs consent to refer to care in effect on its day, or a ground of the Meldcode
    (serious concerns), which is then recorded with it.
    """
    _begin(intervention, by, "record_care_referral")
    _check_code(kind, CareReferralKind, _("Unknown kind of care."))
    _check_record_day(date, earliest=intervention.referral_date, too_early=_BEFORE_REFERRAL)
    if not meldcode_ground and not consent_in_effect(
        intervention=intervention, purpose=ConsentPurpose.CARE_REFERRAL, on=date
    ):
        raise DomainError(
            _(
                "There is no consent to refer this young person to care. Record the consent first, "
                "or say that the referral is made on a ground of the Meldcode."
            ),
            code="consent_required",
        )
    care_referral = CareReferral.objects.create(
        intervention=intervention,
        kind=kind,
        organisation=organisation,
        date=date,
        meldcode_ground=meldcode_ground,
        note=note,
        recorded_by=by,
    )
    _recorded(
        intervention,
        by,
        Event.INTERVENTION_CARE_REFERRAL_RECORDED,
        care_referral,
        kind=kind,
        date=date,
        meldcode_ground=meldcode_ground,
    )
    return care_referral


@transaction.atomic
def intervention_record_care_report(
    *,
    intervention: Intervention,
    by: User,
    date: dt.date | None = None,
    receiving_body: str = "Veilig Thuis",
    note: str = "",
) -> CareReport:
    """A care report (zorgmelding) under the Meldcode, usually to Veilig Thuis."""
    _begin(intervention, by, "record_care_report")
    if not (receiving_body or "").strip():
        raise DomainError(_("Say to whom the care report was made."), code="receiving_body_required")
    _check_record_day(date, earliest=intervention.referral_date, too_early=_BEFORE_REFERRAL)
    report = CareReport.objects.create(
        intervention=intervention,
        date=date,
        receiving_body=receiving_body.strip(),
        note=note,
        recorded_by=by,
    )
    _recorded(intervention, by, Event.INTERVENTION_CARE_REPORT_RECORDED, report, date=date)
    return report


@transaction.atomic
def intervention_add_note(*, intervention: Intervention, by: User, text: str) -> Note:
    """A free-text note in the file."""
    _begin(intervention, by, "add_note")
    if not (text or "").strip():
        raise DomainError(_("The note is empty."), code="text_required")
    note = Note.objects.create(intervention=intervention, text=text.strip(), recorded_by=by)
    _recorded(intervention, by, Event.INTERVENTION_NOTE_RECORDED, note)
    return note


# --- helpers -------------------------------------------------------------------------------


def _lock(intervention: Intervention) -> None:
    """Re-read the intervention under a row lock: the check and the write see the same state."""
    intervention.refresh_from_db(from_queryset=Intervention.objects.select_for_update())


def _begin(intervention: Intervention, by: User, action: str) -> None:
    """The checks every step starts with: fresh state, then the workflow's who, status and conditions."""
    _lock(intervention)
    INTERVENTION_WORKFLOW.check(by, intervention, action)


def _change(
    intervention: Intervention,
    action: str,
    *,
    by: User,
    event: Event,
    fields: dict[str, Any],
    reason: str = "",
    also_save: Iterable[str] = (),
    extra: dict[str, Any] | None = None,
) -> None:
    """Apply `fields` and the status the table gives; write history (if the status moves) and audit."""
    old_status = intervention.status
    new_status = INTERVENTION_WORKFLOW.next_status(intervention, action)
    old = audit_values(**{name: getattr(intervention, name) for name in fields})
    for name, value in fields.items():
        setattr(intervention, name, value)
    intervention.status = new_status
    intervention.save(update_fields=["status", "updated_at", *fields, *also_save])
    if intervention.status != old_status:
        InterventionStatusChange.objects.create(
            intervention=intervention,
            from_status=old_status,
            to_status=intervention.status,
            by=by,
            at=timezone.now(),
            reason=reason,
        )
    audit_record(
        actor=by,
        event=event,
        subject=intervention,
        old={"status": old_status, **old},
        new={"status": intervention.status, **audit_values(**fields), **(extra or {})},
    )


def _set_flag(intervention: Intervention, flag: str) -> None:
    """Set one of the statistical remnant's flags (see Intervention) with the row it stands for.

    The factsheet counts these flags, not the case rows, so they must be written in the same
    transaction as the row; retention may remove the row later, the flag stays.
    """
    if not getattr(intervention, flag):
        setattr(intervention, flag, True)
        intervention.save(update_fields=[flag])


def _recorded(intervention: Intervention, by: User, event: Event, record, **values: Any) -> None:
    # Case records hang off the intervention, so its audit trail is read in one place.
    audit_record(
        actor=by,
        event=event,
        subject=intervention,
        new=audit_values(record=record, **values),
    )


def _check_code(value: str, choices, message) -> None:
    if value not in choices.values:
        raise DomainError(message, code="unknown_code")


def _check_record_day(day: dt.date | None, *, earliest: dt.date, too_early) -> None:
    check_day(day, earliest=earliest, too_early=too_early, in_future=_IN_FUTURE)


def _check_end_date(intervention: Intervention, end_date: dt.date) -> None:
    if end_date is None:
        raise DomainError(_("Give the end date."), code="date_required")
    check_day(
        end_date,
        earliest=intervention.referral_date,
        too_early=_("The end date cannot be before the referral date."),
        in_future=_("The end date cannot be in the future."),
    )
    check_day(
        end_date,
        earliest=intervention.intake_date,
        too_early=_("The end date cannot be before the intake."),
    )


def _start_of_work(intervention: Intervention) -> dt.date:
    return intervention.intake_date or intervention.referral_date


def _check_parents(intervention: Intervention, parents: Iterable[Parent]) -> list[Parent]:
    parents = list(parents)
    young_person_id = intervention.referral.young_person_id
    if any(parent.young_person_id != young_person_id for parent in parents):
        raise DomainError(
            _("Only parents or carers of this young person can take part."), code="invalid_parent"
        )
    return parents


def _history_reason(code: str, note: str) -> str:
    """The why of a history row: the reason code, then the explanation if one was given."""
    return f"{code}: {note}" if note else code
