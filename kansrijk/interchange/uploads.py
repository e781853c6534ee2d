"""An uploaded interchange file as the parser reads it: a temporary file with the right extension.

The parser reads from a path (parser/files.py). The bytes live in the database (models.py), so
whoever reads them, the app server checking an upload or the worker importing it, writes them to
a private temporary directory first and removes it afterwards.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.utils.translation import gettext as _

from .parser import InterchangeFile


def file_label() -> str:
    """What messages call the file, instead of its temporary path."""
    return _("the uploaded file")


@contextmanager
def temporary_file(*, kind: str, content: bytes) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="kansrijk-import-") as folder:
        path = Path(folder) / f"upload.{kind}"
        path.write_bytes(content)
        yield path


def has_rows(*, kind: str, content: bytes) -> bool:
    """Whether the file has a valid header and at least one row under it; raises FileError for
    a file that can't be read (not UTF-8, not a workbook, a bad header)."""
    with temporary_file(kind=kind, content=content) as path, InterchangeFile(path, name=file_label()) as rows:
        return next(iter(rows), None) is not None
