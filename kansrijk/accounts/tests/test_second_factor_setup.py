"""At the first login Halt staff link an authenticator app and receive recovery codes."""

import re
from base64 import b32decode

from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.models import RecoveryCode
from kansrijk.accounts.recovery_codes import recovery_code_matches
from kansrijk.audit.models import AuditEvent

from .helpers import log_in_with_password, totp_code

SETUP = reverse("accounts:second_factor_setup")


def _secret_on(page: str) -> str:
    """The key as the page shows it for typing into an app: base32 in groups of four."""
    match = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', page)
    assert match, "no key on the page"
    return match.group(1).replace(" ", "")


def test_it_sends_staff_without_an_app_from_the_password_to_the_set_up(browser, caseworker_a):
    response = log_in_with_password(browser, "anna")
    assert response.status_code == 302

    page = browser.get(response["Location"], follow=True)

    assert page.redirect_chain[-1][0] == SETUP
    text = page.content.decode()
    assert "Tweestapsinloggen instellen" in text
    assert "<svg" in text and 'class="segno"' in text  # the QR code, inline: no outside service
    assert len(b32decode(_secret_on(text))) == 20


def test_it_keeps_the_same_key_when_the_page_is_loaded_again(browser, caseworker_a):
    log_in_with_password(browser, "anna")

    first = _secret_on(browser.get(SETUP).content.decode())
    second = _secret_on(browser.get(SETUP).content.decode())

    assert first == second


def test_it_confirms_the_app_with_a_code_made_from_the_shown_key(browser, caseworker_a):
    log_in_with_password(browser, "anna")
    secret = _secret_on(browser.get(SETUP).content.decode())

    response = browser.post(SETUP, {"code": totp_code(b32decode(secret).hex())})

    assert response.status_code == 200
    text = response.content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", text)
    assert len(codes) == 10 and len(set(codes)) == 10
    # Stored as hashes only, one for each code shown.
    stored = list(RecoveryCode.objects.filter(device__user=caseworker_a).values_list("code_hash", flat=True))
    assert len(stored) == 10
    assert all(sum(recovery_code_matches(code, encoded) for encoded in stored) == 1 for code in codes)
    assert response["Cache-Control"].startswith("max-age=0") and "no-store" in response["Cache-Control"]
    device = TOTPDevice.objects.get(user=caseworker_a)
    assert device.confirmed
    assert browser.get(reverse("work")).status_code == 200
    assert (
        AuditEvent.objects.filter(event="second_factor_set_up", subject_id=str(caseworker_a.pk)).count() == 1
    )


def test_it_shows_the_recovery_codes_only_once(browser, caseworker_a):
    log_in_with_password(browser, "anna")
    secret = _secret_on(browser.get(SETUP).content.decode())
    codes_page = browser.post(SETUP, {"code": totp_code(b32decode(secret).hex())}).content.decode()
    code = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page)[0]

    again = browser.get(SETUP, follow=True)

    assert again.redirect_chain[-1][0] == reverse("work")
    assert code not in again.content.decode()


def test_it_refuses_a_wrong_code_and_confirms_nothing(browser, caseworker_a):
    log_in_with_password(browser, "anna")
    secret = _secret_on(browser.get(SETUP).content.decode())
    right = totp_code(b32decode(secret).hex())
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"

    response = browser.post(SETUP, {"code": wrong})

    assert response.status_code == 200
    assert "Die code klopt niet." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=caseworker_a, confirmed=True).exists()
    assert not RecoveryCode.objects.exists()
    assert browser.get(reverse("work"))["Location"].startswith(reverse("accounts:second_factor"))
    assert AuditEvent.objects.filter(event="second_factor_failed").count() == 1


def test_it_asks_for_six_digits(browser, caseworker_a):
    log_in_with_password(browser, "anna")

    response = browser.post(SETUP, {"code": "12ab"})

    assert "Vul de zes cijfers in die de app laat zien." in response.content.decode()


def test_it_does_not_let_a_password_alone_replace_a_linked_app(browser, caseworker_a):
    existing = TOTPDevice.objects.create(user=caseworker_a, name="app", confirmed=True)
    log_in_with_password(browser, "anna")

    response = browser.get(SETUP)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:second_factor"))
    assert list(TOTPDevice.objects.filter(user=caseworker_a)) == [existing]
