"""The workflow: which step may follow which, and who may take it (docs/conventions.md, habit 5).

Both tables map an action (a service function) to the states it may start from and the state it
leads to. A target of `None` means the step records work without changing the status. Every
service asks `check_transition` before it writes anything, so the rules live here and nowhere
else.

Beside the tables live the other checks both apps' services share: who may take a step
(`require_*`), sound dates (`check_day`) and what an audit row may hold (`audit_values`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import HALT_CASE_ROLES, Role
from kansrijk.accounts.models import User
from kansrijk.core.errors import DomainError
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.models import Referral

from .constants import ENDED_STATUSES, OPEN_STATUSES, Status
from .models import Intervention


class Transition(NamedTuple):
    sources: frozenset[str]
    target: str | None
    # Shown when the current status is not one of `sources` (and the file is not closed).
    refusal: Promise


IN_PROGRESS_ONLY = frozenset({Status.IN_PROGRESS})
BEFORE_INTAKE = frozenset({Status.NEW, Status.INTAKE_PLANNED})

INTERVENTION_TRANSITIONS: dict[str, Transition] = {
    # Planning again while planned only moves the appointment; the service then writes no
    # history row, because the status does not change.
    "plan_intake": Transition(
        BEFORE_INTAKE,
        Status.INTAKE_PLANNED,
        _("An intake can only be planned before the intervention has started."),
    ),
    "start": Transition(
        BEFORE_INTAKE,
        Status.IN_PROGRESS,
        _("This intervention has already started."),
    ),
    "complete": Transition(
        IN_PROGRESS_ONLY,
        Status.COMPLETED,
        _("Only an intervention in progress can be completed."),
    ),
    "stop": Transition(
        frozenset({Status.INTAKE_PLANNED, Status.IN_PROGRESS}),
        Status.STOPPED,
        _("Only an intervention with a planned intake or in progress can be stopped early."),
    ),
    "not_start": Transition(
        BEFORE_INTAKE,
        Status.NOT_STARTED,
        _("An intervention that has started cannot be closed as not started; stop it instead."),
    ),
    # Reopening returns to where the work was: in progress when the intake took place, new
    # when it never did. Two rows keep the table free of conditions.
    "reopen": Transition(
        ENDED_STATUSES,
        Status.IN_PROGRESS,
        _("Only an ended intervention can be reopened."),
    ),
    "reopen_before_intake": Transition(
        ENDED_STATUSES,
        Status.NEW,
        _("Only an ended intervention can be reopened."),
    ),
    "assign": Transition(OPEN_STATUSES, None, _("Only an open intervention can be reassigned.")),
    # Contact with parents, care referrals, care reports and notes can come before the intake
    # (planning it, or concerns raised at first contact); the content of the intervention
    # itself follows the first conversation.
    "record_parent_contact": Transition(OPEN_STATUSES, None, _("This intervention is closed.")),
    "record_care_referral": Transition(OPEN_STATUSES, None, _("This intervention is closed.")),
    "record_care_report": Transition(OPEN_STATUSES, None, _("This intervention is closed.")),
    "add_note": Transition(OPEN_STATUSES, None, _("This intervention is closed.")),
    # Withdrawing consent is not in the table: it must take effect on ended files too
    # (people/services.py).
    "record_consent": Transition(OPEN_STATUSES, None, _("This intervention is closed.")),
    "record_conversation": Transition(
        IN_PROGRESS_ONLY,
        None,
        _("Follow-up and closing conversations come after the intake; record the intake first."),
    ),
    "record_agreement": Transition(
        IN_PROGRESS_ONLY,
        None,
        _("Agreements are made once the intervention has started; record the intake first."),
    ),
    "plan_component": Transition(
        IN_PROGRESS_ONLY,
        None,
        _("Components are planned once the intervention has started; record the intake first."),
    ),
    "mark_component": Transition(
        IN_PROGRESS_ONLY,
        None,
        _("Components can only be marked while the intervention is in progress."),
    ),
    "record_restoration": Transition(
        IN_PROGRESS_ONLY,
        None,
        _("Restoration is recorded once the intervention has started; record the intake first."),
    ),
}

REVIEWABLE = frozenset({ReferralStatus.SUBMITTED, ReferralStatus.IN_REVIEW})
REFERRAL_ENDED_STATUSES = frozenset(
    {ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.WITHDRAWN}
)

REFERRAL_TRANSITIONS: dict[str, Transition] = {
    "start_review": Transition(
        frozenset({ReferralStatus.SUBMITTED}),
        ReferralStatus.IN_REVIEW,
        _("This referral is already in review."),
    ),
    "accept": Transition(REVIEWABLE, ReferralStatus.ACCEPTED, _("This referral cannot be accepted.")),
    "reject": Transition(REVIEWABLE, ReferralStatus.REJECTED, _("This referral cannot be rejected.")),
    "withdraw": Transition(REVIEWABLE, ReferralStatus.WITHDRAWN, _("This referral cannot be withdrawn.")),
}

_CLOSED_INTERVENTION = _(
    "This intervention has ended and can no longer be changed. A team lead can reopen it."
)
_CLOSED_REFERRAL = _("This referral has already been dealt with and can no longer be changed.")


def check_transition(subject: Intervention | Referral, action: str) -> str:
    """The status `subject` has after `action`, or DomainError when the table forbids the step.

    An unknown action is a programming error (KeyError), not a domain error.
    """
    ended: frozenset[str]
    if isinstance(subject, Intervention):
        table, ended, closed = INTERVENTION_TRANSITIONS, ENDED_STATUSES, _CLOSED_INTERVENTION
    elif isinstance(subject, Referral):
        table, ended, closed = REFERRAL_TRANSITIONS, REFERRAL_ENDED_STATUSES, _CLOSED_REFERRAL
    else:
        raise TypeError(f"no workflow for {type(subject).__name__}")
    transition = table[action]
    if subject.status not in transition.sources:
        # One sentence for every step on a closed file: the user needs to know it is closed,
        # not which step the closed file would have allowed.
        if subject.status in ended:
            raise DomainError(closed, code="closed")
        raise DomainError(transition.refusal, code="invalid_transition")
    return transition.target if transition.target is not None else subject.status


def require_case_role(user: User | None, region_id: int) -> None:
    """Case work is for active Halt professionals and team leads of the file's region."""
    if user is None or not user.is_active or user.role not in HALT_CASE_ROLES or user.region_id != region_id:
        raise DomainError(
            _("Only a Halt professional or team lead of this region may work on this file."),
            code="forbidden",
        )


