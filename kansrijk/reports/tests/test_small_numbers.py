"""Acceptance 2: a factsheet of one school with small counts shows "<5" and no percentage in
HTML, PDF and CSV, and the exact figures in the JSON for holders of the exact-figures
permission (factsheet.md §5; the JSON for everyone else: test_exact_figures.py)."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Permission

from .helpers import factsheet_url, school_interventions, text_of_pdf, words


@pytest.fixture
def three_interventions(school_a, caseworker_a, team_lead_a):
    """Three school interventions at school_a: two with parent contact, none with restoration,
    one with a referral to care. Exact: 3 interventions, parent contact 67%, restoration 0%."""
    people = {"professional": caseworker_a, "team_lead": team_lead_a}
    school_interventions(school_a, 1, parent_contacts=["phone"], care_referrals=["youth_care"], **people)
    school_interventions(school_a, 1, parent_contacts=["face_to_face"], **people)
    school_interventions(school_a, 1, **people)
    return school_a


def _page(client, user, fmt=""):
    client.force_login(user)
    response = client.get(factsheet_url(fmt, scope="school", brin="12AB"))
    assert response.status_code == 200
    return response


def test_the_json_has_the_exact_figures(client, team_lead_a, three_interventions):
    team_lead_a.user_permissions.add(Permission.objects.get(codename="view_exact_figures"))
    figures = _page(client, team_lead_a, "json/").json()

    assert figures["interventions"] == {"school": 3, "neighbourhood": 0, "total": 3}
    assert figures["schools"] == 1
    assert figures["restoration_pct"] == 0
    assert figures["care_referrals"] == 1
    assert figures["parent_contact_pct"] == {"school": 67, "neighbourhood": None}
    assert figures["top_reasons"] == [
        {"code": "disorderly_behaviour", "label": "Baldadig/overlastgevend gedrag", "count": 3}
    ]


def test_the_page_shows_small_counts_as_less_than_five_and_no_percentages(
    client, team_lead_a, three_interventions
):
    markup = _page(client, team_lead_a).content.decode()
    factsheet = re.search(r'<article class="factsheet">.*</article>', markup, flags=re.S)
    assert factsheet is not None
    text = words(factsheet.group(0))

    assert "<5 schoolinterventies op deze school" in text
    assert "67%" not in text
    assert "0%" not in text
    assert not re.search(r"(?<![\d.<\-])3(?![\d.\-])", re.sub(r"\d{4}-\d{4}", "", text))


def test_the_pdf_shows_small_counts_as_less_than_five_and_no_percentages(
    client, team_lead_a, three_interventions
):
    text = text_of_pdf(_page(client, team_lead_a, "pdf/").content)

    assert "<5" in text
    assert "%" not in text.replace("(%)", "")
    assert not re.search(r"(?<![\d.<\-])3(?![\d.\-])", re.sub(r"\d{4}-\d{4}", "", text))


def test_the_csv_shows_small_counts_as_less_than_five_and_no_percentages(
    client, team_lead_a, three_interventions
):
    rows = list(csv.reader(io.StringIO(_page(client, team_lead_a, "csv/").content.decode())))
    values = {row[0]: row[2] for row in rows[1:]}

    assert values["interventions.school"] == "<5"
    assert values["interventions.total"] == "<5"
    assert values["schools"] == "<5"
    assert values["care_referrals"] == "<5"
    assert values["top_reasons.disorderly_behaviour"] == "<5"
    # Zero is no small number: it points at nobody.
    assert values["interventions.neighbourhood"] == "0"
    assert values["care_reports"] == "0"
    assert values["restoration_pct"] == ""
    assert values["parent_contact_pct.school"] == ""
    assert "3" not in {value for key, value in values.items()}
