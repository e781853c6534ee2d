"""Reading one column of a raw row: text, a code, a list of codes or a date.

Each reader returns the value (or an empty one) and notes what is wrong with it, so that one
pass over a row finds every problem.
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext as _

from kansrijk.core.validators import has_control_characters
from kansrijk.interventions.constants import (
    CareReferralKind,
    ContactMode,
    InterventionType,
    Outcome,
    RestorationKind,
    Status,
)
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.organisations.models import Municipality, Neighbourhood, Region, School
from kansrijk.people.constants import Gender
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.constants import Reason
from kansrijk.referrals.models import Referral

from ..columns import LIST_SEPARATOR
from .results import RawRow, RowError

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

_CODES: dict[str, tuple[str, ...]] = {
    "type": tuple(InterventionType.values),
    "referrer_kind": tuple(ReferrerKind.values),
    "youth_gender": tuple(Gender.values),
    "reasons": tuple(Reason.values),
    "status": tuple(Status.values),
    "outcome": tuple(Outcome.values),
    "restoration": tuple(RestorationKind.values),
    "parent_contacts": tuple(ContactMode.values),
    "care_referral": tuple(CareReferralKind.values),
}


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


# Longer values would be cut off by SQLite and refused by PostgreSQL: report them instead.
_MAX_LENGTHS: dict[str, int] = {
    "reference": min(_max_length(Intervention, "reference"), _max_length(Referral, "reference")),
    "region": _max_length(Region, "name"),
    "municipality": _max_length(Municipality, "name"),
    "school_name": _max_length(School, "name"),
    "neighbourhood": _max_length(Neighbourhood, "name"),
    "youth_id": _max_length(YoungPerson, "external_id"),
}


class RowReader:
    """Takes the values of one raw row apart, noting every problem on the way."""

    def __init__(self, raw: RawRow):
        self.raw = raw
        self.errors: list[RowError] = []

    def error(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.raw.number, column, message))

    def text(self, column: str, *, required: bool = False) -> str:
        value = self.raw.values[column]
        if required and not value:
            self.error(column, _("a value is required"))
        limit = _MAX_LENGTHS.get(column)
        if limit is not None and len(value) > limit:
            self.error(column, _("longer than %(limit)s characters") % {"limit": limit})
        # What the models' fields refuse (core/validators.py); the import writes past full_clean.
        if has_control_characters(value):
            self.error(column, _("a line break or control character is not allowed"))
        return value

    def code(self, column: str, *, required: bool = False) -> str:
        value = self.raw.values[column].lower()
        if not value:
            if required:
                self.error(column, _("a value is required"))
            return ""
        if value not in _CODES[column]:
            self.error(column, self._unknown_code(column, value))
            return ""
        return value

    def codes(self, column: str, *, required: bool = False, unique: bool = False) -> tuple[str, ...]:
        items = [item.strip().lower() for item in self.raw.values[column].split(LIST_SEPARATOR)]
        items = [item for item in items if item]
        if not items and required:
            self.error(column, _("a value is required"))
        valid = []
        for item in items:
            if item not in _CODES[column]:
                self.error(column, self._unknown_code(column, item))
            elif unique and item in valid:
                self.error(column, _("%(code)r is listed more than once") % {"code": item})
            else:
                valid.append(item)
        return tuple(valid)

    def date(self, column: str, *, required: bool = False) -> dt.date | None:
        value = self.raw.values[column]
        if not value:
            if required:
                self.error(column, _("a value is required"))
            return None
        if _DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.error(column, _("%(value)r is not a date of the form YYYY-MM-DD") % {"value": value})
        return None

    def _unknown_code(self, column: str, value: str) -> str:
        return _("%(value)r is not a valid code; use one of: %(codes)s") % {
            "value": value,
            "codes": ", ".join(_CODES[column]),
        }
