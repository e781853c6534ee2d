"""Property-based: whatever a file or a row contains, the parser answers with a typed row, row
errors or a FileError, never another exception."""

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kansrijk.interchange.columns import COLUMN_NAMES
from kansrijk.interchange.parser import (
    FileError,
    InterchangeFile,
    InterventionRow,
    RawRow,
    RowError,
    parse_row,
)

# Few examples and no deadline per example: the suite stays quick, and a slow first example
# (imports, translations) is not a failure.
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Values that look like what a spreadsheet holds, and values that look like nothing at all.
LIKELY = st.sampled_from(
    [
        "",
        "2024-10-01",
        "01-10-2024",
        "2024-02-30",
        "0",
        "-1",
        "3",
        "1e9",
        "school",
        "neighbourhood",
        "completed",
        "sufficient",
        "bullying|theft",
        "bullying|bullying",
        "phone|digital",
        "|",
        "Haaglanden",
        "12AB",
        "m",
        "x" * 400,
    ]
)
CELL = st.one_of(LIKELY, st.text(max_size=40))


def _assert_answer(row, errors) -> None:
    assert all(isinstance(error, RowError) for error in errors)
    if errors:
        assert row is None
        assert all(error.column in ("", *COLUMN_NAMES) for error in errors)
        assert all(str(error) for error in errors)  # every error reads as a line
    else:
        assert isinstance(row, InterventionRow)


@FAST
@given(values=st.fixed_dictionaries({name: CELL for name in COLUMN_NAMES}), stray=st.integers(0, 3))
def test_any_row_gives_a_typed_row_or_row_errors(values, stray):
    _assert_answer(*parse_row(RawRow(2, values, stray)))


def _parse_file(content: bytes, suffix: str = ".csv") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"import{suffix}"
        path.write_bytes(content)
        try:
            with InterchangeFile(path) as rows:
                for raw in rows:
                    _assert_answer(*parse_row(raw))
        except FileError as error:
            assert str(error)


@FAST
@given(content=st.binary(max_size=300))
def test_any_bytes_give_rows_or_a_file_error(content):
    _parse_file(content)


@FAST
@given(content=st.binary(max_size=300))
def test_any_bytes_named_xlsx_give_rows_or_a_file_error(content):
    _parse_file(content, ".xlsx")


@FAST
@given(
    header=st.lists(st.one_of(st.sampled_from(COLUMN_NAMES), st.text(max_size=10)), max_size=30),
    records=st.lists(st.lists(CELL, max_size=len(COLUMN_NAMES) + 3), max_size=4),
    with_all_columns=st.booleans(),
)
def test_any_csv_text_gives_rows_or_a_file_error(header, records, with_all_columns):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMN_NAMES if with_all_columns else header)
    writer.writerows(records)
    _parse_file(buffer.getvalue().encode("utf-8", "surrogatepass"))
