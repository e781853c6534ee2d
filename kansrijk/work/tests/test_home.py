"""The front door: anonymous visitors log in, Halt staff land on their work."""

from django.urls import reverse


def test_it_sends_an_anonymous_visitor_to_the_login_page(client, db):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login")


def test_it_shows_the_login_page_in_dutch(client, db):
    response = client.get("/", follow=True)
    text = response.content.decode()
    assert 'lang="nl"' in text
    assert "Casusregistratie en verantwoording" in text
    assert "Gebruikersnaam" in text
    assert "Wachtwoord" in text


def test_it_shows_the_login_page_in_english_when_asked(client, db):
    response = client.get("/", follow=True, headers={"accept-language": "en"})
    text = response.content.decode()
    assert 'lang="en"' in text
    assert "Case management and reporting" in text
    assert "Username" in text


def test_it_sends_halt_staff_to_their_work(client, caseworker_a, team_lead_a):
    for user in (caseworker_a, team_lead_a):
        client.force_login(user)
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] == reverse("work")


def test_it_sends_referrers_to_their_referrals(client, referrer_a):
    client.force_login(referrer_a)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:referrals")


def test_the_relationship_manager_lands_on_the_reports(client, relationship_manager_a):
    client.force_login(relationship_manager_a)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:factsheet")
    page = client.get(response["Location"], follow=True)
    assert page.status_code == 200
    assert "Den Haag" in page.content.decode()


def test_the_privacy_officer_lands_on_the_privacy_requests(client, privacy_officer):
    client.force_login(privacy_officer)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == reverse("rights:list")
    assert client.get(response["Location"]).status_code == 200


def test_the_functional_administrator_lands_on_what_they_manage(
    client, admin_user, caseworker_a, caseworker_b, team_lead_a, referrer_a, school_a
):
    caseworker_b.is_active = False
    caseworker_b.save()
    client.force_login(admin_user)

    response = client.get("/")

    assert response.status_code == 200
    text = response.content.decode()
    assert "Wat u beheert" in text
    assert "geen werk voor uw rol" not in text
    rows = {label: count for label, count in response.context["overview"]["roles"]}
    assert rows["Halt-professional"] == 1  # caseworker_b is switched off
    assert rows["Teamleider"] == 1 and rows["Verwijzer"] == 1
    assert response.context["overview"]["inactive"] == 1
    assert response.context["overview"]["schools"] == 1
    for name in ("admin:accounts_user_changelist", "invitation_create", "interchange:jobs"):
        assert reverse(name) in text
    assert reverse("interventions:list") not in text
