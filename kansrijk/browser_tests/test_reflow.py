"""At 200% zoom (a 1280-pixel screen seen 640 pixels wide) or on a small tablet, the pages reflow:
nothing needs a horizontal scrollbar; wide tables scroll inside their own focusable region."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .helpers import log_in

pytestmark = pytest.mark.browser

ZOOMED = {"width": 640, "height": 900}
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
OPEN_ALL_STEPS = "details => details.forEach(element => { element.open = true; })"


def test_it_needs_no_horizontal_scrolling_at_200_percent_zoom(page, team_lead, caseload):
    page.set_viewport_size(ZOOMED)
    log_in(page, team_lead)
    overflow = {"Mijn werk": page.evaluate(OVERFLOW)}

    page.goto(f"/interventies/{caseload.in_progress.uuid}/")
    expect(page.get_by_role("heading", level=1, name="Sem de Vries")).to_be_visible()
    overflow["file"] = page.evaluate(OVERFLOW)
    page.locator("details").evaluate_all(OPEN_ALL_STEPS)
    overflow["file, every step form open"] = page.evaluate(OVERFLOW)

    page.goto(f"/aanmeldingen/{caseload.waiting.uuid}/")
    expect(page.get_by_role("heading", level=1, name="Noor Bakker")).to_be_visible()
    overflow["triage"] = page.evaluate(OVERFLOW)

    page.goto("/interventies/")
    page.wait_for_url(re.compile(r"/interventies/$"))
    overflow["search list"] = page.evaluate(OVERFLOW)

    too_wide = {name: pixels for name, pixels in overflow.items() if pixels > 0}
    assert not too_wide, f"pixels wider than the 640-pixel window: {too_wide}"
