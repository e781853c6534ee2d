"""Every CSV file Kansrijk writes: one writer, a dialect per reader, and no cell that runs as a formula.

The downloads for people (the interventions list, the audit log) use Excel's Dutch dialect:
Excel in Dutch opens a file with a byte-order mark and semicolons without an import wizard.
The factsheet's CSV and the interchange format (docs/interchange.md) are for other programs
too: comma-separated UTF-8 without a byte-order mark (`PLAIN`).

Whatever the dialect, a cell that begins with =, +, -, @, a tab or a carriage return would be
read as a formula by a spreadsheet that opens the file (CSV injection), so it is written with
an apostrophe in front, which the spreadsheet shows as text: `=1+1` becomes `'=1+1`. Such a file
can be opened by anyone without risk, whoever typed the text in it.

Reading it back (the interchange import, `spreadsheet_text`): a cell that begins with an
apostrophe followed by one of those characters loses that one apostrophe, so `'=1+1` reads as
`=1+1` and an export imports as the text it was made of. So that this holds for every text, a
text that itself begins with apostrophes followed by such a character gets one apostrophe more
when written (`'=x` is written `''=x`, and read back as `'=x`). A cell beginning with an
apostrophe followed by anything else (`'t Hoekje`) is written and read as it is.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from django.http import StreamingHttpResponse

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Apostrophes (none or more) and then a formula character: written with one apostrophe more.
_NEEDS_APOSTROPHE = re.compile(r"'*[=+\-@\t\r]")
# One apostrophe or more and then a formula character: read with one apostrophe less.
_HAS_APOSTROPHE = re.compile(r"'+[=+\-@\t\r]")


@dataclass(frozen=True)
class Dialect:
    """How a CSV file is laid out: the separator, and whether a byte-order mark comes first."""

    delimiter: str
    bom: bool
    lineterminator: str = "\r\n"


# Excel in Dutch: semicolons (the comma is the decimal sign) and a byte-order mark for UTF-8.
EXCEL_NL = Dialect(delimiter=";", bom=True)
# Comma-separated UTF-8 without a byte-order mark: the interchange format and the factsheet CSV.
PLAIN = Dialect(delimiter=",", bom=False)


def spreadsheet_cell(value: Any) -> str:
    """The cell as text a spreadsheet shows, never runs."""
    text = "" if value is None else str(value)
    return f"'{text}" if _NEEDS_APOSTROPHE.match(text) else text


def spreadsheet_text(cell: str) -> str:
    """The text a cell written by `spreadsheet_cell` was made of: its inverse."""
    return cell[1:] if _HAS_APOSTROPHE.match(cell) else cell


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def spreadsheet_lines(rows: Iterable[Iterable[Any]], *, dialect: Dialect = EXCEL_NL) -> Iterator[str]:
    """The rows as CSV lines, every cell made safe; the byte-order mark first if the dialect has one."""
    if dialect.bom:
        yield "\ufeff"
    writer = csv.writer(_Echo(), delimiter=dialect.delimiter, lineterminator=dialect.lineterminator)
    for row in rows:
        yield writer.writerow([spreadsheet_cell(value) for value in row])


def spreadsheet_write(rows: Iterable[Iterable[Any]], *, out: SupportsWrite[str], dialect: Dialect) -> int:
    """Write the rows to `out` as `spreadsheet_lines` gives them; returns the number of rows."""
    if dialect.bom:
        out.write("\ufeff")
    count = 0
    for line in spreadsheet_lines(rows, dialect=replace(dialect, bom=False)):
        out.write(line)
        count += 1
    return count


def spreadsheet_response(rows: Iterable[Iterable[Any]], *, filename: str) -> StreamingHttpResponse:
    """A streamed download of the rows as `filename`, for a spreadsheet (Excel's Dutch dialect)."""
    response = StreamingHttpResponse(spreadsheet_lines(rows, dialect=EXCEL_NL), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
