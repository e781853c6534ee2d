"""What each audit event means, in words: for the access export and the privacy officer.

The log stores stable codes (`AuditEvent.event`); these are their labels. A code without a
label here is shown as it is, so a new event is never lost, only less readable.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

EVENT_LABELS: dict[str, Promise] = {
    "referral_submitted": _("Referral submitted"),
    "referral_received_by_api": _("Referral received from a partner system"),
    "referral_viewed": _("Referral viewed"),
    "referral_in_review": _("Referral taken into review"),
    "referral_accepted": _("Referral accepted"),
    "referral_rejected": _("Referral rejected"),
    "referral_withdrawn": _("Referral withdrawn"),
    "intervention_created": _("Intervention registered"),
    "intervention_viewed": _("Intervention file viewed"),
    "intervention_viewers_viewed": _("List of who viewed the file viewed"),
    "intervention_assigned": _("Professional assigned"),
    "intervention_intake_planned": _("Intake planned"),
    "intervention_started": _("Intake recorded"),
    "intervention_completed": _("Intervention completed"),
    "intervention_stopped": _("Intervention stopped early"),
    "intervention_not_started": _("Intervention not started"),
    "intervention_reopened": _("Intervention reopened"),
    "intervention_parent_contact_recorded": _("Contact with parents recorded"),
    "intervention_conversation_recorded": _("Conversation recorded"),
    "intervention_agreement_recorded": _("Agreement recorded"),
    "intervention_component_planned": _("Component planned"),
    "intervention_component_marked": _("Component marked done or not done"),
    "intervention_restoration_recorded": _("Restorative action recorded"),
    "intervention_care_referral_recorded": _("Referral to care recorded"),
    "intervention_care_report_recorded": _("Care report recorded"),
    "intervention_note_recorded": _("Note added"),
    "interventions_exported": _("List of interventions exported"),
    "interventions_imported": _("Interventions imported"),
    "consent_recorded": _("Consent recorded"),
    "consent_withdrawn": _("Withdrawal of consent recorded"),
    "evaluations_invited": _("Invited to an evaluation"),
    "evaluation_viewed": _("Evaluation viewed"),
    "evaluation_reminded": _("Evaluation reminder sent"),
    "evaluation_answered": _("Evaluation answered"),
    "evaluation_printed": _("Evaluation printed on paper"),
    "evaluation_quote_approved": _("Quote approved"),
    "evaluation_quote_rejected": _("Quote rejected"),
    "subject_request_registered": _("Privacy request registered"),
    "subject_request_viewed": _("Privacy request viewed"),
    "subject_request_extended": _("Answer period of a privacy request extended"),
    "subject_request_handled": _("Privacy request handled"),
    "subject_access_exported": _("Access export made"),
    "subject_corrected": _("Personal data corrected"),
    "subject_erased": _("Personal data erased"),
    "subject_search": _("People searched for a privacy request"),
}


def event_label(code: str) -> str:
    return str(EVENT_LABELS.get(code, code))
