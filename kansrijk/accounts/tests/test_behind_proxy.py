"""Behind nginx every request comes from nginx's address: the client's address must come from
X-Forwarded-For, but only when our own proxy sent it, or the lockout would lock a username for
everyone and the audit log would name nginx."""

import pytest

from kansrijk.audit.models import AuditEvent

from .helpers import PASSWORD, log_in_with_password

NGINX = "127.0.0.1"
ATTACKER = "192.0.2.10"
COLLEAGUE = "198.51.100.20"


def _via_nginx(client_address):
    return {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": client_address}


@pytest.fixture
def behind_nginx(settings):
    settings.TRUSTED_PROXIES = [NGINX]


def test_a_lockout_through_the_proxy_locks_only_the_attackers_address(browser, referrer_a, behind_nginx):
    for _ in range(5):
        log_in_with_password(browser, "rik", "wrong-guess", **_via_nginx(ATTACKER))

    attacker = log_in_with_password(browser, "rik", PASSWORD, **_via_nginx(ATTACKER))
    colleague = log_in_with_password(browser, "rik", PASSWORD, **_via_nginx(COLLEAGUE))

    assert attacker.status_code == 429
    assert colleague.status_code == 302
    assert {row.ip_address for row in AuditEvent.objects.filter(event="login_failed")} == {ATTACKER}


def test_a_client_cannot_choose_its_address_by_sending_the_header_itself(browser, referrer_a, behind_nginx):
    log_in_with_password(browser, "rik", "wrong-guess", REMOTE_ADDR=ATTACKER, HTTP_X_FORWARDED_FOR=COLLEAGUE)

    assert {row.ip_address for row in AuditEvent.objects.filter(event="login_failed")} == {ATTACKER}


def test_without_trusted_proxies_the_header_is_ignored(browser, referrer_a):
    log_in_with_password(browser, "rik", "wrong-guess", **_via_nginx(ATTACKER))

    assert {row.ip_address for row in AuditEvent.objects.filter(event="login_failed")} == {NGINX}
