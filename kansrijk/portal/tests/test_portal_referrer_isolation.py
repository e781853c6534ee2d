"""A referrer of school X sees neither school Y's referrals (by list, address or API: 404) nor the
content of their own."""

import pytest
from django.urls import reverse

from kansrijk.api import services as api_services
from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.tests.factories import make_referral

SECRET_DESCRIPTION = "Sloeg een klasgenoot na de gymles."


@pytest.fixture
def own(organisation_a, referrer_a):
    return make_referral(
        organisation=organisation_a,
        referred_by=referrer_a,
        description=SECRET_DESCRIPTION,
        young_person_data={"first_name": "Sem", "last_name": "Kuipers", "birth_date": _birth()},
        reasons=["physical_aggression"],
    )


@pytest.fixture
def other(organisation_b):
    return make_referral(
        organisation=organisation_b,
        young_person_data={"first_name": "Lotte", "last_name": "Brouwer", "birth_date": _birth()},
    )


def _birth():
    from kansrijk.referrals.tests.portal import birth_date_for

    return birth_date_for(14)


@pytest.fixture
def api(client, organisation_a):
    _token, key = api_services.api_token_create(
        organisation=organisation_a, name="Leerlingvolgsysteem", by=None
    )
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_the_list_shows_only_the_own_organisations_referrals(client, referrer_a, own, other):
    client.force_login(referrer_a)

    page = client.get(reverse("portal:referrals")).content.decode()

    assert own.reference in page
    assert other.reference not in page


def test_another_organisations_referral_does_not_exist_by_address(client, referrer_a, own, other):
    client.force_login(referrer_a)

    assert client.get(reverse("portal:status", args=[own.uuid])).status_code == 200
    assert client.get(reverse("portal:status", args=[other.uuid])).status_code == 404
    assert client.get(reverse("portal:submitted", args=[other.uuid])).status_code == 404
    # The triage page with the content is not for referrers at all, own referral or not.
    assert client.get(reverse("referrals:detail", args=[own.uuid])).status_code == 403
    assert client.get(reverse("referrals:detail", args=[other.uuid])).status_code == 403


def test_another_organisations_referral_does_not_exist_in_the_api(client, api, own, other):
    listed = client.get(reverse("api:referrals"), **api).json()
    mine = client.get(reverse("api:referral", args=[own.uuid]), **api)
    theirs = client.get(reverse("api:referral", args=[other.uuid]), **api)

    assert [row["reference"] for row in listed["results"]] == [own.reference]
    assert mine.status_code == 200
    assert theirs.status_code == 404
    assert other.reference not in theirs.content.decode()


def test_no_page_or_api_answer_shows_the_content_of_the_own_referral(client, referrer_a, api, own):
    client.force_login(referrer_a)
    answers = [
        client.get(reverse("portal:referrals")).content.decode(),
        client.get(reverse("portal:status", args=[own.uuid])).content.decode(),
        client.get(reverse("api:referrals"), **api).content.decode(),
        client.get(reverse("api:referral", args=[own.uuid]), **api).content.decode(),
    ]

    for answer in answers:
        assert own.reference in answer
        for content in (
            SECRET_DESCRIPTION,
            "Sem",
            "Kuipers",
            "Marieke",
            "Fysieke agressie",
            "physical_aggression",
        ):
            assert content not in answer


def test_a_referrers_look_at_the_status_is_not_audited_as_a_read_of_case_content(client, referrer_a, own):
    client.force_login(referrer_a)
    client.get(reverse("portal:status", args=[own.uuid]))
    assert not AuditEvent.objects.filter(event="referral_viewed").exists()


def test_halt_staff_and_other_roles_have_no_referrer_pages(client, caseworker_a, relationship_manager_a, own):
    for user in (caseworker_a, relationship_manager_a):
        client.force_login(user)
        assert client.get(reverse("portal:referrals")).status_code == 403
        assert client.get(reverse("portal:status", args=[own.uuid])).status_code == 403
        assert client.get(reverse("portal:new")).status_code == 403
