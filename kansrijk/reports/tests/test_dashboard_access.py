"""The management dashboard is for team leads: their own region, every region with the
national permission; everybody else gets 404."""

import re

import pytest
from django.contrib.auth.models import Permission

from kansrijk.accounts.models import User
from kansrijk.interventions.tests.factories import make_intervention

from .helpers import IN_PERIOD, words

URL = "/rapportages/sturingsinformatie/?periode=2024-2025"


@pytest.fixture
def cases(school_a, school_b, caseworker_a, caseworker_b):
    make_intervention(school=school_a, referral_date=IN_PERIOD, professional=caseworker_a)
    make_intervention(school=school_b, referral_date=IN_PERIOD, professional=caseworker_b)


def test_a_team_lead_sees_the_figures_of_their_region(client, team_lead_a, cases):
    client.force_login(team_lead_a)
    response = client.get(URL)

    assert response.status_code == 200
    text = words(response.content.decode())
    assert "Haaglanden" in text
    assert "Oost-Nederland" not in text
    assert re.search(r"anna \S* ?1 0 0 1", text)  # anna: one registered intervention open


def test_a_team_lead_with_the_national_permission_sees_every_region(client, team_lead_a, cases):
    team_lead_a.user_permissions.add(Permission.objects.get(codename="view_all_factsheets"))
    client.force_login(User.objects.get(pk=team_lead_a.pk))

    text = words(client.get(URL).content.decode())

    assert "Haaglanden" in text and "Oost-Nederland" in text
    only_b = words(client.get(URL + "&regio=Oost-Nederland").content.decode())
    assert "bram" in only_b and "anna" not in only_b


def test_a_region_outside_reach_falls_back_to_the_own_region(client, team_lead_a, cases):
    client.force_login(team_lead_a)

    text = words(client.get(URL + "&regio=Oost-Nederland").content.decode())

    assert "bram" not in text and "anna" in text


@pytest.mark.parametrize(
    "who", ["caseworker_a", "relationship_manager_a", "referrer_a", "privacy_officer", "admin_user"]
)
def test_anyone_but_a_team_lead_gets_404(client, request, who, cases):
    client.force_login(request.getfixturevalue(who))

    assert client.get(URL).status_code == 404
