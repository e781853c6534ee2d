"""How an intervention ended reaches the referrer only while the consent to share feedback with
the referrer is in effect: on "Mijn aanmeldingen", in the API and by e-mail."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kansrijk.api import services as api_services
from kansrijk.interventions import services as intervention_services
from kansrijk.interventions.consent import consent_withdraw
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.interventions.models import Consent
from kansrijk.interventions.tests.factories import give_consent, make_intervention


@pytest.fixture
def in_progress(organisation_a, referrer_a, caseworker_a):
    return make_intervention(
        status="in_progress", organisation=organisation_a, referred_by=referrer_a, professional=caseworker_a
    )


def _complete(intervention, by, outcome="further_support"):
    return intervention_services.intervention_complete(
        intervention=intervention, by=by, outcome=outcome, end_date=timezone.localdate()
    )


def _row(client, referral) -> str:
    page = client.get(reverse("portal:referrals")).content.decode()
    return page.split(referral.reference, 1)[1].split("</tr>", 1)[0]


def test_with_consent_the_referrer_sees_completion_and_outcome(client, referrer_a, in_progress, caseworker_a):
    give_consent(in_progress, ConsentPurpose.SHARE_WITH_REFERRER, by=caseworker_a)
    completed = _complete(in_progress, caseworker_a)
    client.force_login(referrer_a)

    row = _row(client, completed.referral)
    detail = client.get(reverse("portal:status", args=[completed.referral.uuid])).content.decode()

    for answer in (row, detail):
        assert '<span class="status status--completed">Afgerond</span>' in answer
        assert "Verdere ondersteuning nodig" in answer


def test_consent_for_another_purpose_shares_nothing(client, referrer_a, in_progress, caseworker_a):
    give_consent(in_progress, ConsentPurpose.PARTICIPATION, by=caseworker_a)
    completed = _complete(in_progress, caseworker_a)
    client.force_login(referrer_a)

    row = _row(client, completed.referral)

    assert "Geaccepteerd" in row
    assert "Afgerond" not in row and "Verdere ondersteuning" not in row


def test_withdrawn_consent_shares_nothing_any_more(client, referrer_a, in_progress, caseworker_a):
    completed = in_progress
    give_consent(
        completed,
        ConsentPurpose.SHARE_WITH_REFERRER,
        by=caseworker_a,
        on=timezone.localdate() - dt.timedelta(days=5),
    )
    _complete(completed, caseworker_a)
    for consent in Consent.objects.filter(intervention=completed):
        consent_withdraw(
            consent=consent, by=caseworker_a, withdrawn_on=timezone.localdate() - dt.timedelta(days=1)
        )
    client.force_login(referrer_a)

    row = _row(client, completed.referral)

    assert "Geaccepteerd" in row
    assert "Afgerond" not in row


def test_the_api_shows_the_outcome_only_with_consent(
    client, organisation_a, referrer_a, in_progress, caseworker_a
):
    without = make_intervention(
        status="in_progress", organisation=organisation_a, referred_by=referrer_a, professional=caseworker_a
    )
    give_consent(in_progress, ConsentPurpose.SHARE_WITH_REFERRER, by=caseworker_a)
    _complete(in_progress, caseworker_a)
    _complete(without, caseworker_a)
    _token, key = api_services.api_token_create(organisation=organisation_a, name="LVS", by=None)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"}

    shared = client.get(reverse("api:referral", args=[in_progress.referral.uuid]), **headers).json()
    withheld = client.get(reverse("api:referral", args=[without.referral.uuid]), **headers).json()

    assert (shared["status"], shared["outcome"]) == ("completed", "further_support")
    assert (withheld["status"], withheld["outcome"]) == ("accepted", None)


@pytest.mark.parametrize("consent", [True, False])
def test_the_referrer_is_told_of_completion_only_with_consent(
    organisation_a, referrer_a, caseworker_a, consent, django_capture_on_commit_callbacks
):
    referrer_a.email = "rik@school.example.nl"
    referrer_a.save()
    intervention = make_intervention(
        status="in_progress", organisation=organisation_a, referred_by=referrer_a, professional=caseworker_a
    )
    if consent:
        give_consent(intervention, ConsentPurpose.SHARE_WITH_REFERRER, by=caseworker_a)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        intervention_services.intervention_complete(
            intervention=intervention, by=caseworker_a, outcome="sufficient", end_date=timezone.localdate()
        )

    to_referrer = [message for message in mail.outbox if message.to == ["rik@school.example.nl"]]
    # Besides the notice, the evaluation invitation also needs the consent.
    invitations = [message for message in to_referrer if "/evaluatie/" in message.body]
    sent = [message for message in to_referrer if message not in invitations]
    assert len(invitations) == (1 if consent else 0)
    if consent:
        [message] = sent
        assert message.subject == "De interventie van uw aanmelding is afgesloten"
        assert f"/verwijzer/aanmeldingen/{intervention.referral.uuid}/" in message.body
        assert "voldoende" not in message.body
    else:
        assert sent == []
