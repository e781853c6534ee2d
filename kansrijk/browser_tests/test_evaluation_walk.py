"""Evaluations in a real browser: the professional prints the young
person's invitation, the young person opens its link, answers and sends, and sees the thank-you
page; the team lead anonymises and approves the quote; it appears on the factsheet page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .helpers import log_in, log_out

pytestmark = pytest.mark.browser

QUESTIONS = (
    "Ik weet nu hoe ik anders kan reageren.",
    "Halt luisterde naar mij.",
    "De gesprekken met Halt hebben mij geholpen.",
)


def invitation_path(page, intervention) -> str:
    """Print the young person's invitation from the file; the path of the link on it."""
    page.goto(f"/interventies/{intervention.uuid}/")
    page.get_by_role("link", name="Uitnodiging met QR-code printen").click()
    expect(page.get_by_role("heading", level=1, name="Sem, hoe was het bij Halt?")).to_be_visible()
    expect(page.locator(".evaluation-print__qr svg")).to_be_visible()
    return urlsplit(page.locator(".evaluation-print__url").inner_text().strip()).path


def test_it_walks_an_evaluation_from_the_link_to_the_factsheet(page, caseworker, team_lead, just_completed):
    log_in(page, caseworker)
    path = invitation_path(page, just_completed)
    log_out(page)

    # The young person opens the link: no login, only a first name.
    page.goto(path)
    expect(page.get_by_role("heading", level=1, name="Hoe was het bij Halt?")).to_be_visible()
    expect(page.get_by_text("Hoi Sem,")).to_be_visible()
    expect(page.get_by_text("de Vries")).to_have_count(0)
    for question in QUESTIONS:
        page.get_by_role("group", name=question).get_by_label("5 · Klopt helemaal").check()
    page.get_by_label("Wat wil je nog tegen Halt zeggen?").fill(
        "Ik heb van Anna geleerd dat ik eerst moet nadenken voordat ik iets doe."
    )
    page.get_by_label("Halt mag mijn antwoord gebruiken in een verslag, zonder mijn naam.").check()
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_url(re.compile(r"/evaluatie/bedankt/$"))
    expect(page.get_by_role("heading", level=1, name="Bedankt!")).to_be_visible()

    # The link works once.
    page.goto(path)
    expect(page.get_by_role("heading", level=1, name="Deze vragenlijst is al ingevuld")).to_be_visible()

    # The team lead takes the name out and approves the quote.
    log_in(page, team_lead)
    page.goto("/evaluaties/citaten/")
    review = page.locator("article").filter(has_text="Ik heb van Anna geleerd")
    review.get_by_label("Citaat zoals het in de factsheet komt").fill(
        "Ik heb geleerd dat ik eerst moet nadenken voordat ik iets doe."
    )
    review.get_by_role("button", name="Citaat goedkeuren").click()
    expect(page.get_by_role("status")).to_contain_text("Het citaat is goedgekeurd")

    school = just_completed.school
    page.goto(f"/rapportages/factsheet/?periode=2025-2026&scope=school&brin={school.brin}")
    quotes = page.get_by_role("region", name="Citaten")
    expect(quotes).to_contain_text("Jongeren en ouders zeggen")
    expect(quotes).to_contain_text("“Ik heb geleerd dat ik eerst moet nadenken voordat ik iets doe.”")
    expect(page.get_by_text("Ik heb van Anna geleerd")).to_have_count(0)
