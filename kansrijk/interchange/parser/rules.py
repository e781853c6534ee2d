"""Checking one row: its values read column by column, then the rules between its columns.

Only what the row says on its own: a school intervention names its school, dates follow the
referral date, the age fits, status, end date and outcome agree. What needs other rows or the
database (unique references, one birth date per young person) is the importer's business.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from kansrijk.core.dates import MAX_AGE, MIN_AGE, age_on
from kansrijk.interventions.constants import ENDED_STATUSES, InterventionType, Status

from .readers import RowReader
from .results import InterventionRow, RawRow, RowError

_BRIN = re.compile(r"[0-9A-Z]{4}")
_WHOLE_NUMBER = re.compile(r"\d+")


def parse_row(raw: RawRow) -> tuple[InterventionRow | None, list[RowError]]:
    """The typed row, or None and every problem this row has on its own."""
    read = RowReader(raw)
    if raw.stray_values:
        read.error("", _("has values in columns without a name in the header"))

    reference = read.text("reference", required=True)
    type_ = read.code("type", required=True)
    region = read.text("region", required=True)
    municipality = read.text("municipality", required=True)
    school_brin = read.text("school_brin").upper()
    school_name = read.text("school_name")
    neighbourhood = read.text("neighbourhood")
    referral_date = read.date("referral_date", required=True)
    referrer_kind = read.code("referrer_kind", required=True)
    youth_id = read.text("youth_id", required=True)
    birth_date = read.date("youth_birth_date", required=True)
    gender = read.code("youth_gender")
    reasons = read.codes("reasons", required=True, unique=True)
    status = read.code("status", required=True)
    intake_date = read.date("intake_date")
    end_date = read.date("end_date")
    outcome = read.code("outcome")
    restoration = read.codes("restoration")
    parent_contacts = read.codes("parent_contacts")
    care_referral = read.code("care_referral")
    care_reports_text = raw.values["care_reports"]
    care_reports = 0
    if care_reports_text:
        if _WHOLE_NUMBER.fullmatch(care_reports_text):
            care_reports = int(care_reports_text)
        else:
            read.error(
                "care_reports", _("%(value)r is not a whole number ≥ 0") % {"value": care_reports_text}
            )

    if type_ == InterventionType.SCHOOL:
        if not school_brin:
            read.error("school_brin", _("required for a school intervention"))
        elif not _BRIN.fullmatch(school_brin):
            read.error(
                "school_brin",
                _("%(value)r is not a school code (4 letters or digits, e.g. 12AB)") % {"value": school_brin},
            )
        if not school_name:
            read.error("school_name", _("required for a school intervention"))
    elif type_ == InterventionType.NEIGHBOURHOOD:
        for column, value in (("school_brin", school_brin), ("school_name", school_name)):
            if value:
                read.error(column, _("must be empty for a neighbourhood intervention"))

    if referral_date and birth_date:
        age = age_on(birth_date, referral_date)
        if not MIN_AGE <= age <= MAX_AGE:
            read.error(
                "youth_birth_date",
                _("age %(age)s at referral date, must be %(min)s–%(max)s")
                % {"age": age, "min": MIN_AGE, "max": MAX_AGE},
            )
    if referral_date:
        for column, day in (("intake_date", intake_date), ("end_date", end_date)):
            if day and day < referral_date:
                read.error(
                    column,
                    _("%(date)s is before the referral date %(referral_date)s")
                    % {"date": day.isoformat(), "referral_date": referral_date.isoformat()},
                )

    if status:
        ended = status in ENDED_STATUSES
        if ended and not raw.values["end_date"]:
            read.error("end_date", _("required for status %(status)r") % {"status": status})
        elif not ended and raw.values["end_date"]:
            read.error("end_date", _("must be empty for status %(status)r") % {"status": status})
        if status == Status.COMPLETED and not raw.values["outcome"]:
            read.error("outcome", _("required for status %(status)r") % {"status": status})
        elif status != Status.COMPLETED and raw.values["outcome"]:
            read.error("outcome", _("must be empty for status %(status)r") % {"status": status})

    if read.errors:
        return None, read.errors
    # Both are required: without them read.errors is not empty.
    assert referral_date is not None and birth_date is not None
    return (
        InterventionRow(
            row=raw.number,
            reference=reference,
            type=type_,
            region=region,
            municipality=municipality,
            school_brin=school_brin,
            school_name=school_name,
            neighbourhood=neighbourhood,
            referral_date=referral_date,
            referrer_kind=referrer_kind,
            youth_id=youth_id,
            youth_birth_date=birth_date,
            youth_gender=gender,
            reasons=reasons,
            status=status,
            intake_date=intake_date,
            end_date=end_date,
            outcome=outcome,
            restoration=restoration,
            parent_contacts=parent_contacts,
            care_referral=care_referral,
            care_reports=care_reports,
        ),
        [],
    )
