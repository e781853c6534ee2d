"""Browser tests: Playwright drives Debian's chromium against pytest-django's live server.

Playwright cannot download browsers here, so the tests launch the system's /usr/bin/chromium
(`.ci/run` installs it with apt-get). Without it the tests skip locally, with the reason in the
summary; in CI (the variable CI set) a missing browser fails them, so that a green run always
means the pages were really driven.

The clock is set to a fixed morning (ticking on from there) so that every date, "days open" and
school year on the pages, and with them the screenshots in docs/screenshots/, are the same on
every run.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect, sync_playwright

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.accounts.tests.helpers import PASSWORD

from .helpers import NOW, VIEWPORT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _missing_browser() -> str:
    """Why the browser tests cannot run here, or "" when they can."""
    # Playwright itself is a pinned requirement (requirements/dev.txt): without it the install
    # is broken, and the import errors say so.
    if not os.access(CHROMIUM, os.X_OK):
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    return ""


@pytest.fixture(scope="module")
def browser():
    """One headless chromium per test module, with Playwright's event loop alive only meanwhile.

    Playwright's sync API keeps an asyncio loop running in this thread, and Django refuses
    database access from a thread with a running loop; DJANGO_ALLOW_ASYNC_UNSAFE lifts that for
    as long as the browser lives, and no longer, so the rest of the suite keeps the check.
    """
    reason = _missing_browser()
    if reason:
        if in_ci():
            pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
        pytest.skip(f"browser tests need a browser: {reason}")

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        expect.set_options(timeout=10_000)
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def frozen_clock():
    with time_machine.travel(NOW, tick=True):
        yield NOW


@pytest.fixture
def page(browser, live_server, frozen_clock):
    """A fresh browser window (no cookies) in Dutch, 1280 × 900, on the live server."""
    context = browser.new_context(
        base_url=live_server.url,
        viewport=VIEWPORT,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@dataclass(frozen=True)
class Staff:
    user: User
    device: TOTPDevice

    @property
    def name(self) -> str:
        return self.user.get_full_name()


def _staff(username: str, first_name: str, last_name: str, role: str, region) -> Staff:
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        first_name=first_name,
        last_name=last_name,
        role=role,
        region=region,
    )
    # A confirmed authenticator app: the test computes its codes as the phone would.
    device = TOTPDevice.objects.create(user=user, name="Telefoon", confirmed=True)
    return Staff(user, device)


@pytest.fixture
def team_lead(frozen_clock, region_a):
    return _staff("tineke", "Tineke", "Jansen", Role.TEAM_LEAD, region_a)


@pytest.fixture
def caseworker(frozen_clock, region_a):
    return _staff("anna", "Anna", "de Boer", Role.CASEWORKER, region_a)


@pytest.fixture
def caseworker2(frozen_clock, region_a):
    return _staff("ahmed", "Ahmed", "Yilmaz", Role.CASEWORKER, region_a)


@pytest.fixture
def privacy_staff(frozen_clock):
    return _staff("petra", "Petra", "Visser", Role.PRIVACY_OFFICER, None)


@pytest.fixture
def caseload(frozen_clock, organisation_a, team_lead, caseworker, caseworker2):
    """The region's files in every state (caseload.py), most of them the caseworker's."""
    from .caseload import make_caseload

    return make_caseload(
        organisation=organisation_a, team_lead=team_lead, caseworker=caseworker, caseworker2=caseworker2
    )


@pytest.fixture
def just_completed(frozen_clock, organisation_a, caseworker, team_lead):
    """A file completed two days ago: its evaluation invitations are still open."""
    from kansrijk.interventions.tests.factories import make_intervention

    today = timezone.localdate()
    return make_intervention(
        status="completed",
        organisation=organisation_a,
        professional=caseworker.user,
        team_lead=team_lead.user,
        referral_date=today - dt.timedelta(days=40),
        intake_date=today - dt.timedelta(days=30),
        end_date=today - dt.timedelta(days=2),
        young_person_data={"first_name": "Sem", "last_name": "de Vries"},
    )
