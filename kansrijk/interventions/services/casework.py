"""Case work in an open file: contacts, conversations, agreements, components, restoration,
care referrals and reports, notes. None of these moves the status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record, audit_values
from kansrijk.core.errors import DomainError
from kansrijk.core.rules import check_day
from kansrijk.core.versions import version_next
from kansrijk.interventions.consent import consent_in_effect
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.people.models import Parent

from ..constants import (
    CareReferralKind,
    ComponentKind,
    ComponentStatus,
    ContactMode,
    ConversationKind,
    RestorationKind,
)
from ..models import (
    Agreement,
    CareReferral,
    CareReport,
    Component,
    Conversation,
    Intervention,
    Note,
    ParentContact,
    RestorationAction,
)
from ..remnant import note_contact, raise_flags
from ._steps import (
    _BEFORE_INTAKE,
    _BEFORE_REFERRAL,
    _begin,
    _check_code,
    _check_parents,
    _check_record_day,
    _lock_component,
    _recorded,
    _start_of_work,
)


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
    raise_flags(intervention, contact_modes=[mode])
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
    *,
    component: Component,
    by: User,
    status: str,
    date: dt.date | None = None,
    version: int | None = None,
) -> Component:
    """Mark a planned component as done (on `date`) or not done.

    The model keeps a date only for done components: "not done" has no day it happened on, so
    `date` is required for done and not stored for not done. `version` is the component's
    version the form was read at: a mark based on an older one is refused (core/versions.py).
    """
    intervention = component.intervention
    _begin(intervention, by, "mark_component")
    _lock_component(component, version)
    if status not in (ComponentStatus.DONE, ComponentStatus.NOT_DONE):
        raise DomainError(_("A component can only be marked as done or not done."), code="invalid_code")
    if status == ComponentStatus.DONE and date is None:
        raise DomainError(_("Give the date the component was done."), code="date_required")
    _check_record_day(date, earliest=_start_of_work(intervention), too_early=_BEFORE_INTAKE)
    old = audit_values(status=component.status, done_date=component.done_date)
    component.status = status
    component.done_date = date if status == ComponentStatus.DONE else None
    component.save(update_fields=["status", "done_date", *version_next(component, by)])
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
    raise_flags(intervention, restoration=True)
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
