"""Acceptance 3: "Publiceren" freezes a factsheet. The edition's figures and PDF stay byte for
byte what they were after the cases of that year change, and the page shows the difference."""

import datetime as dt
import hashlib
import re

import pytest

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions import services
from kansrijk.reports.models import PublishedEdition

from .helpers import factsheet_url, school_interventions, text_of_pdf, words

REGION = {"scope": "regio", "naam": "Haaglanden"}


@pytest.fixture
def region_with_cases(school_a, caseworker_a, team_lead_a):
    """Twelve school interventions in region A, six of them with parent contact."""
    people = {"professional": caseworker_a, "team_lead": team_lead_a}
    school_interventions(school_a, 6, parent_contacts=["phone"], **people)
    return school_interventions(school_a, 6, status="in_progress", **people)


def _publish(client, user):
    client.force_login(user)
    return client.post(factsheet_url("publiceren/"), {"periode": "2024-2025", "bevestigd": "ja", **REGION})


def test_publishing_stores_the_figures_and_the_pdf_with_date_and_publisher(
    client, team_lead_a, region_with_cases
):
    response = _publish(client, team_lead_a)

    assert response.status_code == 302
    edition = PublishedEdition.objects.get()
    assert edition.region is not None
    assert (edition.period, edition.scope_kind, edition.region.name) == ("2024-2025", "region", "Haaglanden")
    assert edition.figures["interventions"]["school"] == 12
    assert edition.figures["parent_contact_pct"]["school"] == 50
    assert edition.published_by == team_lead_a
    assert edition.published_by_name == team_lead_a.get_username()
    assert bytes(edition.pdf).startswith(b"%PDF-")
    assert edition.pdf_sha256 == hashlib.sha256(bytes(edition.pdf)).hexdigest()
    assert "12" in text_of_pdf(bytes(edition.pdf))
    audit = AuditEvent.objects.get(event="factsheet_published")
    assert (audit.actor, audit.subject_id) == (team_lead_a, str(edition.uuid))


def test_the_edition_stays_byte_identical_after_the_cases_change(
    client, team_lead_a, caseworker_a, school_a, region_with_cases
):
    _publish(client, team_lead_a)
    edition = PublishedEdition.objects.get()
    pdf_url = f"/rapportages/edities/{edition.uuid}/pdf/"
    published_pdf = client.get(pdf_url).content
    published_figures = edition.figures

    # The cases of that school year change: three more interventions, more parent contact.
    school_interventions(school_a, 3, parent_contacts=["digital"], professional=caseworker_a)
    for intervention in region_with_cases:
        services.intervention_record_parent_contact(
            intervention=intervention, by=caseworker_a, mode="face_to_face", date=intervention.referral_date
        )

    edition.refresh_from_db()
    assert client.get(pdf_url).content == published_pdf
    assert hashlib.sha256(published_pdf).hexdigest() == edition.pdf_sha256
    assert edition.figures == published_figures
    # Today's figures did change, so publishing again would give another PDF.
    assert client.get(factsheet_url("json/", **REGION)).json()["interventions"]["school"] == 15


def test_the_page_shows_where_todays_figures_differ_from_the_published_ones(
    client, team_lead_a, caseworker_a, school_a, region_with_cases
):
    _publish(client, team_lead_a)
    page = words(client.get(factsheet_url(**REGION)).content.decode())
    assert "12 " in page and not re.search(r"12 15\b", page)

    school_interventions(school_a, 3, professional=caseworker_a)

    markup = client.get(factsheet_url(**REGION)).content.decode()
    table = re.search(r'<table class="table factsheet-differences">.*?</table>', markup, re.S)
    assert table is not None
    differences = words(table.group(0))
    # The number of school interventions: 12 as published, 15 today; the share of school
    # interventions with parent contact: 50% then, 40% now.
    assert re.search(r"\b12 15\b", differences)
    assert "50% 40%" in differences


def test_the_page_lists_the_editions_with_their_pdf(client, team_lead_a, region_with_cases):
    _publish(client, team_lead_a)
    edition = PublishedEdition.objects.get()

    markup = client.get(factsheet_url(**REGION)).content.decode()

    assert f"/rapportages/edities/{edition.uuid}/pdf/" in markup
    assert "factsheet-differences" not in markup  # nothing changed since


def test_a_caseworker_may_read_but_not_publish(client, caseworker_a, region_with_cases):
    client.force_login(caseworker_a)
    page = client.get(factsheet_url(**REGION)).content.decode()

    assert 'action="/rapportages/factsheet/publiceren/"' not in page
    assert _publish(client, caseworker_a).status_code == 403
    assert not PublishedEdition.objects.exists()


def test_a_relationship_manager_publishes_their_municipality_but_not_another(
    client, relationship_manager_a, municipality_b, school_a
):
    client.force_login(relationship_manager_a)
    mine = client.post(
        factsheet_url("publiceren/"),
        {"periode": "2024-2025", "scope": "gemeente", "naam": "Den Haag", "bevestigd": "ja"},
    )
    other = client.post(
        factsheet_url("publiceren/"),
        {"periode": "2024-2025", "scope": "gemeente", "naam": "Enschede", "bevestigd": "ja"},
    )

    assert mine.status_code == 302
    assert other.status_code == 404
    assert list(PublishedEdition.objects.values_list("municipality__name", flat=True)) == ["Den Haag"]


def test_publishing_needs_a_post(client, team_lead_a, region_with_cases):
    client.force_login(team_lead_a)

    assert client.get(factsheet_url("publiceren/", **REGION)).status_code == 405
    assert not PublishedEdition.objects.exists()


def test_an_edition_of_another_scope_answers_404(
    client, team_lead_a, relationship_manager_a, region_with_cases
):
    _publish(client, team_lead_a)
    edition = PublishedEdition.objects.get()
    client.force_login(relationship_manager_a)  # Den Haag only, not the region

    assert client.get(f"/rapportages/edities/{edition.uuid}/pdf/").status_code == 404
    assert client.get("/rapportages/edities/not-a-uuid/pdf/").status_code == 404


def test_publishing_asks_for_confirmation_first_and_stores_nothing_until_then(
    client, team_lead_a, region_with_cases
):
    client.force_login(team_lead_a)
    page = client.get(factsheet_url(""), {"periode": "2024-2025", **REGION}).content.decode()
    assert "Publiceren…" in page

    asked = client.post(factsheet_url("publiceren/"), {"periode": "2024-2025", **REGION})

    assert asked.status_code == 200
    text = asked.content.decode()
    assert "Factsheet publiceren?" in text and "niet meer worden gewijzigd of ingetrokken" in text
    assert 'name="bevestigd" value="ja"' in text
    assert not PublishedEdition.objects.exists()
    assert _publish(client, team_lead_a).status_code == 302
    assert PublishedEdition.objects.count() == 1


def test_a_school_year_that_has_not_ended_cannot_be_published(
    client, team_lead_a, region_with_cases, time_machine
):
    time_machine.move_to(dt.datetime(2025, 7, 31, 12, 0, tzinfo=dt.UTC), tick=False)
    client.force_login(team_lead_a)
    page = client.get(factsheet_url(""), {"periode": "2024-2025", **REGION}).content.decode()

    refused = client.post(
        factsheet_url("publiceren/"), {"periode": "2024-2025", "bevestigd": "ja", **REGION}, follow=True
    )

    assert "Publiceren…" not in page and "kunt u publiceren zodra het voorbij is" in page
    assert "2024-2025 eindigt op 31-07-2025" in refused.content.decode()
    assert not PublishedEdition.objects.exists()
