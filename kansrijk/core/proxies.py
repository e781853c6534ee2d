"""The client's address behind our own reverse proxy.

nginx connects to gunicorn, so REMOTE_ADDR is nginx's address; gunicorn does not change that.
When the request comes from one of TRUSTED_PROXIES, this middleware puts the address nginx
reports in X-Forwarded-For (the right-most one: the one our proxy wrote) in REMOTE_ADDR, so the
audit log and the login lockout (per username and address) see the real client. From anywhere
else the header is ignored: a client cannot choose its own address.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


class ForwardedForMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.trusted = frozenset(settings.TRUSTED_PROXIES)

    def __call__(self, request):
        if self.trusted and request.META.get("REMOTE_ADDR") in self.trusted:
            forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
            if is_address(forwarded):
                request.META["REMOTE_ADDR"] = forwarded
        return self.get_response(request)


def is_address(value: str) -> bool:
    """Whether `value` is an IPv4 or IPv6 address."""
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
