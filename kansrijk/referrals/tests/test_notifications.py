"""E-mails: the region's team leads hear of a new referral, the referrer of acceptance and
rejection; each message is a link, without personal details, sent only after the commit."""

import pytest
from django.core import mail
from django.db import transaction

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.interventions.services import intervention_open
from kansrijk.interventions.tests.factories import make_referral
from kansrijk.portal.tests.test_portal_api_and_form_alike import intake_from_form
from kansrijk.referrals import services
from kansrijk.referrals.intake import intake_submit

PERSONAL = ("Daan", "Verbeek", "Marieke", "stoel", "06-12345678", "2B")


@pytest.fixture
def addresses(team_lead_a, team_lead_b, referrer_a, caseworker_a):
    for user, email in (
        (team_lead_a, "tineke@halt.example.nl"),
        (team_lead_b, "bea@halt.example.nl"),
        (referrer_a, "rik@school.example.nl"),
        (caseworker_a, "anna@halt.example.nl"),
    ):
        user.email = email
        user.save()


def _submit(organisation, referrer):
    return intake_submit(
        intake=intake_from_form(organisation), organisation=organisation, referred_by=referrer
    )


def test_the_regions_team_leads_hear_of_a_new_referral(
    addresses, organisation_a, referrer_a, django_capture_on_commit_callbacks
):
    User.objects.create_user(
        username="oud",
        email="oud@halt.example.nl",
        role=Role.TEAM_LEAD,
        region=referrer_a.organisation.region,
        is_active=False,
    )
    with django_capture_on_commit_callbacks(execute=True):
        referral = _submit(organisation_a, referrer_a)

    [message] = mail.outbox
    assert message.to == ["tineke@halt.example.nl"]
    assert message.subject == "Nieuwe aanmelding wacht op beoordeling"
    assert referral.reference in message.body
    assert f"/aanmeldingen/{referral.uuid}/" in message.body
    for detail in PERSONAL:
        assert detail not in message.body


def test_nothing_is_sent_when_the_transaction_is_rolled_back(
    addresses, organisation_a, referrer_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            _submit(organisation_a, referrer_a)
            transaction.set_rollback(True)

    assert callbacks == []
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("decide", "subject"),
    [
        ("accept", "Uw aanmelding is geaccepteerd"),
        ("reject", "Uw aanmelding is afgewezen"),
    ],
)
def test_the_referrer_hears_of_the_decision(
    addresses,
    organisation_a,
    referrer_a,
    team_lead_a,
    caseworker_a,
    decide,
    subject,
    django_capture_on_commit_callbacks,
):
    referral = _submit(organisation_a, referrer_a)
    with django_capture_on_commit_callbacks(execute=True):
        if decide == "accept":
            intervention_open(referral=referral, by=team_lead_a, professional=caseworker_a)
        else:
            services.referral_reject(
                referral=referral,
                by=team_lead_a,
                reason="care_sufficient",
                note="Wijkteam is al bezig met Daan",
            )

    [message] = mail.outbox
    assert message.to == ["rik@school.example.nl"]
    assert message.subject == subject
    assert f"/verwijzer/aanmeldingen/{referral.uuid}/" in message.body
    for detail in (*PERSONAL, "Wijkteam is al bezig"):
        assert detail not in message.body


def test_a_partner_systems_referral_is_reported_to_the_organisations_referrers(
    addresses, organisation_a, referrer_a, team_lead_a, caseworker_a, django_capture_on_commit_callbacks
):
    referral = make_referral(organisation=organisation_a)
    assert referral.referred_by is None or referral.referred_by.role != Role.REFERRER
    referral.referred_by = None
    referral.save()

    with django_capture_on_commit_callbacks(execute=True):
        intervention_open(referral=referral, by=team_lead_a, professional=caseworker_a)

    assert [message.to for message in mail.outbox] == [["rik@school.example.nl"]]
