"""Reads for the professionals' web app: the worklist, the search list, the file and its export.

Every read starts from `access.interventions_visible_to(user)` (lists) or an intervention the
view already got through `access.get_intervention_for_user` (the file), so what a page shows
can never be more than the access module allows. Each function does a fixed number of queries,
whatever the number of rows: the pages stay quick at a million interventions.
"""

from kansrijk.core.dates import latest_day_with_working_days_since, working_days_between

from .export import EXPORT_COLUMNS, export_rows, interventions_for_export, place
from .file import InterventionFile, intervention_file
from .search import SORT_CHOICES, interventions_search
from .timeline import TimelineEntry, timeline
from .worklist import (
    ATTENTION_CHOICES,
    ATTENTION_INTAKE_OVERDUE,
    ATTENTION_NO_CONTACT,
    ATTENTION_OPEN_LONG,
    LIST_RELATED,
    NO_CONTACT_WORKING_DAYS,
    OPEN_TOO_LONG_DAYS,
    attention_filter,
    days_open,
    first_rows,
    interventions_needing_attention,
    interventions_of_professional,
    next_step,
    opened_on,
)

__all__ = [
    "ATTENTION_CHOICES",
    "ATTENTION_INTAKE_OVERDUE",
    "ATTENTION_NO_CONTACT",
    "ATTENTION_OPEN_LONG",
    "EXPORT_COLUMNS",
    "LIST_RELATED",
    "NO_CONTACT_WORKING_DAYS",
    "OPEN_TOO_LONG_DAYS",
    "SORT_CHOICES",
    "InterventionFile",
    "TimelineEntry",
    "attention_filter",
    "days_open",
    "export_rows",
    "first_rows",
    "intervention_file",
    "interventions_for_export",
    "interventions_needing_attention",
    "interventions_of_professional",
    "interventions_search",
    "latest_day_with_working_days_since",
    "next_step",
    "opened_on",
    "place",
    "timeline",
    "working_days_between",
]
