"""The demo runs with DEBUG=true; a page a role may not see, or an address that does not exist,
is still Kansrijk's Dutch 404 page there, never Django's technical page with the URL patterns."""

import uuid
from pathlib import Path

from django.contrib.staticfiles import finders

from kansrijk.interventions.tests.factories import make_intervention


def _is_kansrijks_page(response) -> bool:
    text = response.content.decode()
    return "Pagina niet gevonden" in text and "URLconf" not in text and "urlpatterns" not in text


def test_a_file_of_another_region_is_the_dutch_404_in_the_demo(client, settings, caseworker_a, caseworker_b):
    settings.DEBUG = True
    other = make_intervention(status="in_progress", professional=caseworker_b)
    client.force_login(caseworker_a)

    response = client.get(f"/interventies/{other.uuid}/")
    missing = client.get(f"/interventies/{uuid.uuid4()}/")

    assert response.status_code == missing.status_code == 404
    assert _is_kansrijks_page(response) and _is_kansrijks_page(missing)


def test_an_address_that_matches_nothing_is_the_dutch_404_in_the_demo(client, settings, caseworker_a):
    settings.DEBUG = True
    client.force_login(caseworker_a)

    response = client.get("/bestaat-niet/")

    assert response.status_code == 404
    assert _is_kansrijks_page(response)


def test_a_missing_trailing_slash_is_still_redirected(client, settings, caseworker_a):
    settings.DEBUG = True
    client.force_login(caseworker_a)

    assert client.get("/interventies").status_code == 301


def test_every_page_has_kansrijks_icon(client, settings):
    page = client.get("/inloggen/").content.decode()

    assert 'rel="icon"' in page and "favicon" in page
    icon = page.split('rel="icon" href="')[1].split('"')[0]
    assert icon.startswith(settings.STATIC_URL if settings.STATIC_URL.startswith("/") else "/static/")
    found = finders.find(icon.removeprefix("/static/"))
    assert found and "<svg" in Path(str(found)).read_text()
