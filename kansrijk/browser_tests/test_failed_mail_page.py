"""A team lead finds the region's undeliverable e-mails from "Mijn werk"; the page reads on a
desktop and on a phone without horizontal scrolling and passes axe."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kansrijk.outbox.constants import MailKind, MailStatus
from kansrijk.outbox.models import OutgoingMail

from .helpers import accessibility_violations, log_in

pytestmark = pytest.mark.browser

OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


def test_the_team_lead_reaches_the_undelivered_mails_on_desktop_and_phone(page, team_lead, region_a):
    for reference, error in (
        ("HALT-2026-0107", "SMTPRecipientsRefused 550"),
        ("HALT-2026-0108", "TimeoutError"),
    ):
        OutgoingMail.objects.create(
            kind=MailKind.REFERRAL_ACCEPTED,
            region=region_a,
            reference=reference,
            to="weg@example.org",
            subject="Uw aanmelding is geaccepteerd",
            body="tekst",
            status=MailStatus.FAILED,
            attempts=8,
            failed_at=timezone.now(),
            last_error=error,
        )
    log_in(page, team_lead)

    page.get_by_role("link", name="E-mails die niet bezorgd konden worden").click()
    expect(
        page.get_by_role("heading", level=1, name="E-mails die niet bezorgd konden worden")
    ).to_be_visible()
    expect(page.get_by_role("cell", name="HALT-2026-0107")).to_be_visible()
    expect(page.get_by_text("weg@example.org")).to_have_count(0)
    blocking, _other = accessibility_violations(page)
    overflow = {}
    for width, height in ((1280, 800), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        overflow[width] = page.evaluate(OVERFLOW)

    assert not blocking, blocking
    assert overflow == {1280: 0, 390: 0}
