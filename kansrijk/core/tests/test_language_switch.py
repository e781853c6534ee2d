"""Dutch by default; the language switch in the header changes to English and back."""

import pytest
from django.urls import reverse

from kansrijk.interventions.tests.factories import make_intervention


@pytest.fixture
def logged_in(client, caseworker_a, school_a):
    make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    client.force_login(caseworker_a)
    return client


def test_it_speaks_dutch_by_default(logged_in):
    text = logged_in.get(reverse("work")).content.decode()
    assert '<html lang="nl">' in text
    assert "In uitvoering" in text
    assert "Uitloggen" in text
    assert "Mijn werk" in text
    assert 'value="en" lang="en">English</button>' in text


def test_it_switches_to_english_and_back(logged_in):
    response = logged_in.post(reverse("set_language"), {"language": "en", "next": reverse("work")})
    assert response.status_code == 302
    assert response["Location"] == reverse("work")

    text = logged_in.get(reverse("work")).content.decode()
    assert '<html lang="en">' in text
    assert "My work" in text
    assert "In progress" in text
    assert "Log out" in text
    assert 'value="nl" lang="nl">Nederlands</button>' in text

    logged_in.post(reverse("set_language"), {"language": "nl", "next": reverse("work")})
    text = logged_in.get(reverse("work")).content.decode()
    assert '<html lang="nl">' in text
    assert "In uitvoering" in text


def test_it_offers_the_switch_on_the_login_page(client, db):
    text = client.get(reverse("login")).content.decode()
    assert f'action="{reverse("set_language")}"' in text
    assert 'name="next" value="/inloggen/"' in text
