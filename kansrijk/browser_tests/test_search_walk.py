"""A team lead searches the interventions list by a young person's name in a real browser: the
name is found, and no address the browser asks for (nor its Referer, nor its history) holds it
(kansrijk/core/search.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import log_in

pytestmark = pytest.mark.browser

NAME = "Sem de Vries"


def _holds_name(text: str) -> bool:
    flat = text.lower().replace("+", " ").replace("%20", " ")
    return "de vries" in flat or "sem" in re.split(r"[^a-z]+", flat)


def test_a_search_by_name_finds_the_file_and_keeps_the_name_out_of_every_address(page, team_lead, caseload):
    asked = []
    page.on("request", lambda request: asked.append((request.url, request.headers.get("referer", ""))))
    log_in(page, team_lead)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Interventies").click()
    page.wait_for_url(re.compile(r"/interventies/$"))

    page.get_by_label("Zoek op naam of kenmerk").fill(NAME)
    page.get_by_label("Status").select_option(label="Lopend")
    page.get_by_role("button", name="Zoeken", exact=True).click()

    # The structured filters stay in the address; the text is a token.
    page.wait_for_url(re.compile(r"/interventies/\?status=open&sort=-referral_date&zoekopdracht=[\w-]+$"))
    results = page.get_by_role("region", name=re.compile("interventie"))
    expect(results.get_by_role("link", name=NAME)).to_be_visible()
    for link in results.get_by_role("link").all():
        assert "de Vries" in link.inner_text()
    expect(page.get_by_label("Zoek op naam of kenmerk")).to_have_value(NAME)
    export = page.get_by_role("link", name="Deze lijst exporteren naar CSV")
    assert re.fullmatch(
        r"/interventies/export\.csv\?status=open&sort=-referral_date&zoekopdracht=[\w-]+",
        export.get_attribute("href"),
    )

    results.get_by_role("link", name=NAME).click()
    page.wait_for_url(re.compile(rf"/interventies/{caseload.in_progress.uuid}/$"))
    page.go_back()
    page.wait_for_url(re.compile(r"zoekopdracht="))
    # Back in the history the list still searches for the name: the token is in the session.
    expect(page.get_by_label("Zoek op naam of kenmerk")).to_have_value(NAME)
    expect(page.get_by_role("link", name=NAME)).to_be_visible()

    assert asked
    leaked = [(url, referer) for url, referer in asked if _holds_name(url) or _holds_name(referer)]
    assert not leaked, leaked
