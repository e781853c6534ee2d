"""The staff page: picking a school year and scope, its download links and its chart."""

import re

import pytest

from .helpers import factsheet_url, school_interventions, text_of_pdf


@pytest.fixture
def logged_in(client, team_lead_a, school_a):
    client.force_login(team_lead_a)
    return client


def test_without_a_scope_it_opens_the_first_scope_the_user_may_see(logged_in):
    response = logged_in.get("/rapportages/")
    assert response.status_code == 302
    response = logged_in.get(response["Location"])

    assert response.status_code == 302
    assert re.search(
        r"/rapportages/factsheet/\?periode=\d{4}-\d{4}&scope=regio&naam=Haaglanden$", response["Location"]
    )


def test_the_picker_answers_with_the_canonical_address(logged_in):
    response = logged_in.get("/rapportages/factsheet/?periode=2023-2024&keuze=school:12AB")

    assert response.status_code == 302
    assert response["Location"] == "/rapportages/factsheet/?periode=2023-2024&scope=school&brin=12AB"


def test_the_picker_offers_only_what_the_user_may_see(logged_in, school_b):
    page = logged_in.get(factsheet_url(scope="regio", naam="Haaglanden")).content.decode()

    assert 'value="school:12AB"' in page
    assert 'value="gemeente:Den Haag"' in page
    assert school_b.brin not in page
    assert "Enschede" not in page
    assert 'value="alles:"' not in page


def test_a_picked_scope_out_of_reach_answers_404(logged_in, school_b):
    assert logged_in.get(f"/rapportages/factsheet/?keuze=school:{school_b.brin}").status_code == 404


def test_the_download_links_carry_the_same_period_and_scope(logged_in):
    page = logged_in.get(factsheet_url(scope="school", brin="12AB")).content.decode()

    for fmt in ("pdf", "csv", "json"):
        assert (
            f'href="/rapportages/factsheet/{fmt}/?periode=2024-2025&amp;scope=school&amp;brin=12AB"' in page
        )


def test_the_chart_is_an_svg_image_from_the_site_with_a_text_alternative(logged_in, school_a):
    school_interventions(school_a, 6)
    page = logged_in.get(factsheet_url(scope="school", brin="12AB")).content.decode()

    match = re.search(r"<img [^>]*>", page)
    assert match is not None
    image = match.group(0)
    assert (
        'src="/rapportages/factsheet/redenen.svg?periode=2024-2025&amp;scope=school&amp;brin=12AB"' in image
    )
    assert re.search(r'alt="[^"]{20,}"', image)
    svg = logged_in.get("/rapportages/factsheet/redenen.svg?periode=2024-2025&scope=school&brin=12AB")
    assert svg["Content-Type"].startswith("image/svg+xml")
    body = svg.content.decode()
    assert body.lstrip().startswith("<?xml") and "<svg" in body
    assert "pygal" in body  # drawn by the charting library
    assert ">6<" in body  # the bar's value
    assert body.count('class="rect reactive') == 1  # one bar


def test_the_chart_leaves_out_bars_the_small_number_rule_hides(logged_in, school_a):
    school_interventions(school_a, 3)

    body = logged_in.get(
        "/rapportages/factsheet/redenen.svg?periode=2024-2025&scope=school&brin=12AB"
    ).content
    assert b">3<" not in body
    assert b'class="rect reactive' not in body  # no bar
    assert b"Baldadig/overlastgevend gedrag" in body  # but the reason is named


def test_the_page_sends_no_inline_script_or_style(logged_in, school_a):
    page = logged_in.get(factsheet_url(scope="school", brin="12AB")).content.decode()

    assert "<script>" not in page and "<script " not in page.replace('<script src="', "")
    assert "style=" not in page
    assert "<style" not in page


def test_the_page_speaks_the_users_language_and_the_pdf_stays_dutch(logged_in, school_a, settings):
    school_interventions(school_a, 5)
    logged_in.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = logged_in.get(factsheet_url(scope="school", brin="12AB")).content.decode()
    pdf = text_of_pdf(logged_in.get(factsheet_url("pdf/", scope="school", brin="12AB")).content)

    assert "Disorderly behaviour" in page and "Baldadig/overlastgevend gedrag" not in page
    assert "Baldadig/overlastgevend gedrag" in pdf


def test_a_schools_factsheet_speaks_of_this_school_and_has_no_neighbourhood_tile(logged_in, school_a):
    school_interventions(school_a, 8)

    school = logged_in.get(factsheet_url(scope="school", brin="12AB")).content.decode()
    region = logged_in.get(factsheet_url(scope="regio", naam="Haaglanden")).content.decode()

    assert "schoolinterventies op deze school" in school
    assert "scholen</p>" not in school.split("factsheet__headline")[1].split("</section>")[0]
    assert "interventies in de wijk" not in school
    assert "interventies in de wijk" in region
