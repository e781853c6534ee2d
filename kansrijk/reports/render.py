"""The factsheet as HTML, PDF and CSV.

One template, reports/factsheet.html, renders both the staff page and the PDF: it extends the
site layout for the page and reports/print.html for the PDF, which WeasyPrint turns into A4
with the print stylesheet. The figures in all three come from `FactsheetFigures`, which applies
the small-number rule.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kansrijk.core.spreadsheets import PLAIN, spreadsheet_lines

from .charts import as_data_uri, reasons_chart
from .published import FactsheetFigures
from .scope import Scope

STATIC = Path(__file__).resolve().parent / "static" / "reports"
PRINT_CSS = STATIC / "factsheet-print.css"
# The factsheet that goes out of the house is in Dutch, whatever language its publisher uses.
PUBLISHED_LANGUAGE = "nl"

# WeasyPrint logs every layout step and fontTools every font it subsets at INFO, the level of
# the root logger: some hundred lines per PDF that say nothing an operator needs.
for _name in ("weasyprint.progress", "fontTools"):
    logging.getLogger(_name).setLevel(logging.WARNING)


def factsheet_context(
    *,
    document: dict,
    scope: Scope,
    contact=None,
    for_print: bool,
    stamp: str = "",
    chart_url: str = "",
    **extra,
) -> dict:
    """The template context of reports/factsheet.html.

    The chart: in the PDF an SVG data: URI, which WeasyPrint draws; on the page the address of
    the chart view, because the site's Content-Security-Policy allows images from itself only.
    """
    figures = FactsheetFigures(document)
    return {
        "layout": "reports/print.html" if for_print else "base.html",
        "print_css": PRINT_CSS.read_text(encoding="utf-8") if for_print else "",
        "for_print": for_print,
        "fs": figures,
        "scope": scope,
        "scope_label": scope.describe(),
        "reasons_chart": as_data_uri(reasons_chart(figures.reasons)) if for_print else chart_url,
        "contact": contact,
        "stamp": stamp,
        **extra,
    }


def factsheet_print_html(*, document: dict, scope: Scope, contact=None, stamp: str) -> str:
    """The factsheet as one self-contained HTML document in Dutch: what the PDF is made of."""
    with translation.override(PUBLISHED_LANGUAGE):
        return render_to_string(
            "reports/factsheet.html",
            factsheet_context(document=document, scope=scope, contact=contact, for_print=True, stamp=stamp),
        )


def factsheet_pdf(*, document: dict, scope: Scope, contact=None, stamp: str) -> bytes:
    """The factsheet as an A4 PDF (one or two pages), in Dutch."""
    import weasyprint  # imported here: loading Pango costs time every other request can skip

    html = factsheet_print_html(document=document, scope=scope, contact=contact, stamp=stamp)
    return weasyprint.HTML(string=html, base_url=str(STATIC)).write_pdf()


def factsheet_csv(*, document: dict) -> str:
    """One row per figure: key, description, this year, the previous year (suppressed as published)."""
    figures = FactsheetFigures(document)
    rows = [[_("figure"), _("description"), figures.period, figures.previous_period or ""]]
    rows += [[figure.key, figure.label, figure.csv_value, figure.csv_previous] for figure in figures.rows]
    # The approved, anonymised quotes of this year (published as they are in the PDF).
    for evaluation in figures.evaluations:
        for number, quote in enumerate(evaluation.quotes, start=1):
            label = _("%(who)s: quote %(number)d") % {"who": evaluation.label, "number": number}
            rows.append([f"quotes.{evaluation.respondent}.{number}", label, quote, ""])
    # A quote is somebody's free text: as every download, a cell never runs as a formula.
    return "".join(spreadsheet_lines(rows, dialect=PLAIN))


def figures_stamp() -> str:
    """The line under a factsheet that is not a published edition: the date of its figures."""
    today = timezone.localdate()
    return _("Figures as of %(date)s") % {"date": today.strftime("%d-%m-%Y")}


def filename(*, period: str, scope: Scope, extension: str) -> str:
    """E.g. factsheet-2024-2025-gemeente-delft.pdf: ASCII, no spaces, no personal data."""
    from django.utils.text import slugify

    kind = {"all": "alle-regios", "region": "regio", "municipality": "gemeente", "school": "school"}[
        scope.kind
    ]
    parts = ["factsheet", period, kind] + ([slugify(scope.name)] if scope.kind != "all" else [])
    return "-".join(parts) + f".{extension}"
