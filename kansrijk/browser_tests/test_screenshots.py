"""The browser tests write screenshots of the main pages to docs/screenshots/ (the README shows
them): full pages at 1280 pixels wide, in Dutch, with invented people on a fixed date."""

from __future__ import annotations

import re
import struct

import pytest
from playwright.sync_api import expect

from .caseload import make_caseload, make_finished_files
from .helpers import VIEWPORT, enter_code, enter_password, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def caseload(frozen_clock, organisation_a, team_lead, caseworker, caseworker2):
    make_finished_files(organisation=organisation_a, team_lead=team_lead, caseworker2=caseworker2)
    return make_caseload(
        organisation=organisation_a, team_lead=team_lead, caseworker=caseworker, caseworker2=caseworker2
    )


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_it_writes_screenshots_of_the_main_pages(page, team_lead, caseload, organisation_a):
    written = {}

    def take(name: str) -> None:
        # The page is rendered and Dutch, not an error page, before it is kept.
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.mouse.move(0, 0)  # no hover effect from the last click
        path = screenshot(page, name)
        written[name] = path.read_bytes()

    page.goto("/")
    page.wait_for_url(re.compile(r"/inloggen/"))
    # The field the page focuses on load, focused in every picture however fast the machine.
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()
    take("login")

    enter_password(page, team_lead.user.username)
    enter_code(page, team_lead)
    expect(page.get_by_role("link", name="Noor Bakker")).to_be_visible()
    take("mijn-werk")

    page.get_by_role("link", name="Noor Bakker").click()
    page.wait_for_url(re.compile(r"/aanmeldingen/[0-9a-f-]+/$"))
    take("triage")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Interventies").click()
    page.wait_for_url(re.compile(r"/interventies/$"))
    expect(page.get_by_role("link", name="Sem de Vries")).to_be_visible()
    take("zoeken")

    page.get_by_role("link", name="Sem de Vries").click()
    page.wait_for_url(re.compile(rf"/interventies/{caseload.in_progress.uuid}/$"))
    expect(page.get_by_role("region", name="Tijdlijn")).to_contain_text("Excuusbrief")
    take("dossier")

    page.goto(
        f"/rapportages/factsheet/?periode=2025-2026&scope=regio&naam={organisation_a.municipality.region.name}"
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("2025-2026")
    take("factsheet")

    assert sorted(written) == ["dossier", "factsheet", "login", "mijn-werk", "triage", "zoeken"]
    for name, data in written.items():
        width, height = _png_size(data)
        assert width == VIEWPORT["width"], name
        assert height >= VIEWPORT["height"], name
