"""Acceptance 1: for the demo data, 2024-2025, scope all, the staff page, the PDF and the CSV
show the figures of the seed factsheet (the seed factsheet, docs/process.md)."""

import csv
import io
import re

import pytest

from ..helpers import text_of_pdf, words

URL = "/rapportages/factsheet/{fmt}?periode=2024-2025&scope=alles"

# The seed's reasons with their counts, in its order.
SEED_REASONS = [
    ("Baldadig/overlastgevend gedrag", 337),
    ("Fysieke agressie", 236),
    ("Diefstal", 174),
    ("Digitaal grensoverschrijdend gedrag", 132),
    ("Schoolverzuim", 127),
]


def get(client, user, fmt=""):
    client.force_login(user)
    response = client.get(URL.format(fmt=fmt))
    assert response.status_code == 200
    return response


def assert_seed_figures(text: str):
    for figure in ("1.298", "212", "295", "95%", "114", "14", "72%", "93%"):
        assert re.search(rf"(?<![\d.]){re.escape(figure)}(?![\d%])", text), figure
    for label, count in SEED_REASONS:
        assert label in text
        assert re.search(rf"{re.escape(label)}\s+{count}\b", text), (label, count)


def test_the_page_shows_the_seed_figures(client, national_team_lead):
    text = words(get(client, national_team_lead).content.decode())

    assert_seed_figures(text)
    # The headline reads like the seed: the number of school interventions, then the schools.
    assert "1.298 interventies op 212 scholen" in text  # the seed's own words


def test_the_pdf_shows_the_seed_figures(client, national_team_lead):
    response = get(client, national_team_lead, "pdf/")

    assert response["Content-Type"] == "application/pdf"
    assert 'filename="factsheet-2024-2025-alle-regios.pdf"' in response["Content-Disposition"]
    text = text_of_pdf(response.content)
    for figure in ("1.298", "212", "295", "95%", "114", "14", "72%", "93%"):
        assert figure in text
    for label, count in SEED_REASONS:
        assert re.search(rf"{re.escape(label)} {count}\b", text), (label, count)


def test_the_csv_shows_the_seed_figures(client, national_team_lead):
    response = get(client, national_team_lead, "csv/")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
    header, body = rows[0], rows[1:]
    assert header[2:] == ["2024-2025", "2023-2024"]
    values = {row[0]: row[2] for row in body}
    assert values["interventions.school"] == "1298"
    assert values["schools"] == "212"
    assert values["interventions.neighbourhood"] == "295"
    assert values["restoration_pct"] == "95"
    assert values["care_referrals"] == "114"
    assert values["care_reports"] == "14"
    assert values["parent_contact_pct.school"] == "72"
    assert values["parent_contact_pct.neighbourhood"] == "93"
    reasons = [(row[1], int(row[2])) for row in body if row[0].startswith("top_reasons.")]
    assert reasons == SEED_REASONS


@pytest.mark.parametrize("fmt", ["", "pdf/", "csv/"])
def test_every_published_format_compares_with_the_previous_school_year(client, national_team_lead, fmt):
    json_figures = get(client, national_team_lead, "json/").json()
    previous = json_figures["previous"]
    assert previous["period"] == "2023-2024"
    assert previous["interventions"]["school"] != 1298

    response = get(client, national_team_lead, fmt)
    content = text_of_pdf(response.content) if fmt == "pdf/" else response.content.decode()
    assert "2023-2024" in content
    shown = f"{previous['interventions']['school']:,}".replace(",", ".")
    assert (shown if fmt != "csv/" else str(previous["interventions"]["school"])) in content
