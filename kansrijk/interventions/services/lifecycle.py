"""The intervention's status: opening it from a referral, the intake, ending, reopening, assigning."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import TextChoices
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.accounts.policy import require_assignable
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record, audit_values
from kansrijk.core.errors import DomainError
from kansrijk.core.models import ReferenceCounter
from kansrijk.core.rules import check_day
from kansrijk.people.models import Parent
from kansrijk.referrals.models import Referral
from kansrijk.referrals.notifications import notify_referrer
from kansrijk.referrals.services import referral_accept

from ..constants import (
    ConversationKind,
    NotStartedReason,
    Outcome,
    Status,
    StopReason,
)
from ..events import intervention_ended
from ..feedback import feedback_shared
from ..models import (
    Conversation,
    Intervention,
    InterventionStatusChange,
)
from ..remnant import note_contact, refresh_repeat_flags
from ._steps import (
    _begin,
    _change,
    _check_end_date,
    _check_parents,
    _history_reason,
)


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
    *, intervention: Intervention, by: User, planned_at: dt.datetime, version: int | None = None
) -> Intervention:
    """Plan the intake (first conversation); planning again moves the appointment.

    `version`, in this and every step that changes the file, is the version of the file the
    form was read at: a step based on an older one is refused (core/versions.py)."""
    if timezone.is_naive(planned_at):
        raise ValueError("planned_at must be timezone-aware")
    _begin(intervention, by, "plan_intake", version=version)
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
    version: int | None = None,
) -> Intervention:
    """Record the intake (first conversation); the intervention is then in progress."""
    _begin(intervention, by, "start", version=version)
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


@dataclass(frozen=True)
class _Ending:
    """What sets one way of ending apart: its step in the workflow table, its audit event, the
    field that holds its reason and the reason's choices, what is said when the reason is missing
    (with the code of that refusal) or is not one of the choices, and whether the ending takes an
    explanation (kept in `end_note` and in the history row)."""

    action: str
    event: Event
    field: str
    choices: type[TextChoices]
    missing: Promise
    unknown: Promise
    missing_code: str = "reason_required"
    takes_note: bool = True


_COMPLETED = _Ending(
    "complete",
    Event.INTERVENTION_COMPLETED,
    "outcome",
    Outcome,
    _("Choose the outcome of the intervention."),
    _("Unknown outcome."),
    missing_code="outcome_required",
    takes_note=False,
)
_STOPPED = _Ending(
    "stop",
    Event.INTERVENTION_STOPPED,
    "stop_reason",
    StopReason,
    _("Give the reason for stopping."),
    _("Unknown reason for stopping."),
)
_NOT_STARTED = _Ending(
    "not_start",
    Event.INTERVENTION_NOT_STARTED,
    "not_started_reason",
    NotStartedReason,
    _("Give the reason why the intervention did not start."),
    _("Unknown reason why the intervention did not start."),
)


@transaction.atomic
def intervention_complete(
    *,
    intervention: Intervention,
    by: User,
    outcome: Outcome | str,
    end_date: dt.date,
    version: int | None = None,
) -> Intervention:
    """Complete the intervention with its outcome: sufficient, or further support needed."""
    _end(intervention, by, _COMPLETED, outcome, end_date, version=version)
    intervention_ended.send(sender=Intervention, intervention=intervention, by=by)
    # Even "it has ended" is feedback: the referrer hears it only with the consent for it.
    if feedback_shared(intervention):
        notify_referrer(intervention.referral, event="completed")
    return intervention


@transaction.atomic
def intervention_stop(
    *,
    intervention: Intervention,
    by: User,
    reason: StopReason | str,
    end_date: dt.date,
    note: str = "",
    version: int | None = None,
) -> Intervention:
    """End the intervention early because the young person or the parents withdrew."""
    _end(intervention, by, _STOPPED, reason, end_date, note=note, version=version)
    intervention_ended.send(sender=Intervention, intervention=intervention, by=by)
    return intervention


@transaction.atomic
def intervention_not_started(
    *,
    intervention: Intervention,
    by: User,
    reason: NotStartedReason | str,
    end_date: dt.date,
    note: str = "",
    version: int | None = None,
) -> Intervention:
    """Close an intervention that never started: no consent, or no contact."""
    _end(intervention, by, _NOT_STARTED, reason, end_date, note=note, version=version)
    return intervention


def _end(
    intervention: Intervention,
    by: User,
    ending: _Ending,
    code: str,
    end_date: dt.date,
    *,
    note: str = "",
    version: int | None = None,
) -> None:
    """What the three endings share: the workflow's check, the reason `code` and the end date
    checked, then the status change with its history and audit rows. An ending that takes an
    explanation keeps `note` in `end_note` and in the history row after the code."""
    _begin(intervention, by, ending.action, version=version)
    if not code:
        raise DomainError(ending.missing, code=ending.missing_code)
    if code not in ending.choices.values:
        raise DomainError(ending.unknown, code="unknown_code")
    _check_end_date(intervention, end_date)
    reason, also_save = "", []
    if ending.takes_note:
        intervention.end_note = note
        reason, also_save = _history_reason(code, note), ["end_note"]
    _change(
        intervention,
        ending.action,
        by=by,
        event=ending.event,
        fields={ending.field: code, "end_date": end_date},
        reason=reason,
        also_save=also_save,
    )


@transaction.atomic
def intervention_reopen(
    *, intervention: Intervention, by: User, reason: str, version: int | None = None
) -> Intervention:
    """Reopen an ended intervention: back to in progress after an intake, else to new.

    Only a team lead may, and must say why; the reason goes into the status history.
    """
    _begin(intervention, by, "reopen", version=version)
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
def intervention_assign(
    *, intervention: Intervention, by: User, professional: User, version: int | None = None
) -> Intervention:
    """A team lead hands the intervention to another professional of the region."""
    _begin(intervention, by, "assign", version=version)
    require_assignable(professional, intervention.region_id)
    _change(
        intervention,
        "assign",
        by=by,
        event=Event.INTERVENTION_ASSIGNED,
        fields={"professional": professional},
    )
    return intervention
