"""Reading a CSV or XLSX interchange file: the header checked, then one raw row at a time."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from django.utils.translation import gettext as _

from kansrijk.core.spreadsheets import spreadsheet_text

from ..columns import COLUMN_NAMES, REQUIRED_COLUMNS
from .results import FileError, RawRow

SUPPORTED_EXTENSIONS = (".csv", ".xlsx")
# Limits on a workbook, so that a small hostile file cannot take the memory of the machine: the
# interchange format has 21 columns of short cells.
XLSX_MAX_COLUMNS = 100
XLSX_MAX_CELL_CHARACTERS = 10_000
XLSX_MAX_UNCOMPRESSED_BYTES = 300 * 1024 * 1024


class InterchangeFile:
    """A CSV or XLSX interchange file, read one row at a time.

    Use as a context manager: entering reads and checks the header (raising FileError), then
    iterating yields a RawRow per non-blank row. Nothing but the current row is held in memory.
    """

    def __init__(self, path: str | Path, *, name: str | None = None):
        self.path = Path(path)
        # What messages call the file: its path, or e.g. "the uploaded file" for the web import,
        # whose temporary path means nothing to the reader.
        self.name = name
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
                    # '=... is how Kansrijk's export writes a text that begins like a formula.
                    values[name] = spreadsheet_text(value)
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

        self._check_xlsx_size()
        try:
            workbook = openpyxl.load_workbook(self.path, read_only=True, data_only=True)
            sheet = workbook.worksheets[0]
        except Exception:  # openpyxl raises many types (zip, XML, key errors) for a broken file
            raise self._error(_("not a readable .xlsx workbook")) from None
        self._close = workbook.close

        # A sheet may claim 16,384 columns in its dimension, and read-only openpyxl pads every
        # row to the dimension: a 0.5 MB file took 2.9 GB that way. Rows are read as they are
        # instead, and padded here to the header's width only.
        sheet.reset_dimensions()

        def records() -> Iterator[list[str]]:
            width = 0
            try:
                for cells in sheet.iter_rows(values_only=True):
                    if any(cell not in (None, "") for cell in cells[XLSX_MAX_COLUMNS:]):
                        raise self._error(
                            _("more than %(count)d columns in a row") % {"count": XLSX_MAX_COLUMNS}
                        )
                    texts = [_cell_text(cell) for cell in cells[:XLSX_MAX_COLUMNS]]
                    if any(len(text) > XLSX_MAX_CELL_CHARACTERS for text in texts):
                        raise self._error(
                            _("a cell holds more than %(count)d characters")
                            % {"count": XLSX_MAX_CELL_CHARACTERS}
                        )
                    width = width or len(texts)
                    yield texts + [""] * (width - len(texts))
            except FileError:
                raise
            except Exception:  # a workbook can also turn out broken halfway through
                raise self._error(_("not a readable .xlsx workbook")) from None

        self._records = records()

    def _check_xlsx_size(self) -> None:
        """Refuse a workbook that unpacks to more than XLSX_MAX_UNCOMPRESSED_BYTES before reading
        it: an .xlsx is a zip file, and a small one can unpack to gigabytes."""
        try:
            with zipfile.ZipFile(self.path) as archive:
                unpacked = sum(entry.file_size for entry in archive.infolist())
        except (zipfile.BadZipFile, OSError):
            raise self._error(_("not a readable .xlsx workbook")) from None
        if unpacked > XLSX_MAX_UNCOMPRESSED_BYTES:
            raise self._error(
                _("the workbook unpacks to more than %(megabytes)d MB")
                % {"megabytes": XLSX_MAX_UNCOMPRESSED_BYTES // (1024 * 1024)}
            )

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
        return FileError(
            _("cannot read %(file)s: %(problem)s") % {"file": self.name or self.path, "problem": message}
        )


def count_rows(path: str | Path, *, name: str | None = None) -> int:
    """The number of non-blank rows under the header (raises FileError as reading does)."""
    with InterchangeFile(path, name=name) as rows:
        return sum(1 for _row in rows)


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
