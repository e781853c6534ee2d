"""What reading an interchange file gives: raw rows, typed rows, and the two kinds of failure.

`FileError` when the file itself can't be read (the command exits with status 2, one line) and
`RowError` for a bad value in one row (all of them are collected and reported, exit status 1).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..columns import COLUMN_POSITION


class FileError(Exception):
    """The file as a whole can't be read: missing, wrong type or encoding, bad header."""


@dataclass(frozen=True, slots=True)
class RowError:
    row: int  # numbered as a spreadsheet shows it: the header is row 1
    column: str  # "" when the problem is the row as a whole
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("row %(row)s, column %(column)s: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("row %(row)s: %(message)s") % {"row": self.row, "message": self.message}

    @property
    def sort_key(self) -> tuple[int, int]:
        return (self.row, COLUMN_POSITION.get(self.column, -1))


@dataclass(frozen=True, slots=True)
class RawRow:
    number: int
    values: dict[str, str]  # every known column, "" when absent or empty
    stray_values: int  # values beyond the header or under a column without a name


@dataclass(frozen=True, slots=True)
class InterventionRow:
    """One valid row, typed; `row` is its spreadsheet row number for later errors."""

    row: int
    reference: str
    type: str
    region: str
    municipality: str
    school_brin: str
    school_name: str
    neighbourhood: str
    referral_date: dt.date
    referrer_kind: str
    youth_id: str
    youth_birth_date: dt.date
    youth_gender: str
    reasons: tuple[str, ...]
    status: str
    intake_date: dt.date | None
    end_date: dt.date | None
    outcome: str
    restoration: tuple[str, ...]
    parent_contacts: tuple[str, ...]
    care_referral: str
    care_reports: int