def require_team_lead(user: User | None, region_id: int) -> None:
    """Triage, assigning and reopening are for active team leads of the file's region."""
    if user is None or not user.is_active or user.role != Role.TEAM_LEAD or user.region_id != region_id:
        raise DomainError(_("Only a team lead of this region may take this step."), code="forbidden")


def require_professional(user: User | None, region_id: int) -> None:
    """An intervention is assigned to an active Halt professional or team lead of its region."""
    if user is None or not user.is_active or user.role not in HALT_CASE_ROLES or user.region_id != region_id:
        raise DomainError(
            _("The intervention must be assigned to an active Halt professional of this region."),
            code="invalid_professional",
        )


def check_day(
    day: dt.date | None,
    *,
    earliest: dt.date | None = None,
    too_early: Promise | None = None,
    in_future: Promise | None = None,
) -> None:
    """Refuse a date before `earliest`, and one after today unless `in_future` is None.

    The messages are passed in so that each reads as one whole sentence in any language.
    """
    if day is None:
        return
    if in_future is not None and day > timezone.localdate():
        raise DomainError(in_future, code="date_in_future")
    if earliest is not None and day < earliest:
        raise DomainError(too_early, code="date_too_early")


def audit_values(**values: Any) -> dict[str, Any]:
    """Values as the audit log stores them (JSON).

    Audit rows are never deleted, while case content is removed after the retention period;
    so callers pass codes, dates and ids here, not free text that may describe a person.
    """
    return {key: _jsonable(value) for key, value in values.items()}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        # One time zone for all rows, whatever the caller or the database handed over.
        return timezone.localtime(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(getattr(value, "uuid", value.pk))
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(item) for item in value]
    if isinstance(value, Promise):
        return str(value)
    return value
