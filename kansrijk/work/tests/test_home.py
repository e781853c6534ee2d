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


def test_it_gives_roles_without_case_work_a_plain_start_page(client, privacy_officer):
    client.force_login(privacy_officer)
    response = client.get("/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Casusregistratie en verantwoording" in text
    assert reverse("interventions:list") not in text
