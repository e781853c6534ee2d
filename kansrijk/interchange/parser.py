"""Reading an interchange file: the header, then one typed row (or its errors) at a time.

Two kinds of failure, kept apart because the command answers them differently:
`FileError` when the file itself can't be read (exit status 2, one line) and `RowError` for a
bad value in one row (all of them are collected and reported, exit status 1). This module only
checks what one row says on its own; what needs other rows or the database (unique
references, one birth date per young person) is the importer's business.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from kansrijk.core.dates import MAX_AGE, MIN_AGE, age_on
from kansrijk.interventions.constants import (
    ENDED_STATUSES,
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

from .columns import COLUMN_NAMES, COLUMN_POSITION, LIST_SEPARATOR, REQUIRED_COLUMNS

SUPPORTED_EXTENSIONS = (".csv", ".xlsx")


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


# ---------------------------------------------------------------------------------------------
# Files


class InterchangeFile:
    """A CSV or XLSX interchange file, read one row at a time.

    Use as a context manager: entering reads and checks the header (raising FileError), then
    iterating yields a RawRow per non-blank row. Nothing but the current row is held in memory.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._close: Callable[[], None] | None = None
        self._records: Iterator | None = None
        self._columns: list[str | None] = []

    def __enter__(self) -> InterchangeFile:
        extension = self.path.suffix.lower()
        if extension not in SUPPORTED_EXTENSIONS:
            raise self._error(
                _("unsupported file type %(extension)r; use .csv or .xlsx")
                % {"extension": self.path.suffix or _("(none)")}
            )
        if not self.path.is_file():
            raise self._error(_("no such file"))
        try:
            if extension == ".csv":
                self._open_csv()
            else:
                self._open_xlsx()
            self._read_header()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None

    def __iter__(self) -> Iterator[RawRow]:
        number = 1  # the header
        for record in self._next_records():
            number += 1
            if not any(record):
                continue  # blank lines, e.g. at the end of a file saved by Excel
            values = dict.fromkeys(COLUMN_NAMES, "")
            stray = 0
            for position, value in enumerate(record):
                name = self._columns[position] if position < len(self._columns) else None
                if name is None:
                    stray += bool(value)
                else:
                    values[name] = value
            yield RawRow(number, values, stray)

    # -- CSV ----------------------------------------------------------------------------------

    def _open_csv(self) -> None:
        try:
            # utf-8-sig drops the byte-order mark Excel writes in front of "CSV UTF-8" files.
            handle = open(self.path, encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise self._error(exc.strerror or str(exc)) from None
        self._close = handle.close
        reader = csv.reader(handle)

        def records() -> Iterator[list[str]]:
            while True:
                try:
                    record = next(reader)
                except StopIteration:
                    return
                except UnicodeDecodeError:
                    raise self._error(
                        _("not valid UTF-8 text (near line %(line)s); save it as “CSV UTF-8”")
                        % {"line": reader.line_num + 1}
                    ) from None
                except csv.Error as exc:
                    raise self._error(
                        _("not a readable CSV file (line %(line)s: %(problem)s)")
                        % {"line": reader.line_num, "problem": exc}
                    ) from None
                yield [value.strip() for value in record]

        self._records = records()

    # -- XLSX ---------------------------------------------------------------------------------

    def _open_xlsx(self) -> None:
        import openpyxl

        try:
            workbook = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
            sheet = workbook.worksheets[0]
        except Exception:  # openpyxl raises many types (zip, XML, key errors) for a broken file
            raise self._error(_("not a readable .xlsx workbook")) from None
        self._close = workbook.close

        def records() -> Iterator[list[str]]:
            try:
                for cells in sheet.iter_rows(values_only=True):
                    yield [_cell_text(cell) for cell in cells]
            except FileError:
                raise
            except Exception:  # a workbook can also turn out broken halfway through
                raise self._error(_("not a readable .xlsx workbook")) from None

        self._records = records()

    # -- header -------------------------------------------------------------------------------

    def _next_records(self) -> Iterator[list[str]]:
        assert self._records is not None
        return self._records

    def _read_header(self) -> None:
        header = next(self._next_records(), None)
        if header is None:
            raise self._error(_("the file is empty"))
        names = [name.strip().lower() for name in header]
        known = set(COLUMN_NAMES)
        if not any(name in known for name in names):
            raise self._error(
                _("no header row: the first row must name the columns (%(columns)s)")
                % {"columns": ", ".join(COLUMN_NAMES)}
            )
        unknown = [name for name in names if name and name not in known]
        if unknown:
            raise self._error(_("unknown columns: %(columns)s") % {"columns": ", ".join(unknown)})
        duplicates = sorted({name for name in names if name and names.count(name) > 1})
        if duplicates:
            raise self._error(
                _("columns named more than once: %(columns)s") % {"columns": ", ".join(duplicates)}
            )
        missing = [name for name in COLUMN_NAMES if name in REQUIRED_COLUMNS and name not in names]
        if missing:
            raise self._error(_("missing required columns: %(columns)s") % {"columns": ", ".join(missing)})
        self._columns = [name or None for name in names]

    def _error(self, message: str) -> FileError:
        return FileError(_("cannot read %(file)s: %(problem)s") % {"file": self.path, "problem": message})


def _cell_text(value) -> str:
    """A spreadsheet cell as the text the CSV would hold (dates ISO, whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# ---------------------------------------------------------------------------------------------
# Rows

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BRIN = re.compile(r"[0-9A-Z]{4}")
_WHOLE_NUMBER = re.compile(r"\d+")

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


class _RowReader:
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


def parse_row(raw: RawRow) -> tuple[InterventionRow | None, list[RowError]]:
    """The typed row, or None and every problem this row has on its own."""
    read = _RowReader(raw)
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
