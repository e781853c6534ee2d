"""Who may invite referrers for which organisation: one scope, asked for one organisation
(`may_invite_for`) and as a list (`organisations_for_inviter`), and both answers agree."""

import pytest

from kansrijk.accounts.policy import may_invite_for, organisations_for_inviter

USERS = (
    "caseworker_a",
    "team_lead_a",
    "team_lead_b",
    "referrer_a",
    "relationship_manager_a",
    "privacy_officer",
    "admin_user",
)


@pytest.mark.parametrize("name", USERS)
def test_it_answers_for_one_organisation_as_for_the_list(request, name, organisation_a, organisation_b):
    user = request.getfixturevalue(name)
    listed = set(organisations_for_inviter(user))

    for organisation in (organisation_a, organisation_b):
        assert may_invite_for(user, organisation) == (organisation in listed)


def test_it_gives_a_team_lead_the_own_region_and_the_administrator_all(
    team_lead_a, admin_user, organisation_a, organisation_b
):
    assert set(organisations_for_inviter(team_lead_a)) == {organisation_a}
    assert set(organisations_for_inviter(admin_user)) >= {organisation_a, organisation_b}


def test_an_inactive_team_lead_invites_for_nobody(team_lead_a, organisation_a):
    team_lead_a.is_active = False

    assert not may_invite_for(team_lead_a, organisation_a)
    assert not organisations_for_inviter(team_lead_a).exists()


def test_it_asks_the_database_nothing_for_one_organisation(
    team_lead_a, admin_user, organisation_a, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert may_invite_for(admin_user, organisation_a)
        assert may_invite_for(team_lead_a, organisation_a)
