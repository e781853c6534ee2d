"""Who gets the exact figures: only holders of `reports.view_exact_figures`, and only in the JSON.

Everyone else gets the JSON with the figures suppressed as the page, PDF and CSV suppress them
(docs/factsheet.md §5): a relationship manager passes factsheets on to municipalities and schools.
"""

import pytest
from django.contrib.auth.models import Permission

from kansrijk.accounts.models import User
from kansrijk.interventions.tests.factories import make_intervention

from .helpers import IN_PERIOD, factsheet_url, school_interventions

DEN_HAAG = {"scope": "gemeente", "naam": "Den Haag"}


@pytest.fixture
def small_and_large(school_a, municipality_a, caseworker_a):
    """3 school interventions (one with a referral to care) and 12 in the neighbourhood."""
    people = {"professional": caseworker_a}
    school_interventions(school_a, 1, care_referrals=["youth_care"], parent_contacts=["phone"], **people)
    school_interventions(school_a, 2, **people)
    for _ in range(12):
        make_intervention(
            municipality=municipality_a, referral_date=IN_PERIOD, type="neighbourhood", **people
        )


def _json(client, user, **params):
    client.force_login(user)
    response = client.get(factsheet_url("json/", **params))
    assert response.status_code == 200
    return response.json()


def _with_permission(user) -> User:
    user.user_permissions.add(Permission.objects.get(codename="view_exact_figures"))
    return User.objects.get(pk=user.pk)  # permissions are cached per instance


def _counts(figures: dict, path: str = ""):
    """(dotted key, value) of every number in a document, lists of reasons by their code."""
    for key, value in figures.items():
        dotted = f"{path}{key}"
        if key in ("reasons", "top_reasons"):
            for row in value:
                yield f"{dotted}.{row['code']}", row["count"]
        elif isinstance(value, dict):
            yield from _counts(value, f"{dotted}.")
        else:
            yield dotted, value


def test_a_relationship_manager_gets_no_exact_small_number_in_the_json(
    client, relationship_manager_a, team_lead_a, small_and_large
):
    exact = dict(_counts(_json(client, _with_permission(team_lead_a), **DEN_HAAG)))
    shown = dict(_counts(_json(client, relationship_manager_a, **DEN_HAAG)))

    # The same keys (factsheet.md §3 and §4), the previous year included.
    assert shown.keys() == exact.keys()
    small = {key for key, value in exact.items() if type(value) is int and 0 < value < 5}
    assert "interventions.school" in small and "care_referrals" in small
    for key in small:
        assert shown[key] == "<5", key
    assert not [value for value in shown.values() if type(value) is int and 0 < value < 5]
    # Nor can the small number be worked out as the total minus the shown part.
    interventions = [shown[f"interventions.{key}"] for key in ("school", "neighbourhood", "total")]
    assert sum(type(value) is int for value in interventions) == 1, interventions
    # A percentage of a hidden count is hidden as well.
    assert shown["parent_contact_pct.school"] is None


def test_a_team_lead_without_the_permission_gets_the_suppressed_json_too(
    client, team_lead_a, small_and_large
):
    shown = _json(client, team_lead_a, **DEN_HAAG)

    assert shown["interventions"]["school"] == "<5"
    assert shown["care_referrals"] == "<5"


@pytest.mark.parametrize("role", ["team_lead_a", "caseworker_a"])
def test_a_user_with_the_permission_gets_the_exact_figures(client, request, role, small_and_large):
    user = _with_permission(request.getfixturevalue(role))

    exact = _json(client, user, **DEN_HAAG)

    assert exact["interventions"] == {"school": 3, "neighbourhood": 12, "total": 15}
    assert exact["care_referrals"] == 1
    assert exact["parent_contact_pct"]["school"] == 33
    assert exact["previous"]["interventions"]["total"] == 0


def test_the_permission_opens_no_factsheet_to_a_role_without_one(client, referrer_a, small_and_large):
    client.force_login(_with_permission(referrer_a))

    assert client.get(factsheet_url("json/", **DEN_HAAG)).status_code == 404


def test_the_csv_and_page_stay_suppressed_with_the_permission(client, team_lead_a, small_and_large):
    client.force_login(_with_permission(team_lead_a))

    text = client.get(factsheet_url("csv/", **DEN_HAAG)).content.decode()

    assert "interventions.school,Schoolinterventies,<5," in text


def test_the_page_names_the_json_by_what_it_holds(client, team_lead_a, small_and_large, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.force_login(team_lead_a)
    assert "Figures (JSON)" in client.get(factsheet_url(**DEN_HAAG)).content.decode()

    client.force_login(_with_permission(team_lead_a))
    assert "Exact figures (JSON)" in client.get(factsheet_url(**DEN_HAAG)).content.decode()
