"""CSV files people open in a spreadsheet: one dialect, and no cell that runs as a formula.

Excel in Dutch opens a file with a byte-order mark and semicolons without an import wizard. A
cell that begins with =, +, - or @ would be read as a formula (CSV injection): such a cell is
written with a leading apostrophe, which the spreadsheet shows as text. Every download of
figures or rows for people goes through here; the interchange format (kansrijk/interchange) is
for machines and keeps its own plain dialect.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> str:
    """The cell as text a spreadsheet shows, never runs."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in FORMULA_STARTS else text


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def spreadsheet_lines(
    rows: Iterable[Iterable[Any]], *, delimiter: str = ";", bom: bool = True
) -> Iterator[str]:
    """The rows as CSV lines, every cell made safe; the byte-order mark first unless `bom` is off."""
    if bom:
        yield "\ufeff"
    writer = csv.writer(_Echo(), delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        yield writer.writerow([spreadsheet_cell(value) for value in row])


def spreadsheet_response(rows: Iterable[Iterable[Any]], *, filename: str) -> StreamingHttpResponse:
    """A streamed download of the rows as `filename`."""
    response = StreamingHttpResponse(spreadsheet_lines(rows), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
