"""A referrer's walk in Debian's chromium: the invited referrer chooses a
password, refers a young person and sees the referral as "Ingediend"; the team lead accepts it;
the referrer sees "Geaccepteerd". The new pages pass the axe scan on the way."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kansrijk.accounts import services as account_services

from .helpers import accessibility_violations, log_in, log_out, screenshot

pytestmark = pytest.mark.browser

NEW_PASSWORD = "zeven-kikkers-op-een-rij"  # noqa: S105 - a test password


def _fill_referral(page) -> None:
    young = page.get_by_role("group", name="De jongere")
    young.get_by_label("Voornaam").fill("Sven")
    young.get_by_label("Achternaam").fill("Mulder")
    young.get_by_label("Geboortedatum").fill("2012-05-01")
    young.get_by_label("Klas").fill("2B")
    parent = page.get_by_role("group", name="Ouder of verzorger 1")
    parent.get_by_label("Voornaam").fill("Ilse")
    parent.get_by_label("Relatie tot de jongere").fill("moeder")
    parent.get_by_label("Telefoonnummer").fill("06-12345678")
    page.get_by_label("Wanneer gebeurde het?").fill("2026-03-12")
    page.get_by_label("Wat is er gebeurd?").fill("Duwde een klasgenoot van de trap.")
    page.get_by_label("Belangrijkste reden").select_option(label="Fysieke agressie")
    page.get_by_role("group", name="Weet de jongere van deze aanmelding?").get_by_label("Ja").check()
    page.get_by_role("group", name="Weten de ouders of verzorgers van deze aanmelding?").get_by_label(
        "Ja"
    ).check()


def test_an_invited_referrer_refers_and_follows_the_decision(page, organisation_a, team_lead, caseworker):
    scans = {}
    _invitation, token = account_services.invitation_create(
        email="mentor@school.example.nl",
        first_name="Femke",
        last_name="Smit",
        organisation=organisation_a,
        by=team_lead.user,
    )

    page.goto(f"/uitnodiging/{token}/")
    expect(page.get_by_role("heading", level=1, name="Kies uw wachtwoord")).to_be_visible()
    scans["invitation"] = accessibility_violations(page)
    page.get_by_label("Wachtwoord", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Wachtwoord nog een keer").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    page.wait_for_url(re.compile(r"/verwijzer/aanmeldingen/$"))
    scans["my referrals, empty"] = accessibility_violations(page)

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Jongere aanmelden").click()
    page.wait_for_url(re.compile(r"/verwijzer/aanmelden/$"))
    # The school-absence reminder shows only while that reason is chosen.
    notice = page.locator("#school-absence-notice")
    expect(notice).to_be_hidden()
    page.get_by_label("Belangrijkste reden").select_option(label="Schoolverzuim")
    expect(notice).to_be_visible()
    page.get_by_label("Belangrijkste reden").select_option(value="")
    expect(notice).to_be_hidden()
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(page.locator(".field--error").first).to_be_visible()
    scans["referral form with errors"] = accessibility_violations(page)

    _fill_referral(page)
    screenshot(page, "aanmelden")
    page.get_by_role("button", name="Aanmelding versturen").click()
    page.wait_for_url(re.compile(r"/ingediend/$"))
    expect(page.get_by_role("heading", level=1, name="Aanmelding ingediend")).to_be_visible()
    match = re.search(r"AAN-\d{4}-\d{6}", page.locator("main").inner_text())
    assert match is not None
    reference = match.group(0)
    scans["confirmation"] = accessibility_violations(page)

    page.get_by_role("link", name="Naar mijn aanmeldingen").click()
    row = page.get_by_role("row").filter(has_text=reference)
    expect(row).to_contain_text("Ingediend")
    scans["my referrals"] = accessibility_violations(page)
    row.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1, name=f"Aanmelding {reference}")).to_be_visible()
    scans["referral status"] = accessibility_violations(page)
    log_out(page)

    log_in(page, team_lead)
    page.get_by_role("link", name="Sven Mulder").click()
    page.get_by_label("Toewijzen aan Halt-professional").select_option(label=caseworker.name)
    page.get_by_role("button", name="Accepteren en toewijzen").click()
    page.wait_for_url(re.compile(r"/interventies/[0-9a-f-]+/$"))
    page.goto("/verwijzers/uitnodigen/")
    expect(page.get_by_role("row").filter(has_text="mentor@school.example.nl")).to_contain_text(
        "Geaccepteerd"
    )
    scans["invite referrers"] = accessibility_violations(page)
    log_out(page)

    page.get_by_label("Gebruikersnaam").fill("mentor@school.example.nl")
    page.get_by_label("Wachtwoord").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/verwijzer/aanmeldingen/$"))
    expect(page.get_by_role("row").filter(has_text=reference)).to_contain_text("Geaccepteerd")
    screenshot(page, "mijn-aanmeldingen")

    blocking = [line for found, _other in scans.values() for line in found]
    assert not blocking, "serious or critical accessibility violations:\n" + "\n".join(blocking)


def test_the_public_region_page_passes_the_scan(page, region_a):
    from kansrijk.organisations.models import RegionPage

    RegionPage.objects.create(
        region=region_a,
        slug="haaglanden",
        title="Haaglanden",
        introduction="Halt helpt jongeren.",
        for_whom="Voor jongeren van 10 tot en met 23 jaar.",
        why="Hoe eerder, hoe beter.",
        approach="Eerst een gesprek.",
        parents="Ouders doen mee.",
        ending="We kijken of het genoeg was.",
        how_to_refer="Meld aan via Kansrijk.",
        contact_name="Naima Haddou",
        contact_phone="06 - 0000 0001",
    )
    page.goto("/regio/")
    page.get_by_role("link", name="Haaglanden").click()
    expect(page.get_by_role("heading", level=1, name="Haaglanden")).to_be_visible()
    blocking, _other = accessibility_violations(page)
    page.get_by_role("link", name="Jongere aanmelden").first.click()
    page.wait_for_url(re.compile(r"/inloggen/\?next="))
    assert not blocking, "\n".join(blocking)
