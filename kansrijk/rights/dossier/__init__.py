"""Everything Kansrijk holds about one person, as an access export gives it (AVG article 15).

`young_person_dossier` and `parent_dossier` (collect.py) gather the person's own data, every
referral, intervention, record, consent and evaluation about them, and every audit row about
those objects (audit.py), into one nested dict with English keys (the JSON export) whose values
are what a reader needs: choice labels rather than codes, dates as dates (values.py).
`printable` (printable.py) turns that dict into the sections of the readable PDF; fields.py
lists the fields shown per kind of object.

Other people stay out: parents and carers appear as "Parent or carer 1" with their relation,
victims as "Victim 1", staff and referrers by their role, and free text goes through the
`Redactor` (redaction.py). IP addresses in the audit rows are the staff's, not the person's,
and are left out.
"""

from .collect import parent_dossier, young_person_dossier
from .fields import (
    CONSENT_FIELDS,
    EVALUATION_FIELDS,
    INTERVENTION_FIELDS,
    PARENT_FIELDS,
    PERSON_FIELDS,
    RECORDS,
    REFERRAL_FIELDS,
)
from .printable import Group, Section, printable
from .values import Labeller

__all__ = [
    "CONSENT_FIELDS",
    "EVALUATION_FIELDS",
    "INTERVENTION_FIELDS",
    "PARENT_FIELDS",
    "PERSON_FIELDS",
    "RECORDS",
    "REFERRAL_FIELDS",
    "Group",
    "Labeller",
    "Section",
    "parent_dossier",
    "printable",
    "young_person_dossier",
]
