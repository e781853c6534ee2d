"""Downloads for spreadsheets: Excel's Dutch dialect, and no cell that runs as a formula."""

import csv
import io

from kansrijk.core.spreadsheets import spreadsheet_cell, spreadsheet_lines


def test_a_cell_starting_like_a_formula_is_shown_as_text():
    for dangerous in ("=1+1", "+31 6 1234", "-2", "@SUM(A1)", "\t=1", "\r=1"):
        assert spreadsheet_cell(dangerous) == "'" + dangerous


def test_ordinary_cells_stay_as_they_are():
    assert [spreadsheet_cell(value) for value in ("Haaglanden", "2025-09-01", 12, None, "")] == [
        "Haaglanden",
        "2025-09-01",
        "12",
        "",
        "",
    ]


def test_the_lines_are_semicolon_separated_with_a_byte_order_mark():
    text = "".join(spreadsheet_lines([["a;b", "=x"], ["c", 1]]))

    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";")) == [
        ["a;b", "'=x"],
        ["c", "1"],
    ]
