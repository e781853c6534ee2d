"""Every event the audit log records, with what it means in words.

The log stores the stable code (`AuditEvent.event`); `Event` is the one list of codes, and its
labels are what the privacy officer's log and the access export show. `audit_record` refuses a
code that is not here, so no event is ever recorded that nobody can read back.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    REFERRAL_SUBMITTED = "referral_submitted", _("Referral submitted")
    REFERRAL_RECEIVED_BY_API = "referral_received_by_api", _("Referral received from a partner system")
    REFERRAL_VIEWED = "referral_viewed", _("Referral viewed")
    REFERRAL_IN_REVIEW = "referral_in_review", _("Referral taken into review")
    REFERRAL_ACCEPTED = "referral_accepted", _("Referral accepted")
    REFERRAL_REJECTED = "referral_rejected", _("Referral rejected")
    REFERRAL_WITHDRAWN = "referral_withdrawn", _("Referral withdrawn")
    INTERVENTION_CREATED = "intervention_created", _("Intervention registered")
    INTERVENTION_VIEWED = "intervention_viewed", _("Intervention file viewed")
    INTERVENTION_VIEWERS_VIEWED = "intervention_viewers_viewed", _("List of who viewed the file viewed")
    INTERVENTION_ASSIGNED = "intervention_assigned", _("Professional assigned")
    INTERVENTION_INTAKE_PLANNED = "intervention_intake_planned", _("Intake planned")
    INTERVENTION_STARTED = "intervention_started", _("Intake recorded")
    INTERVENTION_COMPLETED = "intervention_completed", _("Intervention completed")
    INTERVENTION_STOPPED = "intervention_stopped", _("Intervention stopped early")
    INTERVENTION_NOT_STARTED = "intervention_not_started", _("Intervention not started")
    INTERVENTION_REOPENED = "intervention_reopened", _("Intervention reopened")
    INTERVENTION_PARENT_CONTACT_RECORDED = (
        "intervention_parent_contact_recorded",
        _("Contact with parents recorded"),
    )
    INTERVENTION_CONVERSATION_RECORDED = "intervention_conversation_recorded", _("Conversation recorded")
    INTERVENTION_AGREEMENT_RECORDED = "intervention_agreement_recorded", _("Agreement recorded")
    INTERVENTION_COMPONENT_PLANNED = "intervention_component_planned", _("Component planned")
    INTERVENTION_COMPONENT_MARKED = "intervention_component_marked", _("Component marked done or not done")
    INTERVENTION_RESTORATION_RECORDED = "intervention_restoration_recorded", _("Restorative action recorded")
    INTERVENTION_CARE_REFERRAL_RECORDED = (
        "intervention_care_referral_recorded",
        _("Referral to care recorded"),
    )
    INTERVENTION_CARE_REPORT_RECORDED = "intervention_care_report_recorded", _("Care report recorded")
    INTERVENTION_NOTE_RECORDED = "intervention_note_recorded", _("Note added")
    INTERVENTIONS_SEARCHED = "interventions_searched", _("Interventions searched by name or reference")
    INTERVENTIONS_EXPORTED = "interventions_exported", _("List of interventions exported")
    INTERVENTIONS_IMPORTED = "interventions_imported", _("Interventions imported")
    IMPORT_FILE_UPLOADED = "import_file_uploaded", _("Import file uploaded")
    IMPORT_FILE_CHECKED = "import_file_checked", _("Import file checked")
    IMPORT_CONFIRMED = "import_confirmed", _("Import confirmed")
    IMPORT_FAILED = "import_failed", _("Import failed; nothing was stored")
    IMPORT_JOBS_EXPIRED = (
        "import_jobs_expired",
        _("Unconfirmed or unfinished imports ended, their files removed"),
    )
    CONSENT_RECORDED = "consent_recorded", _("Consent recorded")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Withdrawal of consent recorded")
    EVALUATIONS_INVITED = "evaluations_invited", _("Invited to an evaluation")
    EVALUATION_VIEWED = "evaluation_viewed", _("Evaluation viewed")
    EVALUATION_REMINDED = "evaluation_reminded", _("Evaluation reminder sent")
    EVALUATION_ANSWERED = "evaluation_answered", _("Evaluation answered")
    EVALUATION_PRINTED = "evaluation_printed", _("Evaluation printed on paper")
    EVALUATION_QUOTE_APPROVED = "evaluation_quote_approved", _("Quote approved")
    EVALUATION_QUOTE_REJECTED = "evaluation_quote_rejected", _("Quote rejected")
    SUBJECT_REQUEST_REGISTERED = "subject_request_registered", _("Privacy request registered")
    SUBJECT_REQUEST_VIEWED = "subject_request_viewed", _("Privacy request viewed")
    SUBJECT_REQUEST_EXTENDED = "subject_request_extended", _("Answer period of a privacy request extended")
    SUBJECT_REQUEST_HANDLED = "subject_request_handled", _("Privacy request handled")
    SUBJECT_ACCESS_EXPORTED = "subject_access_exported", _("Access export made")
    SUBJECT_CORRECTED = "subject_corrected", _("Personal data corrected")
    SUBJECT_ERASED = "subject_erased", _("Personal data erased")
    SUBJECT_SEARCH = "subject_search", _("People searched for a privacy request")
    SUBJECT_VIEWED = "subject_viewed", _("Person viewed to register a privacy request")
    ACCESS_REFUSED = "access_refused", _("Access refused")
    LOGIN_SUCCEEDED = "login_succeeded", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Login failed")
    LOGGED_OUT = "logged_out", _("Logged out")
    SECOND_FACTOR_SET_UP = "second_factor_set_up", _("Authenticator app set up")
    SECOND_FACTOR_VERIFIED = "second_factor_verified", _("Second step of logging in passed")
    SECOND_FACTOR_FAILED = "second_factor_failed", _("Wrong code in the second step of logging in")
    RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
    RECOVERY_CODES_REPLACED = "recovery_codes_replaced", _("New recovery codes made")
    PASSWORD_CHANGED = "password_changed", _("Password changed")
    OTHER_SESSIONS_ENDED = "other_sessions_ended", _("Logged out everywhere else")
    PASSWORD_RESET_SENT = "password_reset_sent", _("Invitation to choose a new password sent")
    PASSWORD_RESET_USED = "password_reset_used", _("New password chosen with an invitation link")
    SECOND_FACTOR_RESET = "second_factor_reset", _("Authenticator app and recovery codes removed")
    ADMIN_OBJECT_ADDED = "admin_object_added", _("Added in the administration")
    ADMIN_OBJECT_CHANGED = "admin_object_changed", _("Changed in the administration")
    ADMIN_OBJECT_DELETED = "admin_object_deleted", _("Deleted in the administration")
    INVITATION_SENT = "invitation_sent", _("Referrer invited")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
    API_TOKEN_CREATED = "api_token_created", _("API key created")
    API_TOKEN_REVOKED = "api_token_revoked", _("API key revoked")
    AUDIT_LOG_EXPORTED = "audit_log_exported", _("Audit log exported")
    FACTSHEET_PUBLISHED = "factsheet_published", _("Factsheet published")
    PRIVACY_STATEMENT_PUBLISHED = "privacy_statement_published", _("Privacy statement published")
    RETENTION_APPLIED = "retention_applied", _("Retention periods applied")
    DEMO_DATA_REPLACED_ALL = "demo_data_replaced_all", _("All data replaced by the demo data")
    LOADTEST_ACCOUNT_PREPARED = "loadtest_account_prepared", _("Account prepared for a load test")


def event_label(code: str) -> str:
    """The label of a stored code; a code from before a rename is shown as it is."""
    try:
        return str(Event(code).label)
    except ValueError:
        return code


# The actor of rows written without a logged-in user (jobs, commands, the system itself).
SYSTEM_ACTOR = "system"


def actor_display(actor_label: str) -> str:
    """The actor as people read it: the user name, or what the system did by itself."""
    return str(_("Kansrijk (automatic)")) if actor_label == SYSTEM_ACTOR else actor_label


def subject_type_label(subject_type: str) -> str:
    """The kind of object in words ("Intervention"), from the model's own name; a kind of
    object that no longer exists is shown as it is stored."""
    from django.apps import apps

    try:
        model = apps.get_model(subject_type)
    except (LookupError, ValueError):
        return subject_type
    return str(model._meta.verbose_name).capitalize()
