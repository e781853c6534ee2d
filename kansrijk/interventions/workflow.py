"""The intervention's table: every step, the statuses it starts from and leads to, who may take
it and on what condition (docs/conventions.md, habit 5; docs/process.md §2).

A target of `None` means the step records work without changing the status. The services ask
`INTERVENTION_WORKFLOW.check` before they write anything and the file offers exactly
`INTERVENTION_WORKFLOW.offered`: the rules live here and nowhere else. The machinery is
`kansrijk/core/workflow.py`.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.policy import ASSIGNED_OR_TEAM_LEAD, CASE_WORKER_OF_REGION, TEAM_LEAD_OF_REGION
from kansrijk.core.workflow import Condition, Transition, Workflow

from .constants import ENDED_STATUSES, OPEN_STATUSES, Status
from .models import Intervention

IN_PROGRESS_ONLY = frozenset({Status.IN_PROGRESS})
BEFORE_INTAKE = frozenset({Status.NEW, Status.INTAKE_PLANNED})
ANY_STATUS = OPEN_STATUSES | ENDED_STATUSES

# Asked before the status, because "no intake yet" is the useful answer for a file that is still
# new or planned; it also catches imported files in progress without an intake date.
INTAKE_HELD = Condition(
    lambda intervention: intervention.intake_date is not None,
    _("An intervention cannot be completed before the intake has taken place."),
    code="no_intake",
)

_CLOSED = _("This intervention is closed.")


def _reopened_status(intervention: Intervention) -> str:
    """Reopening returns to where the work was: in progress after an intake, else new."""
    return Status.IN_PROGRESS if intervention.intake_date else Status.NEW


INTERVENTION_WORKFLOW = Workflow(
    model=Intervention,
    transitions={
        # Planning again while planned only moves the appointment; the service then writes no
        # history row, because the status does not change.
        "plan_intake": Transition(
            BEFORE_INTAKE,
            Status.INTAKE_PLANNED,
            _("An intake can only be planned before the intervention has started."),
            who=CASE_WORKER_OF_REGION,
        ),
        "start": Transition(
            BEFORE_INTAKE,
            Status.IN_PROGRESS,
            _("This intervention has already started."),
            who=CASE_WORKER_OF_REGION,
        ),
        "complete": Transition(
            IN_PROGRESS_ONLY,
            Status.COMPLETED,
            _("Only an intervention in progress can be completed."),
            who=CASE_WORKER_OF_REGION,
            conditions=(INTAKE_HELD,),
        ),
        "stop": Transition(
            frozenset({Status.INTAKE_PLANNED, Status.IN_PROGRESS}),
            Status.STOPPED,
            _("Only an intervention with a planned intake or in progress can be stopped early."),
            who=CASE_WORKER_OF_REGION,
        ),
        "not_start": Transition(
            BEFORE_INTAKE,
            Status.NOT_STARTED,
            _("An intervention that has started cannot be closed as not started; stop it instead."),
            who=CASE_WORKER_OF_REGION,
        ),
        "reopen": Transition(
            ENDED_STATUSES,
            _reopened_status,
            _("Only an ended intervention can be reopened."),
            who=TEAM_LEAD_OF_REGION,
        ),
        "assign": Transition(
            OPEN_STATUSES, None, _("Only an open intervention can be reassigned."), who=TEAM_LEAD_OF_REGION
        ),
        # Contact with parents, care referrals, care reports and notes can come before the intake
        # (planning it, or concerns raised at first contact); the content of the intervention
        # itself follows the first conversation.
        "record_parent_contact": Transition(OPEN_STATUSES, None, _CLOSED, who=CASE_WORKER_OF_REGION),
        "record_care_referral": Transition(OPEN_STATUSES, None, _CLOSED, who=CASE_WORKER_OF_REGION),
        # Care reports are seen only by the assigned professional and team leads (access.py asks
        # the same relation): nobody records what they cannot see, and to anybody else the step
        # is an address they have no business with (403).
        "record_care_report": Transition(
            OPEN_STATUSES, None, _CLOSED, who=ASSIGNED_OR_TEAM_LEAD, private=True
        ),
        "add_note": Transition(OPEN_STATUSES, None, _CLOSED, who=CASE_WORKER_OF_REGION),
        "record_consent": Transition(OPEN_STATUSES, None, _CLOSED, who=CASE_WORKER_OF_REGION),
        # Withdrawing consent must take effect on ended files too.
        "withdraw_consent": Transition(ANY_STATUS, None, _CLOSED, who=CASE_WORKER_OF_REGION),
        "record_conversation": Transition(
            IN_PROGRESS_ONLY,
            None,
            _("Follow-up and closing conversations come after the intake; record the intake first."),
            who=CASE_WORKER_OF_REGION,
        ),
        "record_agreement": Transition(
            IN_PROGRESS_ONLY,
            None,
            _("Agreements are made once the intervention has started; record the intake first."),
            who=CASE_WORKER_OF_REGION,
        ),
        "plan_component": Transition(
            IN_PROGRESS_ONLY,
            None,
            _("Components are planned once the intervention has started; record the intake first."),
            who=CASE_WORKER_OF_REGION,
        ),
        "mark_component": Transition(
            IN_PROGRESS_ONLY,
            None,
            _("Components can only be marked while the intervention is in progress."),
            who=CASE_WORKER_OF_REGION,
        ),
        "record_restoration": Transition(
            IN_PROGRESS_ONLY,
            None,
            _("Restoration is recorded once the intervention has started; record the intake first."),
            who=CASE_WORKER_OF_REGION,
        ),
    },
    ended=ENDED_STATUSES,
    closed=_("This intervention has ended and can no longer be changed. A team lead can reopen it."),
)
