"""Staff replace their recovery codes: asked for their password, shown the new codes once, the
old ones stop working, and the audit log records it."""

import re

from django.urls import reverse

from kansrijk.accounts import services
from kansrijk.accounts.models import RecoveryCode
from kansrijk.accounts.recovery_codes import recovery_code_matches
from kansrijk.audit.models import AuditEvent

RENEW = reverse("account:recovery_codes")


def _works(user, codes: set[str]) -> set[str]:
    """Those of `codes` that one of the user's stored hashes accepts."""
    stored = list(RecoveryCode.objects.filter(device__user=user).values_list("code_hash", flat=True))
    return {code for code in codes if any(recovery_code_matches(code, encoded) for encoded in stored)}


def test_it_replaces_the_codes_and_shows_the_new_ones_once(client, caseworker_a):
    client.force_login(caseworker_a)
    old = set(services.recovery_codes_replace(user=caseworker_a))
    assert "10 ongebruikte herstelcodes" in client.get(RENEW).content.decode()

    response = client.post(RENEW, {"password": "correct-horse-battery"})

    assert response.status_code == 200
    shown = set(re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode()))
    assert len(shown) == 10 and _works(caseworker_a, shown) == shown
    assert RecoveryCode.objects.filter(device__user=caseworker_a).count() == 10
    assert not _works(caseworker_a, old)  # every old code stopped working
    assert "no-store" in response["Cache-Control"]
    # The option to end the other sessions after the change (ASVS 7.4.3).
    assert f'action="{reverse("account:sessions_end_others")}"' in response.content.decode()
    assert AuditEvent.objects.filter(event="recovery_codes_replaced", actor=caseworker_a).count() == 2
    # A reload shows the form again, never the codes.
    assert not re.findall(r"<li><code>", client.get(RENEW).content.decode())


def test_a_wrong_password_changes_nothing_and_counts_as_a_failed_login(client, caseworker_a):
    client.force_login(caseworker_a)
    old = set(services.recovery_codes_replace(user=caseworker_a))

    response = client.post(RENEW, {"password": "not-my-password"})

    assert response.status_code == 200
    assert "Dat is niet uw huidige wachtwoord." in response.content.decode()
    assert _works(caseworker_a, old) == old
    assert AuditEvent.objects.filter(event="login_failed", subject_id=str(caseworker_a.pk)).count() == 1


def test_it_is_for_users_with_an_app(client, referrer_a):
    client.force_login(referrer_a)
    assert client.get(RENEW).status_code == 403
