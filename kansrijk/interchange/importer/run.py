"""One import run: the file, the transaction, and what follows a successful import.

All rows or none: the whole file is checked and written inside one transaction, rolled back
when a row is invalid or on a dry run. After a successful import the reference counters move
past the imported references, the repeat flags are refreshed, and one audit row records it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import transaction

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.interventions.remnant import refresh_repeat_flags

from ..parser import InterchangeFile
from .matching import Importer, ImportResult

BATCH_SIZE = 2000
AUDIT_EVENT = Event.INTERVENTIONS_IMPORTED


def interventions_import(
    *,
    path: str | Path,
    update: bool = False,
    dry_run: bool = False,
    batch_size: int = BATCH_SIZE,
    by=None,
    name: str | None = None,
    source: dict[str, Any] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Import the interchange file at `path`: everything or, when a row is invalid, nothing.

    Raises parser.FileError when the file itself can't be read; row errors are returned in
    the result, sorted by row and column. `update` replaces interventions whose reference
    already exists; `dry_run` checks and writes as usual, then rolls everything back.

    For the web import: `by` is the user the audit row names, `name` what file messages call
    the file, `source` what the audit row records instead of the file's name, and `progress`
    is called with the number of rows read after every row (inside the transaction: it must
    not write through this connection, see interchange/progress.py).
    """
    path = Path(path)
    with InterchangeFile(path, name=name) as rows, transaction.atomic():
        importer = Importer(update=update, batch_size=batch_size)
        for count, raw in enumerate(rows, start=1):
            importer.add(raw)
            if progress is not None:
                progress(count)
        importer.flush()
        result = importer.result()
        if not result.ok or dry_run:
            transaction.set_rollback(True)
        elif importer.first_region is not None:
            importer.writer.advance_reference_counters()
            # Imported history can make existing interventions repeats and the other way
            # round; one statement over all young people (a list of ids could pass the
            # database's limit on parameters).
            refresh_repeat_flags()
            # The audit log wants one subject per row; an import spans many, so the row hangs
            # off the region of the first intervention and lists what was done.
            audit_record(
                actor=by,
                event=AUDIT_EVENT,
                subject=importer.first_region,
                new={
                    **(source if source is not None else {"file": path.name}),
                    "interventions": result.interventions,
                    "young_people": result.young_people,
                    "new_young_people": result.new_young_people,
                    "replaced": result.replaced,
                },
            )
    result.errors.sort(key=lambda error: error.sort_key)
    return result
