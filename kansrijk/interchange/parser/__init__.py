"""Reading an interchange file: the header, then one typed row (or its errors) at a time.

Two kinds of failure, kept apart because the command answers them differently:
`FileError` when the file itself can't be read (exit status 2, one line) and `RowError` for a
bad value in one row (all of them are collected and reported, exit status 1); both, and the
rows, are in results.py. files.py reads the file, readers.py one column of a row, rules.py
one row as a whole. This package only checks what one row says on its own; what needs other
rows or the database (unique references, one birth date per young person) is the importer's
business.
"""

from .files import SUPPORTED_EXTENSIONS, InterchangeFile, count_rows
from .results import FileError, InterventionRow, RawRow, RowError
from .rules import parse_row

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "FileError",
    "InterchangeFile",
    "InterventionRow",
    "RawRow",
    "RowError",
    "count_rows",
    "parse_row",
]
