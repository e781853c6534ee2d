from .services import current_ip


class AuditContextMiddleware:
    """Makes the client's address available to audit rows written while handling a request.

    REMOTE_ADDR is the address of the nearest peer; behind a reverse proxy that proxy must set
    it (kansrijk/core/proxies.py: X-Forwarded-For, believed only from TRUSTED_PROXIES).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_ip.set(request.META.get("REMOTE_ADDR") or None)
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)
