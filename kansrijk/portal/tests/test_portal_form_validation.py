"""The referral form: each kind of bad input gets its own Dutch message, and nothing is stored
. A good referral is stored with everything it said, primary reason first."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions.tests.factories import database_state
from kansrijk.referrals.models import Referral
from kansrijk.referrals.tests.portal import birth_date_for, form_data, incident_day


def _state():
    state = database_state()
    # Django's own table, unused, and ours (SESSION_ENGINE, kansrijk/accounts/sessions.py);
    # the expiry moves with each request.
    del state["sessions.Session"], state["accounts.UserSession"]
    return state


@pytest.fixture
def browser(client, referrer_a):
    client.force_login(referrer_a)
    return client


def _post(browser, data):
    return browser.post(reverse("portal:new"), data)


def test_it_stores_a_good_referral_and_shows_its_reference(browser, referrer_a, organisation_a, school_a):
    response = _post(browser, form_data())

    referral = Referral.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:submitted", args=[referral.uuid])
    confirmation = browser.get(response["Location"]).content.decode()
    assert referral.reference in confirmation
    assert "Aanmelding ingediend" in confirmation
    assert referral.organisation == organisation_a
    assert referral.referred_by == referrer_a
    assert referral.type == "school" and referral.school == school_a
    assert [r.code for r in referral.reasons.all()] == ["physical_aggression", "bullying"]
    assert referral.primary_reason == "physical_aggression"
    assert referral.incident_date == incident_day()
    assert referral.referral_date == timezone.localdate()
    assert (referral.has_victim, referral.youth_informed, referral.parents_informed) == (True, True, False)
    assert referral.other_care_description == "Wijkteam"
    assert referral.young_person.school_class == "2B"
    assert [(p.first_name, p.phone) for p in referral.young_person.parents.all()] == [
        ("Marieke", "06-12345678")
    ]


PLAIN_TEXT = "Gebruik gewone tekst op één regel, zonder regeleinden of stuurtekens."
AGE_RANGE = "Halt werkt met jongeren van 10 tot en met 23 jaar."
BAD_INPUT = [
    pytest.param(
        {"birth_date": birth_date_for(9).isoformat()},
        "birth_date",
        "De jongere was 9 jaar op de datum van het voorval. " + AGE_RANGE,
        id="too-young",
    ),
    pytest.param(
        {"birth_date": birth_date_for(24).isoformat(), "parent1_phone": ""},
        "birth_date",
        "De jongere was 24 jaar op de datum van het voorval. " + AGE_RANGE,
        id="too-old",
    ),
    pytest.param(
        {"incident_date": (timezone.localdate() + dt.timedelta(days=1)).isoformat()},
        "incident_date",
        "De datum van het voorval kan niet in de toekomst liggen.",
        id="incident-in-future",
    ),
    pytest.param(
        {"incident_date": ""}, "incident_date", "Vul in op welke datum het gebeurde.", id="no-incident-date"
    ),
    pytest.param(
        {"incident_date": "32-13-2025"},
        "incident_date",
        "Vul de datum in als dag-maand-jaar, bijvoorbeeld 14-03-2026.",
        id="incident-date-not-a-date",
    ),
    pytest.param(
        {"primary_reason": "", "other_reasons": []},
        "primary_reason",
        "Kies ten minste één reden; de belangrijkste reden eerst.",
        id="no-reason",
    ),
    pytest.param(
        {"parent1_phone": "", "parent1_email": ""},
        "parent1_phone",
        "De jongere is jonger dan 18: geef een telefoonnummer of e-mailadres van ten minste één "
        "ouder of verzorger.",
        id="under-18-parents-unreachable",
    ),
    pytest.param(
        {"youth_informed": None},
        "youth_informed",
        "Geef aan of de jongere van de aanmelding weet.",
        id="youth-informed-unanswered",
    ),
    pytest.param(
        {"parents_informed": None},
        "parents_informed",
        "Geef aan of de ouders van de aanmelding weten.",
        id="parents-informed-unanswered",
    ),
    pytest.param({"first_name": ""}, "first_name", "Vul de voornaam van de jongere in.", id="no-first-name"),
    pytest.param(
        {"birth_date": ""}, "birth_date", "Vul de geboortedatum van de jongere in.", id="no-birth-date"
    ),
    pytest.param({"description": ""}, "description", "Beschrijf wat er is gebeurd.", id="no-description"),
    pytest.param(
        {"other_care_description": ""},
        "other_care_description",
        "Geef aan welke andere hulp betrokken is.",
        id="other-care-unnamed",
    ),
    pytest.param(
        {"parent1_email": "marieke-at-example"},
        "parent1_email",
        "Voer een geldig e-mailadres in.",
        id="bad-e-mail",
    ),
    pytest.param(
        {"parent1_first_name": "Marieke\r\n\r\nLog in op https://evil.example/halt"},
        "parent1_first_name",
        PLAIN_TEXT,
        id="parent-name-with-line-breaks-and-a-link",
    ),
    pytest.param({"school_class": "2B\u202e"}, "school_class", PLAIN_TEXT, id="class-with-a-bidi-override"),
]


@pytest.mark.parametrize(("changes", "field", "message"), BAD_INPUT)
def test_it_refuses_bad_input_with_a_dutch_message_and_stores_nothing(browser, changes, field, message):
    before = _state()

    response = _post(browser, form_data(**changes))

    assert response.status_code == 200
    form = response.context["form"]
    assert [str(error) for error in form.errors[field]] == [message]
    assert message in response.content.decode()
    assert _state() == before


def test_it_lets_an_adult_be_referred_without_a_parent(browser):
    response = _post(
        browser,
        form_data(
            birth_date=birth_date_for(19).isoformat(),
            parent1_first_name="",
            parent1_last_name="",
            parent1_relation="",
            parent1_phone="",
        ),
    )

    assert response.status_code == 302
    assert Referral.objects.get().young_person.parents.count() == 0


def test_it_reminds_of_the_legal_absence_report_when_school_absence_is_chosen(browser):
    form_page = browser.get(reverse("portal:new")).content.decode()
    response = _post(browser, form_data(primary_reason="school_absence"))
    confirmation = browser.get(response["Location"]).content.decode()
    plain = _post(browser, form_data())
    plain_confirmation = browser.get(plain["Location"]).content.decode()

    notice = "vervangt niet de verzuimmelding die de school wettelijk moet doen"
    assert 'id="school-absence-notice" data-reason="school_absence"' in form_page
    assert notice in form_page
    assert notice in confirmation
    assert notice not in plain_confirmation


def test_it_offers_the_neighbourhoods_of_a_partner_in_the_neighbourhood(client, municipality_a):
    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import Neighbourhood, ReferrerOrganisation

    Neighbourhood.objects.create(name="Moerwijk", municipality=municipality_a)
    team = ReferrerOrganisation.objects.create(
        name="Wijkteam Escamp", kind="neighbourhood_team", municipality=municipality_a
    )
    worker = User.objects.create_user(username="wijk", password="x", role=Role.REFERRER, organisation=team)
    client.force_login(worker)

    response = client.post(
        reverse("portal:new"), form_data(neighbourhood="Moerwijk", birth_date=birth_date_for(16).isoformat())
    )

    referral = Referral.objects.get()
    assert response.status_code == 302
    assert referral.type == "neighbourhood"
    assert referral.neighbourhood is not None
    assert referral.neighbourhood.name == "Moerwijk"
    assert referral.school is None
