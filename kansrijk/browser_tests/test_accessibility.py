"""An axe-core scan of every page a Halt professional works on finds nothing serious or critical:
the login and its second step, "Mijn werk", the referrals and triage, the search list, the
intervention file in every state with all its step forms opened (and with a form's errors
shown), the reports, and the evaluation pages (the printed invitation, the questionnaire, the
quotes to review)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from kansrijk.accounts.tests.helpers import totp_code
from kansrijk.conftest import ensure_privacy_statements

from .helpers import accessibility_violations, enter_code, enter_password, log_out, step_form

pytestmark = pytest.mark.browser

OPEN_ALL_STEPS = "details => details.forEach(element => { element.open = true; })"


@pytest.fixture
def privacy_pages(frozen_clock):
    # In the live server's database, flushed between tests (kansrijk/conftest.py).
    ensure_privacy_statements()


def test_it_finds_no_serious_accessibility_violations(
    page, team_lead, caseload, organisation_a, privacy_staff, just_completed, privacy_pages
):
    scans: dict[str, tuple[list[str], list[str]]] = {}

    def scan(name: str) -> None:
        scans[name] = accessibility_violations(page)

    # The privacy statements, public and linked from every page's footer.
    page.goto("/")
    page.wait_for_url(re.compile(r"/inloggen/"))
    page.get_by_role("link", name="Privacy voor jongeren").click()
    expect(page.get_by_role("heading", level=1, name="Wat Halt over jou opschrijft")).to_be_visible()
    scan("privacy statement for young people")
    page.goto("/privacy/")
    scan("privacy statements")

    page.goto("/")
    page.wait_for_url(re.compile(r"/inloggen/"))
    scan("login")
    enter_password(page, team_lead.user.username)
    scan("second factor")
    enter_code(page, team_lead)
    expect(page.get_by_role("link", name="Noor Bakker")).to_be_visible()
    scan("Mijn werk (team lead, a referral waiting)")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Aanmeldingen").click()
    page.wait_for_url(re.compile(r"/aanmeldingen/$"))
    scan("referrals")
    page.get_by_role("link", name="Noor Bakker").click()
    page.wait_for_url(re.compile(r"/aanmeldingen/[0-9a-f-]+/$"))
    expect(page.get_by_role("button", name="Accepteren en toewijzen")).to_be_visible()
    scan("triage")

    page.goto("/interventies/")
    scan("search list")
    page.get_by_label("Status").select_option(label="Lopend")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    page.wait_for_url(re.compile(r"status=open"))
    scan("search list, filtered")

    for state, intervention in caseload.files.items():
        page.goto(f"/interventies/{intervention.uuid}/")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        page.locator("details").evaluate_all(OPEN_ALL_STEPS)
        scan(f"file {state}, every step form open")

    # A step sent without its required field comes back with the error beside the field (the
    # browser's own check is switched off, as in a browser without it, to reach the server's).
    page.goto(f"/interventies/{caseload.in_progress.uuid}/")
    component = step_form(page, "Onderdeel plannen")
    component.locator("summary").click()
    component.locator("form").evaluate("form => { form.noValidate = true; }")
    component.get_by_role("button", name="Onderdeel plannen").click()
    expect(page.locator(".field--error")).to_have_count(1)
    page.locator("details").evaluate_all(OPEN_ALL_STEPS)
    scan("file in_progress, a form with an error")

    school = organisation_a.school
    page.goto(f"/rapportages/factsheet/?periode=2025-2026&scope=school&brin={school.brin}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    scan("factsheet")
    page.goto("/rapportages/sturingsinformatie/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    scan("management figures")

    # The evaluation pages: the printed invitation of a completed file, the
    # questionnaire behind its link (as sent, with its errors, the thank-you page, the link used
    # again) and the team lead's quotes to review.
    page.goto(f"/interventies/{just_completed.uuid}/")
    scan("file completed, with its evaluations")
    page.get_by_role("link", name="Uitnodiging met QR-code printen").click()
    expect(page.locator(".evaluation-print__qr svg")).to_be_visible()
    scan("printed invitation")
    link = urlsplit(page.locator(".evaluation-print__url").inner_text().strip()).path
    page.goto(link)
    scan("questionnaire")
    page.get_by_role("button", name="Versturen").click()
    expect(page.locator(".field--error")).to_have_count(3)
    scan("questionnaire with errors")
    for group in page.locator("fieldset").all():
        group.get_by_label("4 · Klopt").check()
    page.get_by_label("Wat wil je nog tegen Halt zeggen?").fill("Het gesprek was fijn.")
    page.get_by_label("Halt mag mijn antwoord gebruiken in een verslag, zonder mijn naam.").check()
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_url(re.compile(r"/evaluatie/bedankt/$"))
    scan("thank you")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    scan("questionnaire already filled in")
    page.goto("/evaluaties/citaten/")
    expect(page.get_by_role("button", name="Citaat goedkeuren")).to_be_visible()
    scan("quotes to review")

    page.goto(f"/interventies/{caseload.in_progress.uuid}/bekeken/")
    expect(page.get_by_role("heading", level=1, name="Wie heeft dit dossier bekeken")).to_be_visible()
    scan("who viewed the file")
    for path, name in (
        ("/account/", "account"),
        ("/account/wachtwoord/", "password change"),
        ("/account/herstelcodes/", "new recovery codes"),
    ):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        scan(name)
    page.get_by_label("Uw huidige wachtwoord").fill("wrong")
    page.get_by_role("button", name="Nieuwe codes aanvragen").click()
    expect(page.locator(".field--error")).to_have_count(1)
    scan("new recovery codes, a wrong password")

    # The audit log is the privacy officer's.
    log_out(page)
    enter_password(page, privacy_staff.user.username)
    page.get_by_label("Code").fill(totp_code(privacy_staff.device))
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(re.compile(r"/$"))
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Auditlog").click()
    page.wait_for_url(re.compile(r"/auditlog/$"))
    expect(page.get_by_role("heading", level=1, name="Auditlog")).to_be_visible()
    scan("audit log")
    page.get_by_label("Van").fill("2026-03-05")
    page.get_by_label("Tot en met").fill("2026-03-01")
    page.get_by_role("button", name="Zoeken", exact=True).click()
    expect(page.locator(".field--error")).to_have_count(1)
    scan("audit log, a filter with an error")

    report = "\n".join(
        f"{name}: {len(blocking)} serious/critical, {len(other)} other"
        + "".join(f"\n    {line}" for line in blocking + other)
        for name, (blocking, other) in scans.items()
    )
    print(report)
    blocking = [line for found, _other in scans.values() for line in found]
    assert not blocking, "serious or critical accessibility violations:\n" + "\n".join(blocking)
    # Landmarks are unique (a section and its table's scrolling wrapper once shared a name).
    repeated = [line for _found, other in scans.values() for line in other if "landmark-unique" in line]
    assert not repeated, "landmarks with the same role and name:\n" + "\n".join(repeated)
