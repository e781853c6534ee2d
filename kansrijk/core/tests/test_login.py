"""Logging in and out with Django's auth views, in Dutch."""

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.tests.helpers import totp_code


def test_it_logs_a_caseworker_in_and_takes_them_to_their_work(client, caseworker_a):
    device = TOTPDevice.objects.create(user=caseworker_a, name="app", confirmed=True)
    response = client.post(reverse("login"), {"username": "anna", "password": "correct-horse-battery"})
    # The second step (kansrijk/accounts/tests/ tests it in full): the code from the app.
    assert response["Location"].startswith(reverse("accounts:second_factor"))
    response = client.post(response["Location"], {"code": totp_code(device)}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("work")
    assert response.context["user"] == caseworker_a


def test_it_refuses_a_wrong_password_with_a_dutch_message(client, caseworker_a):
    response = client.post(reverse("login"), {"username": "anna", "password": "verkeerd"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Voer een juiste gebruikersnaam en wachtwoord in." in text
    assert 'role="alert"' in text
    assert not response.context["user"].is_authenticated


def test_it_labels_both_fields_and_asks_for_them_in_dutch(client, db):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    text = response.content.decode()
    assert '<label for="id_username">Gebruikersnaam</label>' in text
    assert '<label for="id_password">Wachtwoord</label>' in text
    assert text.count("Dit veld is verplicht.") == 2


def test_it_sends_a_logged_in_user_on_from_the_login_page(client, caseworker_a):
    client.force_login(caseworker_a)
    response = client.get(reverse("login"))
    assert response.status_code == 302


def test_it_logs_out_with_a_post_and_returns_to_the_login_page(client, caseworker_a):
    client.force_login(caseworker_a)
    page = client.get(reverse("work")).content.decode()
    assert f'action="{reverse("logout")}" method="post"' in page

    response = client.post(reverse("logout"))

    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert client.get(reverse("work")).status_code == 302


def test_it_does_not_log_out_on_a_get(client, caseworker_a):
    client.force_login(caseworker_a)
    assert client.get(reverse("logout")).status_code == 405
    assert client.get(reverse("work")).status_code == 200
