"""What the browser tests do as a person does: log in, open a step on the file, record, look.

Locators go by role and label (what a screen reader announces), in Dutch, the default language:
a test that finds a field by its label also proves the label is there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from kansrijk.accounts.tests.helpers import PASSWORD, totp_code

# The clock of the browser tests (conftest.py): a Tuesday morning in term time, so that dates a
# few months back fall in school year 2025-2026.
NOW = dt.datetime(2026, 3, 17, 9, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
VIEWPORT = {"width": 1280, "height": 900}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

# What axe calls serious or critical keeps people out; moderate and minor findings are reported
# by the scan but do not fail it.
BLOCKING_IMPACTS = frozenset({"serious", "critical"})


def enter_password(page: Page, username: str) -> None:
    """The first step: username and password on the login page."""
    page.goto("/")
    page.wait_for_url(re.compile(r"/inloggen/"))
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/inloggen/tweestaps/"))


def enter_code(page: Page, staff) -> None:
    """The second step: the six digits the authenticator app shows now; lands on "Mijn werk"."""
    page.get_by_label("Code").fill(totp_code(staff.device))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/werk/$"))
    expect(page.get_by_role("heading", level=1, name="Mijn werk")).to_be_visible()


def log_in(page: Page, staff) -> None:
    enter_password(page, staff.user.username)
    enter_code(page, staff)


def log_out(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(re.compile(r"/inloggen/$"))
    expect(page.get_by_role("heading", level=1, name="Inloggen")).to_be_visible()


def step_form(page: Page, title: str) -> Locator:
    """One folded step on the intervention file (a <details> whose summary is `title`)."""
    return page.locator("details").filter(has=page.locator("summary").get_by_text(title, exact=True))


def record_step(page: Page, title: str, fill: Callable[[Locator], object], button: str, done: str) -> None:
    """Open the step `title`, fill it in, send it, and wait until the file says `done`.

    The step posts with HTMX, which replaces the forms and the timeline: the sent form being
    gone is the sign that the answer has arrived (the same message may still be on screen from
    the step before).
    """
    step = step_form(page, title)
    step.locator("summary").click()
    fill(step)
    sent = step.element_handle()
    step.get_by_role("button", name=button, exact=True).click()
    sent.wait_for_element_state("hidden")
    expect(page.get_by_role("status").filter(has_text=done)).to_be_visible()


def screenshot(page: Page, name: str) -> Path:
    """The whole page as docs/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True, animations="disabled", caret="hide")
    return path


def accessibility_violations(page: Page) -> tuple[list[str], list[str]]:
    """An axe-core scan of the page as it is now: (blocking violations, the others), as lines.

    Each line names the page, the rule, its impact and the elements it found.
    """
    results = Axe().run(page)
    blocking: list[str] = []
    other: list[str] = []
    for violation in results.response["violations"]:
        targets = ", ".join(" ".join(map(str, node["target"])) for node in violation["nodes"])
        line = f"{page.url}: {violation['id']} ({violation['impact']}): {targets}"
        (blocking if violation["impact"] in BLOCKING_IMPACTS else other).append(line)
    return blocking, other
