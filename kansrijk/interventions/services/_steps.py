"""What every step of the interventions' services shares: fresh state under a row lock, the
workflow's check, the status change with its history and audit rows, and small input checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record, audit_values
from kansrijk.core.errors import DomainError
from kansrijk.core.rules import check_day
from kansrijk.core.versions import changed_by_name, version_check, version_next
from kansrijk.people.models import Parent

from ..constants import Status
from ..models import (
    Component,
    Intervention,
    InterventionStatusChange,
)
from ..workflow import INTERVENTION_WORKFLOW

_IN_FUTURE = _("The date cannot be in the future.")
_BEFORE_REFERRAL = _("The date cannot be before the referral date.")
_BEFORE_INTAKE = _("The date cannot be before the intake.")


def _lock(intervention: Intervention) -> None:
    """Re-read the intervention under a row lock: the check and the write see the same state."""
    intervention.refresh_from_db(from_queryset=Intervention.objects.select_for_update())


def _begin(intervention: Intervention, by: User, action: str, *, version: int | None = None) -> None:
    """The checks every step starts with: fresh state; for a step that changes the file, that
    it is still the `version` the form was read at; then the workflow's who, status and
    conditions."""
    _lock(intervention)
    version_check(intervention, version, _stale_file)
    INTERVENTION_WORKFLOW.check(by, intervention, action)


def _stale_file(intervention) -> str:
    """What a step based on an older version of the file is refused with: who changed it, and
    what it is now (status, planned intake, professional)."""
    state = [str(intervention.get_status_display()).lower()]
    if intervention.status == Status.INTAKE_PLANNED and intervention.intake_planned_at is not None:
        planned = timezone.localtime(intervention.intake_planned_at)
        moment = formats.date_format(planned, "SHORT_DATETIME_FORMAT")
        state = [str(_("intake planned for %(moment)s") % {"moment": moment})]
    if intervention.professional is not None:
        name = intervention.professional.get_full_name() or intervention.professional.get_username()
        state.append(str(_("assigned to %(name)s") % {"name": name}))
    return str(
        _(
            "This file has been changed meanwhile by %(who)s (now: %(state)s). "
            "Look at the new state and try again."
        )
        % {"who": changed_by_name(intervention), "state": ", ".join(state)}
    )


def _stale_component(component) -> str:
    state = str(component.get_status_display()).lower()
    if component.done_date is not None:
        state = str(
            _("%(status)s on %(date)s")
            % {"status": state, "date": formats.date_format(component.done_date, "SHORT_DATE_FORMAT")}
        )
    return str(
        _(
            "This component has been changed meanwhile by %(who)s (now: %(state)s). "
            "Look at the new state and try again."
        )
        % {"who": changed_by_name(component), "state": state}
    )


def _lock_component(component: Component, version: int | None) -> None:
    """Re-read the component under a row lock and refuse a mark based on an older version."""
    component.refresh_from_db(from_queryset=Component.objects.select_for_update())
    version_check(component, version, _stale_component)


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
    versioned = version_next(intervention, by)
    intervention.save(update_fields=["status", "updated_at", *fields, *also_save, *versioned])
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
