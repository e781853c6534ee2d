"""Acceptance 5: the PDF opens, has one or two A4 pages and contains the figures."""

import io

import pypdf
import pytest

from kansrijk.core.dates import SchoolYear
from kansrijk.reports.factsheet import factsheet_document
from kansrijk.reports.published import FactsheetFigures
from kansrijk.reports.render import factsheet_pdf
from kansrijk.reports.scope import Scope
from kansrijk.reports.selectors import relationship_manager_for

A4_POINTS = (595, 842)


@pytest.mark.parametrize(
    "scope",
    [lambda: Scope.all(), lambda: Scope.for_region("Haaglanden"), lambda: Scope.for_municipality("Delft")],
    ids=["all", "region", "municipality"],
)
def test_it_renders_one_or_two_a4_pages_with_the_figures(demo, scope):
    scope = scope()
    document = factsheet_document(period=SchoolYear.parse("2024-2025"), scope=scope)

    pdf = factsheet_pdf(document=document, scope=scope, stamp="test")

    assert pdf.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == A4_POINTS
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "2024-2025" in text
    # As published: Delft's 19 school interventions are hidden beside its 4 in the neighbourhood.
    figures = FactsheetFigures(document)
    assert (figures.school.shown or "–") in text
    assert figures.neighbourhood.shown in text
    assert document["top_reasons"][0]["label"] in text


def test_it_names_the_relationship_manager_of_the_region_as_contact(demo):
    scope = Scope.for_region("Haaglanden")
    contact = relationship_manager_for(scope=scope)
    document = factsheet_document(period=SchoolYear.parse("2024-2025"), scope=scope)

    pdf = factsheet_pdf(document=document, scope=scope, contact=contact, stamp="test")

    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert contact is not None and contact.username == "relatiemanager"
    assert contact.get_full_name() in text
    assert contact.email in text
