"""The fields an access export shows, per kind of object (AVG article 15).

`PERSON_FIELDS` and `PARENT_FIELDS` are also the fields a correction may change
(services.py); `RECORDS` names the records of an intervention the export walks through.
"""

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "phone",
    "email",
    "address_area",
    "school_class",
    "external_id",
)
PARENT_FIELDS = ("first_name", "last_name", "relation", "has_parental_authority", "phone", "email")
REFERRAL_FIELDS = (
    "reference",
    "type",
    "status",
    "referral_date",
    "incident_date",
    "organisation",
    "referrer_kind",
    "referred_by",
    "school",
    "municipality",
    "neighbourhood",
    "description",
    "has_victim",
    "youth_informed",
    "parents_informed",
    "other_care_involved",
    "other_care_description",
    "rejection_reason",
    "rejection_note",
)
INTERVENTION_FIELDS = (
    "reference",
    "type",
    "status",
    "region",
    "municipality",
    "school",
    "neighbourhood",
    "professional",
    "referral_date",
    "accepted_at",
    "intake_planned_at",
    "intake_date",
    "end_date",
    "outcome",
    "stop_reason",
    "not_started_reason",
    "end_note",
)
# The records of a file: (key of the export, related name, fields shown).
RECORDS = (
    ("parent_contacts", "parent_contacts", ("date", "mode", "parent", "note")),
    (
        "conversations",
        "conversations",
        ("date", "kind", "place", "youth_took_part", "parents", "others", "summary"),
    ),
    ("agreements", "agreements", ("description", "due_date", "kept")),
    ("components", "components", ("kind", "status", "planned_date", "done_date", "note")),
    ("restoration_actions", "restoration_actions", ("date", "kind", "victim_involved", "note")),
    ("care_referrals", "care_referrals", ("date", "kind", "organisation", "meldcode_ground", "note")),
    ("care_reports", "care_reports", ("date", "receiving_body", "note")),
    ("notes", "notes", ("created_at", "text")),
)
EVALUATION_FIELDS = (
    "respondent",
    "invited_at",
    "answered_at",
    "score_1",
    "score_2",
    "score_3",
    "open_answer",
    "consent_to_quote",
    "quote_status",
    "quote_text",
)
CONSENT_FIELDS = ("purpose", "person", "given_on", "withdrawn_on")
