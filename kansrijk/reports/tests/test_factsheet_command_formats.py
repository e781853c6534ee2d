"""`manage.py factsheet --format html|pdf|csv --output FILE`: the published formats from the
command line, suppressed like the web page; JSON stays exact."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from .helpers import school_interventions, text_of_pdf, words


@pytest.fixture
def four_interventions(school_a):
    return school_interventions(school_a, 4)


def run(*args) -> str:
    out = io.StringIO()
    call_command("factsheet", "--period", "2024-2025", "--school", "12AB", *args, stdout=out)
    return out.getvalue()


def test_json_stays_the_default_with_exact_figures(four_interventions):
    assert json.loads(run())["interventions"]["school"] == 4


def test_csv_is_suppressed_and_compares_with_the_previous_year(four_interventions):
    rows = list(csv.reader(io.StringIO(run("--format", "csv"))))

    assert rows[0][2:] == ["2024-2025", "2023-2024"]
    values = {row[0]: (row[2], row[3]) for row in rows[1:]}
    assert values["interventions.school"] == ("<5", "0")
    assert values["restoration_pct"] == ("", "")


def test_html_is_one_self_contained_document(four_interventions):
    html = run("--format", "html")

    assert html.lstrip().startswith("<!doctype html>")
    assert "<style>" in html and "@page" in html  # the print styles travel inside
    assert "data:image/svg+xml;base64," in html  # and so does the chart
    assert "<5" in words(html)


def test_pdf_goes_to_the_output_file(four_interventions, tmp_path):
    target = tmp_path / "factsheet.pdf"

    run("--format", "pdf", "--output", str(target))

    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert "<5" in text_of_pdf(pdf)


def test_an_unknown_format_is_refused(db):
    with pytest.raises(CommandError) as info:
        call_command("factsheet", "--period", "2024-2025", "--format", "docx")
    assert "docx" in str(info.value)


def test_a_pdf_without_an_output_file_is_refused_where_it_cannot_go(db):
    with pytest.raises(CommandError) as info:
        call_command("factsheet", "--period", "2024-2025", "--format", "pdf", stdout=io.StringIO())
    assert info.value.returncode == 2
    assert "--output" in str(info.value)
