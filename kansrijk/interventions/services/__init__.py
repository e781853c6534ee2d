"""The only write path for interventions: every state change and every piece of case work.

Each function takes the intervention and the user who acts (`by`), checks the role and the
workflow table (`workflow.py`), validates its input, and then writes the change, the status
history row (only when the status changes) and the audit row in one transaction. A step the
rules forbid raises DomainError before anything is written.

An intervention is opened by accepting its referral (`intervention_open`).
"""

from .casework import (
    intervention_add_note,
    intervention_mark_component,
    intervention_plan_component,
    intervention_record_agreement,
    intervention_record_care_referral,
    intervention_record_care_report,
    intervention_record_conversation,
    intervention_record_parent_contact,
    intervention_record_restoration,
)
from .lifecycle import (
    intervention_assign,
    intervention_complete,
    intervention_not_started,
    intervention_open,
    intervention_plan_intake,
    intervention_reopen,
    intervention_start,
    intervention_stop,
)

__all__ = [
    "intervention_add_note",
    "intervention_assign",
    "intervention_complete",
    "intervention_mark_component",
    "intervention_not_started",
    "intervention_open",
    "intervention_plan_component",
    "intervention_plan_intake",
    "intervention_record_agreement",
    "intervention_record_care_referral",
    "intervention_record_care_report",
    "intervention_record_conversation",
    "intervention_record_parent_contact",
    "intervention_record_restoration",
    "intervention_reopen",
    "intervention_start",
    "intervention_stop",
]
