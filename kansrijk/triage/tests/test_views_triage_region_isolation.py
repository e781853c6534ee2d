"""Halt staff of region B get 404 for every triage URL of a region-A referral, and region-A
referrals never appear in their referral list."""

import pytest
from django.urls import reverse

from kansrijk.interventions.tests.factories import make_referral


@pytest.fixture
def referral_a(organisation_a, caseworker_a):
    return make_referral(
        organisation=organisation_a, young_person_data={"first_name": "Noor", "last_name": "Bakker"}
    )


@pytest.fixture(params=["caseworker_b", "team_lead_b"])
def outsider(request):
    return request.getfixturevalue(request.param)


def test_it_answers_404_for_every_triage_url_of_another_region(client, outsider, referral_a, caseworker_b):
    client.force_login(outsider)
    assert client.get(reverse("referrals:detail", args=[referral_a.uuid])).status_code == 404
    for action, data in (
        ("start_review", {}),
        ("accept", {"accept-professional": caseworker_b.pk}),
        ("reject", {"reject-reason": "other"}),
    ):
        response = client.post(reverse(f"referrals:{action}", args=[referral_a.uuid]), data)
        assert response.status_code == 404, action
        assert "Noor" not in response.content.decode()
    referral_a.refresh_from_db()
    assert referral_a.status == "submitted"


def test_it_never_lists_another_regions_referrals(client, outsider, referral_a, organisation_b):
    referral_b = make_referral(organisation=organisation_b)
    client.force_login(outsider)
    for params in ({}, {"status": ""}, {"status": "submitted"}):
        response = client.get(reverse("referrals:list"), params)
        assert list(response.context["page"].object_list) == [referral_b]
        text = response.content.decode()
        assert referral_a.reference not in text and "Noor" not in text
