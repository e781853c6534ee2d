"""A whole intervention in a real browser: a team lead triages a new referral and assigns it, the
Halt professional does the work step by step and completes it; the file is then read-only and
the factsheet of that school year counts it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone
from playwright.sync_api import expect

from kansrijk.core.dates import SchoolYear
from kansrijk.interventions.tests.factories import make_referral

from .helpers import log_in, log_out, record_step, step_form

pytestmark = pytest.mark.browser


@pytest.fixture
def referral(frozen_clock, organisation_a):
    today = timezone.localdate()
    return make_referral(
        organisation=organisation_a,
        referral_date=today - dt.timedelta(days=9),
        incident_date=today - dt.timedelta(days=12),
        young_person_data={"first_name": "Sem", "last_name": "de Vries"},
        parents=[{"first_name": "Marieke", "last_name": "de Vries", "relation": "moeder"}],
        reasons=["disorderly_behaviour"],
        description="Gooide in de les een stoel om en schold de docent uit.",
    )


def test_it_walks_an_intervention_from_triage_to_the_factsheet(page, team_lead, caseworker, referral):
    # The team lead finds the new referral on "Mijn werk" and accepts it for Anna.
    log_in(page, team_lead)
    triage = page.get_by_role("region", name=re.compile("wachten op beoordeling"))
    triage.get_by_role("link", name="Sem de Vries").click()
    page.wait_for_url(re.compile(rf"/aanmeldingen/{referral.uuid}/$"))
    expect(page.get_by_role("heading", level=1, name="Sem de Vries")).to_be_visible()
    page.get_by_label("Toewijzen aan Halt-professional").select_option(label=caseworker.name)
    page.get_by_role("button", name="Accepteren en toewijzen").click()
    page.wait_for_url(re.compile(r"/interventies/[0-9a-f-]+/$"))
    expect(page.get_by_role("status")).to_contain_text("De aanmelding is geaccepteerd")
    file_url = page.url
    log_out(page)

    # Anna logs in and opens the file from her own list.
    log_in(page, caseworker)
    own = page.get_by_role("region", name=re.compile("Mijn lopende interventies"))
    own.get_by_role("link", name="Sem de Vries").click()
    page.wait_for_url(file_url)
    header = page.locator("#dossier-kop")
    expect(header).to_contain_text("Aangemeld")
    expect(header).to_contain_text(caseworker.name)

    today = timezone.localdate()

    def plan_intake(form):
        form.get_by_label("Datum van de intake").fill(today.isoformat())
        form.get_by_label("Tijd van de intake").fill("14:00")

    record_step(page, "De intake plannen", plan_intake, "Intake plannen", "De intake is gepland.")
    expect(header).to_contain_text("Intake gepland")

    def record_intake(form):
        form.get_by_label("Plaats").fill("Spreekkamer op school")
        form.get_by_label("Marieke de Vries, moeder").check()

    record_step(
        page,
        "De intake vastleggen",
        record_intake,
        "Intake vastleggen",
        "De intake is vastgelegd; de interventie is in uitvoering.",
    )
    expect(header).to_contain_text("In uitvoering")

    for mode in ("Telefonisch", "Face-to-face"):

        def parent_contact(form, mode=mode):
            form.get_by_label("Ouder of verzorger").select_option(label="Marieke de Vries, moeder")
            form.get_by_label("Manier van contact").select_option(label=mode)

        record_step(
            page,
            "Oudercontact vastleggen",
            parent_contact,
            "Contact vastleggen",
            "Het oudercontact is vastgelegd.",
        )

    record_step(
        page,
        "Onderdeel plannen",
        lambda form: form.get_by_label("Onderdeel").select_option(label="Reflectie"),
        "Onderdeel plannen",
        "Het onderdeel is gepland.",
    )

    def restoration(form):
        form.get_by_label("Soort herstel").select_option(label="Excuusbrief")
        form.get_by_label("Notitie (niet verplicht)").fill("Brief aan de docent overhandigd.")

    record_step(
        page, "Herstelactie vastleggen", restoration, "Herstel vastleggen", "De herstelactie is vastgelegd."
    )

    # Referring to care needs consent: the young person's and, under 16, a parent's with authority.
    for person in ("De jongere", "Marieke de Vries, moeder"):

        def consent(form, person=person):
            form.get_by_label("Toestemming voor").select_option(label="Doorverwijzing naar hulpverlening")
            form.get_by_label("Gegeven door").select_option(label=person)

        record_step(
            page, "Toestemming vastleggen", consent, "Toestemming vastleggen", "De toestemming is vastgelegd."
        )
    expect(page.get_by_role("region", name="Toestemming")).to_contain_text(
        "Doorverwijzing naar hulpverlening: gegeven"
    )

    def care_referral(form):
        form.get_by_label("Soort hulp").select_option(label="Jeugdhulp")
        form.get_by_label("Organisatie (niet verplicht)").fill("Jeugdteam Den Haag Centrum")

    record_step(
        page,
        "Doorverwijzing naar hulp vastleggen",
        care_referral,
        "Doorverwijzing vastleggen",
        "De doorverwijzing naar hulp is vastgelegd.",
    )

    timeline = page.get_by_role("region", name="Tijdlijn")
    expect(timeline).to_contain_text("Telefonisch")
    expect(timeline).to_contain_text("Face-to-face")
    expect(timeline).to_contain_text("Reflectie")
    expect(timeline).to_contain_text("Brief aan de docent overhandigd.")
    expect(timeline).to_contain_text("Jeugdteam Den Haag Centrum")

    record_step(
        page,
        "De interventie afronden",
        lambda form: form.get_by_label("Interventie was voldoende").check(),
        "Afronden",
        "De interventie is afgerond.",
    )

    # Closed: the header says so, and no step is offered any more, also after a reload.
    page.reload()
    expect(header).to_contain_text("Afgerond")
    expect(header).to_contain_text("Dit dossier is gesloten en kan niet meer worden gewijzigd.")
    expect(page.get_by_role("region", name="Vastleggen")).to_contain_text("Dit dossier is gesloten")
    expect(page.locator("details")).to_have_count(0)
    # The only forms left record a withdrawal of consent, a right that holds after the end too.
    expect(page.locator("main form:not(.consent__form)")).to_have_count(0)
    expect(page.locator("main form.consent__form")).to_have_count(2)
    expect(step_form(page, "Oudercontact vastleggen")).to_have_count(0)

    # The factsheet of the referral's school year, as exact JSON for staff with the permission
    # for it (without, its one intervention would be "<5"), counts the file.
    caseworker.user.user_permissions.add(Permission.objects.get(codename="view_exact_figures"))
    period = SchoolYear.containing(referral.referral_date)
    response = page.request.get(
        f"/rapportages/factsheet/json/?periode={period}&scope=school&brin={referral.school.brin}"
    )
    assert response.ok
    figures = response.json()
    assert figures["period"] == str(period)
    assert figures["interventions"] == {"school": 1, "neighbourhood": 0, "total": 1}
    assert figures["schools"] == 1
    assert figures["restoration_pct"] == 100
    assert figures["care_referrals"] == 1
    assert figures["parent_contact_pct"]["school"] == 100
    assert figures["top_reasons"] == [
        {"code": "disorderly_behaviour", "label": "Baldadig/overlastgevend gedrag", "count": 1}
    ]
