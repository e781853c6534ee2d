"""Kansrijk's one CSV writer: a dialect per reader, no cell that runs as a formula, and a
reading rule that gives back the text each cell was made of."""

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from kansrijk.core.spreadsheets import (
    EXCEL_NL,
    FORMULA_STARTS,
    PLAIN,
    spreadsheet_cell,
    spreadsheet_lines,
    spreadsheet_text,
    spreadsheet_write,
)


def test_a_cell_starting_like_a_formula_is_shown_as_text():
    for dangerous in ("=1+1", "+31 6 1234", "-2", "-", "@SUM(A1)", "\t=1", "\r=1"):
        assert spreadsheet_cell(dangerous) == "'" + dangerous


def test_ordinary_cells_stay_as_they_are():
    assert [spreadsheet_cell(value) for value in ("Haaglanden", "2025-09-01", 12, None, "", "'t Hoekje")] == [
        "Haaglanden",
        "2025-09-01",
        "12",
        "",
        "",
        "'t Hoekje",
    ]


def test_a_text_of_apostrophes_before_a_formula_gets_one_apostrophe_more():
    assert spreadsheet_cell("'=x") == "''=x"
    assert spreadsheet_text("''=x") == "'=x"


def test_reading_drops_the_apostrophe_before_a_formula_character_only():
    assert [spreadsheet_text(cell) for cell in ("'=1+1", "'-", "'@x", "'t Hoekje", "'", "=1", "")] == [
        "=1+1",
        "-",
        "@x",
        "'t Hoekje",
        "'",
        "=1",
        "",
    ]


# Texts made of what matters here (apostrophes, formula characters, separators), and any text.
TEXTS = (
    st.text(alphabet=st.sampled_from(["'", "=", "+", "-", "@", "\t", "\r", "\n", "a", " ", ";", '"']))
    | st.text()
)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_reading_a_written_cell_gives_the_text_back_and_it_never_runs(text):
    cell = spreadsheet_cell(text)

    assert spreadsheet_text(cell) == text
    assert not cell.startswith(FORMULA_STARTS)


def test_the_excel_dialect_is_semicolon_separated_with_a_byte_order_mark():
    text = "".join(spreadsheet_lines([["a;b", "=x"], ["c", 1]], dialect=EXCEL_NL))

    assert text.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";")) == [
        ["a;b", "'=x"],
        ["c", "1"],
    ]


def test_the_plain_dialect_is_comma_separated_without_a_byte_order_mark():
    out = io.StringIO()

    count = spreadsheet_write([["a,b", "-"], ["c", "@d"]], out=out, dialect=PLAIN)

    assert count == 2
    assert out.getvalue() == "\"a,b\",'-\r\nc,'@d\r\n"
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["a,b", "'-"], ["c", "'@d"]]
