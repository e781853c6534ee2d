"""Charts of the factsheet, drawn by pygal as SVG.

Every chart has a table with the same figures beside it on the page and in the PDF; the chart
itself is an <img> whose alt text says what it shows. Small numbers are left out of the chart
as they are out of the table: a bar would show the exact count that "<5" (or "–") hides.
"""

from __future__ import annotations

import base64

import pygal
from django.utils.formats import number_format
from django.utils.translation import gettext
from pygal.style import Style

from .published import Figure

# Halt-like colours: the dark blue of the headings, the warm accent of the figures.
HALT_BLUE = "#00386b"
HALT_ACCENT = "#e8710a"

_STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1d1d1b",
    foreground_strong="#1d1d1b",
    foreground_subtle="#d9d9d9",
    colors=(HALT_BLUE,),
    value_colors=("#ffffff",),
    font_family="DejaVu Sans, Arial, sans-serif",
    label_font_size=17,
    major_label_font_size=17,
    value_font_size=17,
    value_label_font_size=17,
    tooltip_font_size=17,
    # pygal's default (64) would not fit the chart's height.
    no_data_font_size=17,
)


def reasons_chart(reasons: list[Figure]) -> str:
    """A horizontal bar chart of the top reasons as SVG text, the most frequent at the top."""
    shown = [figure for figure in reasons if not figure.hidden and figure.value is not None]
    chart = pygal.HorizontalBar(
        style=_STYLE,
        width=560,
        height=40 + 48 * max(len(reasons), 2),
        # Every count hidden (small numbers): say so in the reader's language, not "No data".
        no_data_text=gettext("No reason is frequent enough to show"),
        show_legend=False,
        show_y_guides=False,
        show_x_guides=False,
        show_x_labels=False,
        print_values=True,
        print_values_position="center",
        value_formatter=lambda value: number_format(value, force_grouping=True),
        margin=8,
        spacing=6,
        # No script and no external file: the SVG is shown as an image and printed to PDF.
        js=[],
        disable_xml_declaration=False,
    )
    # pygal draws the first value at the bottom; reverse so the list reads from the top.
    ordered = list(reversed(reasons))
    chart.x_labels = [figure.label for figure in ordered]
    if shown:
        chart.add(
            "",
            [None if figure.hidden or figure.value is None else figure.value for figure in ordered],
        )
    return chart.render(is_unicode=True)


def as_data_uri(svg: str) -> str:
    """The SVG as a data: URI for an <img>: the page needs no second request and no inline SVG
    (whose <style> a strict Content-Security-Policy would block), and WeasyPrint reads it as is."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
