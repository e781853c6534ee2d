"""The search list as a download for team leads: the columns, without the young person's name."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..models import Intervention


def place(case) -> str:
    """Where the work happens: the school, else the neighbourhood, else the municipality.

    Works for an intervention and for a referral (both have these three fields).
    """
    if case.school_id:
        return case.school.name
    if case.neighbourhood_id:
        return f"{case.neighbourhood.name}, {case.municipality.name}"
    return case.municipality.name


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _professional(intervention: Intervention) -> str:
    user = intervention.professional
    return (user.get_full_name() or user.get_username()) if user else ""


# The columns of the list page, without the young person: an export leaves the building, and a
# team lead's figures need no names (AVG data minimisation). Dates are ISO, for spreadsheets.
EXPORT_COLUMNS: tuple[tuple[Promise, Any], ...] = (
    (_("Reference"), lambda i: i.reference),
    (_("Type"), lambda i: i.get_type_display()),
    (_("Status"), lambda i: i.get_status_display()),
    (_("School or neighbourhood"), place),
    (_("Municipality"), lambda i: i.municipality.name),
    (_("Halt professional"), _professional),
    (_("Primary reason"), lambda i: i.get_primary_reason_display()),
    (_("Referral date"), lambda i: _iso(i.referral_date)),
    (_("Intake date"), lambda i: _iso(i.intake_date)),
    (_("End date"), lambda i: _iso(i.end_date)),
    (_("Outcome"), lambda i: i.get_outcome_display()),
)
EXPORT_CHUNK_SIZE = 2000


def interventions_for_export(interventions: QuerySet[Intervention]) -> QuerySet[Intervention]:
    """The search list's rows with what the export shows, and not the young person's name."""
    return interventions.select_related(None).select_related(
        "municipality", "school", "neighbourhood", "professional"
    )


def export_rows(interventions: QuerySet[Intervention]):
    """The header, then one row of text cells per intervention, fetched in chunks."""
    yield [str(header) for header, _value in EXPORT_COLUMNS]
    for intervention in interventions_for_export(interventions).iterator(chunk_size=EXPORT_CHUNK_SIZE):
        yield [value(intervention) or "" for _header, value in EXPORT_COLUMNS]
