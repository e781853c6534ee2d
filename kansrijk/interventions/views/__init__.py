"""The professionals' pages for interventions: the search list, its export and the file.

Views take four steps (docs/conventions.md, habit 3): the object through the access module, the
form, one service, the response. Reads go through `access.py` and `selectors/` only.
"""

from .file import (
    intervention_add_note,
    intervention_detail,
    intervention_mark_component,
    intervention_step,
    intervention_viewers,
    intervention_withdraw_consent,
)
from .lists import intervention_export, intervention_list
from .steps import STEPS, Step

__all__ = [
    "STEPS",
    "Step",
    "intervention_add_note",
    "intervention_detail",
    "intervention_export",
    "intervention_list",
    "intervention_mark_component",
    "intervention_step",
    "intervention_viewers",
    "intervention_withdraw_consent",
]
