"""The privacy officer handles a young person's requests in the browser: finds them by
name, registers an access request, downloads the PDF, records the answer; registers an erasure
request and erases. Every page and form is scanned with axe-core on the way, errors shown too."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from playwright.sync_api import expect

from kansrijk.accounts.tests.helpers import totp_code
from kansrijk.people.models import YoungPerson

from .helpers import accessibility_violations, enter_password, screenshot

pytestmark = pytest.mark.browser


def test_the_privacy_officer_handles_access_and_erasure(page, privacy_staff, just_completed):
    person = just_completed.referral.young_person
    scans: dict[str, tuple[list[str], list[str]]] = {}

    def scan(name: str) -> None:
        scans[name] = accessibility_violations(page)

    enter_password(page, privacy_staff.user.username)
    page.get_by_label("Code").fill(totp_code(privacy_staff.device))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/$"))
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Privacyverzoeken").click()
    expect(page.get_by_role("heading", level=1, name="Privacyverzoeken")).to_be_visible()
    scan("register, empty")

    page.get_by_role("link", name="Verzoek registreren").click()
    page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("Vul ten minste één van de velden in.")
    scan("find the person, nothing filled in")
    page.get_by_label("Achternaam").fill(person.last_name)
    page.get_by_role("button", name="Zoeken", exact=True).click()
    # The name was posted: the address holds no name.
    assert person.last_name.split()[-1] not in page.url
    scan("find the person, found")
    page.get_by_role("link", name=f"Verzoek registreren over {person.full_name}").click()

    # Register an access request.
    page.get_by_role("button", name="Verzoek registreren").click()
    expect(page.locator(".field--error")).to_have_count(2)
    scan("register a request, with errors")
    page.get_by_label("Inzage").check()
    page.get_by_label("De betrokkene zelf").check()
    page.get_by_role("button", name="Verzoek registreren").click()
    expect(page.get_by_role("status")).to_contain_text("is geregistreerd")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Inzage: verzoek AVG-2026-0001")
    scan("access request")
    screenshot(page, "privacyverzoek")

    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als pdf").click()
    pdf = download.value
    assert pdf.suggested_filename == "inzage-AVG-2026-0001.pdf"
    text = " ".join(
        p.extract_text() for p in pypdf.PdfReader(io.BytesIO(open(pdf.path(), "rb").read())).pages
    )
    assert person.first_name in text and "Wie uw gegevens heeft bekeken of gewijzigd" in text

    answer = page.locator("form").filter(has=page.get_by_role("button", name="Vastleggen als afgehandeld"))
    answer.get_by_label("Afgewezen").check()
    answer.get_by_role("button", name="Vastleggen als afgehandeld").click()
    expect(page.get_by_role("alert")).to_contain_text("Leg uit waarom")
    scan("access request, answer with an error")
    answer = page.locator("form").filter(has=page.get_by_role("button", name="Vastleggen als afgehandeld"))
    answer.get_by_label("Toegewezen", exact=True).check()
    answer.get_by_label("Wat er is gedaan, of waarom niet").fill("Per post verstuurd.")
    answer.get_by_role("button", name="Vastleggen als afgehandeld").click()
    expect(page.get_by_role("status")).to_contain_text("vastgelegd als afgehandeld")
    expect(page.get_by_role("link", name="Downloaden als pdf")).to_have_count(0)

    # An erasure request: the file is closed, so the data can go.
    page.goto(f"/privacyverzoeken/nieuw/jongere/{person.uuid}/")
    page.get_by_label("Verwijdering").check()
    page.get_by_label("Een ouder met gezag, namens de jongere").check()
    page.get_by_role("button", name="Verzoek registreren").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verwijdering: verzoek AVG-2026-0002")
    scan("erasure request")
    page.get_by_role("button", name="Gegevens wissen").click()
    expect(page.locator(".field--error")).to_have_count(1)
    scan("erasure request, not confirmed")
    page.get_by_label(re.compile("Ik heb gecontroleerd")).check()
    page.get_by_role("button", name="Gegevens wissen").click()
    expect(page.get_by_role("status")).to_contain_text("De persoonsgegevens zijn gewist")
    expect(page.get_by_text("De persoonsgegevens van deze persoon zijn verwijderd.")).to_be_visible()
    assert YoungPerson.objects.get(pk=person.pk).first_name == ""

    page.get_by_role("link", name="Terug naar de privacyverzoeken").click()
    expect(page.get_by_role("cell", name="AVG-2026-0002")).to_be_visible()
    scan("register, two requests")

    blocking = [line for found, _other in scans.values() for line in found]
    assert not blocking, "serious or critical accessibility violations:\n" + "\n".join(blocking)
