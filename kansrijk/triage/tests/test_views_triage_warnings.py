"""Triage shows each warning only when it applies: age outside 10–23 on the incident date, a
likely Halt-afdoening for a 12–17-year-old, school absence, and the same young person referred
in the last 12 months (with a link to that file when the user may see it)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions.tests.factories import make_referral
from kansrijk.people.models import YoungPerson

ENGLISH = {"accept-language": "en"}
ALL_WARNINGS = {"age", "halt_afdoening", "school_absence", "referred_before"}


def _years_before(day, years):
    return day.replace(year=day.year - years)


def _triage(client, user, referral):
    client.force_login(user)
    response = client.get(reverse("referrals:detail", args=[referral.uuid]), headers=ENGLISH)
    assert response.status_code == 200
    return response


def _warnings(response):
    """The warnings the page shows, by key, each with its text."""
    text = response.content.decode()
    shown = {}
    for key in ALL_WARNINGS:
        marker = f'data-warning="{key}"'
        if marker in text:
            # From this warning to the next one, or to the end of the section.
            rest = text.split(marker)[1]
            shown[key] = rest.split("data-warning=")[0].split("</section>")[0]
    assert set(shown) == {warning.key for warning in response.context["triage"].warnings}
    return shown


def test_it_shows_no_warnings_for_an_ordinary_referral(client, team_lead_a, organisation_a):
    referral = make_referral(organisation=organisation_a, reasons=["bullying", "verbal_aggression"])
    response = _triage(client, team_lead_a, referral)
    assert _warnings(response) == {}
    assert "Points of attention" not in response.content.decode()


@pytest.mark.parametrize(("age", "warned"), [(9, True), (10, False), (23, False), (24, True)])
def test_it_warns_when_the_age_on_the_incident_date_is_outside_10_to_23(
    client, team_lead_a, organisation_a, age, warned
):
    referral = make_referral(organisation=organisation_a)
    # The birth date was corrected after the referral came in (submitting refuses such ages).
    YoungPerson.objects.filter(pk=referral.young_person_id).update(
        birth_date=_years_before(referral.incident_date, age)
    )

    shown = _warnings(_triage(client, team_lead_a, referral))

    assert ("age" in shown) is warned
    if warned:
        assert f"was {age} years old on the date of the incident" in shown["age"]


def test_it_takes_the_age_on_the_incident_date_not_today(client, team_lead_a, organisation_a):
    referral_date = timezone.localdate() - dt.timedelta(days=30)
    incident_date = referral_date - dt.timedelta(days=20)
    # 23 on the incident date, 24 by the referral date: still within the range.
    birth_date = _years_before(incident_date - dt.timedelta(days=10), 24) + dt.timedelta(days=11)
    referral = make_referral(
        organisation=organisation_a,
        referral_date=referral_date,
        incident_date=incident_date,
        birth_date=birth_date,
    )
    response = _triage(client, team_lead_a, referral)
    assert response.context["triage"].age == 23
    assert "age" not in _warnings(response)


@pytest.mark.parametrize(
    ("age", "reasons", "warned"),
    [
        (14, ["theft"], True),
        (12, ["bullying", "vandalism"], True),
        (17, ["fireworks"], True),
        (11, ["theft"], False),
        (18, ["vandalism"], False),
        (14, ["bullying", "physical_aggression"], False),
    ],
)
def test_it_warns_of_a_likely_halt_afdoening_for_12_to_17_year_olds(
    client, team_lead_a, organisation_a, age, reasons, warned
):
    referral_date = timezone.localdate() - dt.timedelta(days=10)
    referral = make_referral(
        organisation=organisation_a,
        reasons=reasons,
        referral_date=referral_date,
        incident_date=referral_date,
        birth_date=_years_before(referral_date, age) - dt.timedelta(days=1),
    )
    shown = _warnings(_triage(client, team_lead_a, referral))
    assert ("halt_afdoening" in shown) is warned
    if warned:
        assert "Halt-afdoening" in shown["halt_afdoening"]


@pytest.mark.parametrize(
    ("reasons", "warned"), [(["bullying", "school_absence"], True), (["bullying"], False)]
)
def test_it_reminds_of_the_schools_absence_report(client, team_lead_a, organisation_a, reasons, warned):
    referral = make_referral(organisation=organisation_a, reasons=reasons)
    shown = _warnings(_triage(client, team_lead_a, referral))
    assert ("school_absence" in shown) is warned
    if warned:
        assert "leerplicht" in shown["school_absence"]


def test_it_links_to_the_file_of_an_earlier_referral_of_the_same_young_person(
    client, team_lead_a, caseworker_a, organisation_a
):
    today = timezone.localdate()
    earlier = make_referral(
        status="accepted",
        organisation=organisation_a,
        professional=caseworker_a,
        referral_date=today - dt.timedelta(days=200),
    )
    referral = make_referral(organisation=organisation_a, young_person=earlier.young_person)

    shown = _warnings(_triage(client, team_lead_a, referral))

    assert "referred before in the last 12 months" in shown["referred_before"]
    file_url = reverse("interventions:detail", args=[earlier.intervention.uuid])
    assert f'href="{file_url}"' in shown["referred_before"]
    assert earlier.intervention.reference in shown["referred_before"]


def test_it_recognises_the_same_young_person_registered_twice_by_name_and_birth_date(
    client, caseworker_a, organisation_a
):
    birth_date = dt.date(2011, 5, 17)
    person = {"first_name": "Noor", "last_name": "Bakker"}
    earlier = make_referral(
        organisation=organisation_a,
        birth_date=birth_date,
        young_person_data=person,
        referral_date=timezone.localdate() - dt.timedelta(days=120),
    )
    referral = make_referral(
        organisation=organisation_a,
        birth_date=birth_date,
        young_person_data={"first_name": "noor", "last_name": "BAKKER"},
    )
    assert referral.young_person_id != earlier.young_person_id

    # A caseworker may read triage too; an earlier referral not yet accepted links to its triage.
    shown = _warnings(_triage(client, caseworker_a, referral))

    assert f'href="{reverse("referrals:detail", args=[earlier.uuid])}"' in shown["referred_before"]


@pytest.mark.parametrize(
    "earlier_options",
    [
        # Same name, another date of birth: another young person.
        {
            "young_person_data": {"first_name": "Noor", "last_name": "Bakker"},
            "birth_date": dt.date(2011, 5, 18),
        },
        # The same young person, but more than 12 months before this referral.
        {"same_person": True, "days_before": 60 + 366},
    ],
    ids=["other-birth-date", "longer-ago"],
)
def test_it_does_not_warn_for_another_young_person_or_a_referral_longer_ago(
    client, team_lead_a, organisation_a, earlier_options
):
    options = dict(earlier_options)
    referral = make_referral(
        organisation=organisation_a,
        birth_date=dt.date(2011, 5, 17),
        young_person_data={"first_name": "Noor", "last_name": "Bakker"},
    )
    today = timezone.localdate()
    if options.pop("same_person", False):
        make_referral(
            organisation=organisation_a,
            young_person=referral.young_person,
            referral_date=today - dt.timedelta(days=options.pop("days_before")),
        )
    else:
        make_referral(organisation=organisation_a, **options)

    assert "referred_before" not in _warnings(_triage(client, team_lead_a, referral))


def test_it_mentions_a_referral_in_another_region_without_a_link_or_its_content(
    client, team_lead_a, organisation_a, organisation_b
):
    birth_date = dt.date(2011, 5, 17)
    person = {"first_name": "Noor", "last_name": "Bakker"}
    elsewhere = make_referral(
        status="accepted",
        organisation=organisation_b,
        birth_date=birth_date,
        young_person_data=person,
        description="Stole a bicycle in Enschede.",
        referral_date=timezone.localdate() - dt.timedelta(days=90),
    )
    referral = make_referral(organisation=organisation_a, birth_date=birth_date, young_person_data=person)

    response = _triage(client, team_lead_a, referral)
    shown = _warnings(response)

    assert "A referral in another region" in shown["referred_before"]
    assert "href" not in shown["referred_before"]
    text = response.content.decode()
    for hidden in (elsewhere.reference, elsewhere.intervention.reference, "Stole a bicycle", "Enschede"):
        assert hidden not in text
