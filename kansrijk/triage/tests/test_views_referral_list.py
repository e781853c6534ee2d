"""The region's referrals: those waiting for triage by default, all on request; the worklist's
triage rows link to the triage page."""

import pytest
from django.urls import reverse

from kansrijk.interventions.tests.factories import make_referral

ENGLISH = {"accept-language": "en"}


@pytest.fixture
def referrals(organisation_a, team_lead_a):
    return {
        status: make_referral(status=status, organisation=organisation_a, team_lead=team_lead_a)
        for status in ("submitted", "in_review", "accepted", "rejected", "withdrawn")
    }


def _listed(client, user, **params):
    client.force_login(user)
    response = client.get(reverse("referrals:list"), params, headers=ENGLISH)
    assert response.status_code == 200
    return {referral.reference for referral in response.context["page"].object_list}, response


def test_it_lists_the_referrals_waiting_for_triage_by_default(client, caseworker_a, referrals):
    listed, response = _listed(client, caseworker_a)
    assert listed == {referrals["submitted"].reference, referrals["in_review"].reference}
    url = reverse("referrals:detail", args=[referrals["submitted"].uuid])
    assert f'href="{url}"' in response.content.decode()


def test_it_lists_all_or_one_status_on_request(client, team_lead_a, referrals):
    assert _listed(client, team_lead_a, status="")[0] == {r.reference for r in referrals.values()}
    assert _listed(client, team_lead_a, status="rejected")[0] == {referrals["rejected"].reference}


def test_it_labels_the_filter(client, team_lead_a, referrals):
    text = _listed(client, team_lead_a)[1].content.decode()
    assert '<label for="id_status">' in text


def test_the_worklist_links_each_triage_row_to_its_triage_page(client, team_lead_a, referrals):
    client.force_login(team_lead_a)
    text = client.get(reverse("work")).content.decode()
    for status in ("submitted", "in_review"):
        assert f'href="{reverse("referrals:detail", args=[referrals[status].uuid])}"' in text
    assert f'href="{reverse("referrals:list")}"' in text
