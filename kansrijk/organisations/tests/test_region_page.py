"""The public page of a region: no login, the text the administrator wrote, the contact person,
and an "Aanmelden" button into the portal."""

import pytest
from django.urls import reverse

from kansrijk.organisations.models import RegionPage


@pytest.fixture
def page(region_a):
    return RegionPage.objects.create(
        region=region_a,
        slug="haaglanden",
        title="Haaglanden",
        introduction="Halt helpt jongeren in Haaglanden.",
        for_whom="Voor jongeren van 10 tot en met 23 jaar.",
        why="Hoe eerder, hoe beter.",
        approach="Eerst een gesprek.\n\nDan leeropdrachten.",
        parents="Ouders doen mee.",
        ending="We kijken of het genoeg was.",
        how_to_refer="Meld aan via Kansrijk.",
        contact_name="Naima Haddou",
        contact_phone="06 - 0000 0001",
        contact_email="haaglanden@halt.example.nl",
    )


def test_it_shows_the_text_and_the_contact_person_without_login(client, page):
    response = client.get(reverse("regions:page", args=["haaglanden"]))

    text = response.content.decode()
    assert response.status_code == 200
    for shown in (
        "Halt helpt jongeren in Haaglanden.",
        "<p>Eerst een gesprek.</p>",
        "<p>Dan leeropdrachten.</p>",
        "Voor wie is het?",
        "Hoe is de afronding?",
        "Naima Haddou",
        'href="tel:06-00000001"',
        "haaglanden@halt.example.nl",
    ):
        assert shown in text


def test_the_aanmelden_button_leads_to_the_login_and_on_to_the_referral_form(client, page, referrer_a):
    text = client.get(reverse("regions:page", args=["haaglanden"])).content.decode()
    login = reverse("login") + "?next=" + reverse("portal:new").replace("/", "%2F")

    assert f'<a class="button" href="{login}">Jongere aanmelden</a>' in text
    response = client.post(login, {"username": "rik", "password": "correct-horse-battery"})
    assert response["Location"] == reverse("portal:new")


def test_it_links_both_privacy_statements(client, page):
    text = client.get(reverse("regions:page", args=["haaglanden"])).content.decode()
    assert f'href="{reverse("privacy_statement_current", args=["jongeren"])}"' in text
    assert f'href="{reverse("privacy_statement_current", args=["ouders"])}"' in text


def test_an_unpublished_or_unknown_page_is_not_found(client, page):
    page.is_published = False
    page.save()
    assert client.get(reverse("regions:page", args=["haaglanden"])).status_code == 404
    assert client.get(reverse("regions:page", args=["nergens"])).status_code == 404
    assert "Haaglanden" not in client.get(reverse("regions:list")).content.decode()


def test_the_list_links_every_published_page(client, page):
    text = client.get(reverse("regions:list")).content.decode()
    assert f'href="{reverse("regions:page", args=["haaglanden"])}"' in text


def test_the_page_text_is_escaped(client, page):
    page.why = "<script>alert(1)</script>"
    page.save()
    text = client.get(reverse("regions:page", args=["haaglanden"])).content.decode()
    assert "<script>alert(1)</script>" not in text
