"""Every step of logging in and out is in the audit log: the password, the code, the logout."""

from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from kansrijk.accounts.tests.helpers import log_in_with_password, totp_code
from kansrijk.audit.models import AuditEvent


def test_it_audits_the_password_the_code_and_the_logout(caseworker_a):
    browser = Client()
    device = TOTPDevice.objects.create(user=caseworker_a, name="app", confirmed=True)
    log_in_with_password(browser, "anna")
    browser.post(reverse("accounts:second_factor"), {"code": totp_code(device)})
    response = browser.post(reverse("logout"))

    assert response["Clear-Site-Data"] == '"cache", "storage"'
    rows = list(AuditEvent.objects.filter(actor=caseworker_a).order_by("id").values_list("event", "new"))
    assert rows == [
        ("login_succeeded", {"second_factor_required": True}),
        ("second_factor_verified", None),
        ("logged_out", None),
    ]
