"""The interventions app's models, by concern: the intervention and its status history, the
case work recorded in its file, and consent. Import them from here.

The order of the imports is the order of the original module, so the app registry lists the
models as before.
"""

from .intervention import PARENT_CONTACT_FLAGS, Intervention, InterventionStatusChange
from .records import (
    Agreement,
    CareReferral,
    CareReport,
    CaseRecord,
    Component,
    Conversation,
    Note,
    ParentContact,
    RestorationAction,
)

# isort: split
from .consent import Consent

__all__ = [
    "PARENT_CONTACT_FLAGS",
    "Agreement",
    "CareReferral",
    "CareReport",
    "CaseRecord",
    "Component",
    "Consent",
    "Conversation",
    "Intervention",
    "InterventionStatusChange",
    "Note",
    "ParentContact",
    "RestorationAction",
]
