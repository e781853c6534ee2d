"""The main menu offers each role the parts of Kansrijk it can use, and nothing else."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    "role_fixture,expected,absent",
    [
        ("team_lead_a", ["Mijn werk", "Aanmeldingen", "Interventies", "Rapportages"], ["Auditlog"]),
        ("caseworker_a", ["Mijn werk", "Aanmeldingen", "Interventies", "Rapportages"], ["Auditlog"]),
        ("relationship_manager_a", ["Rapportages"], ["Mijn werk", "Interventies", "Auditlog"]),
        ("privacy_officer", ["Auditlog"], ["Mijn werk", "Interventies", "Rapportages"]),
    ],
)
def test_it_shows_the_menu_items_of_the_role(db, request, client, role_fixture, expected, absent):
    user = request.getfixturevalue(role_fixture)
    client.force_login(user)
    response = client.get(reverse("home"), follow=True)
    nav = response.content.decode().split('class="site-nav"', 1)[-1].split("</nav>", 1)[0]
    for label in expected:
        assert f">{label}</a>" in nav
    for label in absent:
        assert f">{label}</a>" not in nav
