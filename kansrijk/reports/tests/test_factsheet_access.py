"""Who sees which factsheet (reports/access.py). Acceptance 4: a relationship manager gets 404
for a factsheet outside their municipalities. A scope that does not exist answers the same."""

import pytest
from django.contrib.auth.models import Permission

from kansrijk.accounts.models import User
from kansrijk.reports.access import factsheet_scopes_for

from .helpers import factsheet_url

FORMATS = ["", "pdf/", "csv/", "json/", "redenen.svg"]


def _status(client, user, **params):
    client.force_login(user)
    return {fmt: client.get(factsheet_url(fmt, **params)).status_code for fmt in FORMATS}


def _everywhere(code):
    return dict.fromkeys(FORMATS, code)


def test_a_relationship_manager_gets_404_outside_their_municipalities(
    client, relationship_manager_a, municipality_b, school_b, region_a
):
    assert _status(client, relationship_manager_a, scope="gemeente", naam="Enschede") == _everywhere(404)
    assert _status(client, relationship_manager_a, scope="school", brin=school_b.brin) == _everywhere(404)
    # Not even their own municipality's region, nor everything.
    assert _status(client, relationship_manager_a, scope="regio", naam=region_a.name) == _everywhere(404)
    assert _status(client, relationship_manager_a, scope="alles") == _everywhere(404)


def test_a_relationship_manager_sees_their_municipality_and_its_schools(
    client, relationship_manager_a, school_a
):
    assert _status(client, relationship_manager_a, scope="gemeente", naam="Den Haag") == _everywhere(200)
    assert _status(client, relationship_manager_a, scope="school", brin="12AB") == _everywhere(200)


def test_a_relationship_manager_sees_a_school_linked_to_them_directly(
    client, relationship_manager_a, school_b, municipality_b
):
    relationship_manager_a.schools.add(school_b)

    assert _status(client, relationship_manager_a, scope="school", brin=school_b.brin) == _everywhere(200)
    assert _status(client, relationship_manager_a, scope="gemeente", naam="Enschede") == _everywhere(404)


def test_a_team_lead_sees_their_region_its_municipalities_and_schools_only(
    client, team_lead_a, region_b, municipality_b, school_a, school_b
):
    assert _status(client, team_lead_a, scope="regio", naam="Haaglanden") == _everywhere(200)
    assert _status(client, team_lead_a, scope="gemeente", naam="Den Haag") == _everywhere(200)
    assert _status(client, team_lead_a, scope="school", brin="12AB") == _everywhere(200)
    assert _status(client, team_lead_a, scope="regio", naam="Oost-Nederland") == _everywhere(404)
    assert _status(client, team_lead_a, scope="school", brin=school_b.brin) == _everywhere(404)
    assert _status(client, team_lead_a, scope="alles") == _everywhere(404)


def test_a_caseworker_sees_the_factsheets_of_their_region(client, caseworker_a, caseworker_b, school_a):
    assert _status(client, caseworker_a, scope="regio", naam="Haaglanden") == _everywhere(200)
    assert _status(client, caseworker_b, scope="regio", naam="Haaglanden") == _everywhere(404)


def test_the_national_factsheet_needs_the_permission(client, team_lead_a, region_b):
    team_lead_a.user_permissions.add(Permission.objects.get(codename="view_all_factsheets"))
    national = User.objects.get(pk=team_lead_a.pk)

    assert _status(client, national, scope="alles") == _everywhere(200)
    assert _status(client, national, scope="regio", naam="Oost-Nederland") == _everywhere(200)


@pytest.mark.parametrize("who", ["referrer_a", "privacy_officer", "admin_user"])
def test_nobody_outside_halts_reporting_roles_sees_a_factsheet(client, request, who, school_a):
    user = request.getfixturevalue(who)
    user.user_permissions.add(Permission.objects.get(codename="view_all_factsheets"))
    user = User.objects.get(pk=user.pk)

    assert _status(client, user, scope="school", brin="12AB") == _everywhere(404)
    assert _status(client, user, scope="alles") == _everywhere(404)
    assert client.get("/rapportages/factsheet/").status_code == 404
    assert not factsheet_scopes_for(user).any


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, school_a):
    response = client.get(factsheet_url(scope="school", brin="12AB"))

    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


@pytest.mark.parametrize(
    "params",
    [
        {"scope": "gemeente", "naam": "Atlantis"},
        {"scope": "school", "brin": "99ZZ"},
        {"scope": "planeet", "naam": "Den Haag"},
        {"scope": "gemeente"},
        {"scope": "gemeente", "naam": "Den Haag", "periode": "2024"},
    ],
)
def test_an_unknown_scope_or_period_answers_404_like_a_forbidden_one(client, team_lead_a, school_a, params):
    assert _status(client, team_lead_a, **params) == _everywhere(404)
