from rest_framework import exceptions
from rest_framework.throttling import SimpleRateThrottle

from .authentication import OrganisationClient


class OrganisationRateThrottle(SimpleRateThrottle):
    """A rate per organisation (all its keys together), or per address without a valid key."""

    scope = "organisation"

    def get_cache_key(self, request, view):
        if isinstance(request.user, OrganisationClient):
            ident = f"org-{request.user.organisation.pk}"
        else:
            ident = self.get_ident(request)
        return self.cache_format % {"scope": self.scope, "ident": ident}


class FailedCallThrottle(SimpleRateThrottle):
    """Calls without a valid key (none, unknown, revoked) or refused, counted per client address.

    The organisation's throttle needs a known organisation, so it only counts calls whose key
    was accepted: without this one, guessing keys would be unlimited. A call is counted when it
    fails; once an address has failed this often in the period, every call from it gets 429
    until the period has passed, whatever key it carries (`FailedCallsThrottled.initial`).
    """

    scope = "failed"
    # Set by SimpleRateThrottle.__init__ from the rate; the type stubs leave them out.
    num_requests: int
    duration: int

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def _recent(self, request, view) -> tuple[str, list[float]]:
        key = self.get_cache_key(request, view)
        now = self.timer()
        return key, [moment for moment in self.cache.get(key, []) if moment > now - self.duration]

    def exhausted(self, request, view) -> float | None:
        """Seconds to wait when the address has failed too often, else None."""
        _key, history = self._recent(request, view)
        if len(history) < self.num_requests:
            return None
        return max(0.0, history[-1] + self.duration - self.timer())

    def count(self, request, view) -> None:
        key, history = self._recent(request, view)
        self.cache.set(key, [*history, self.timer()], self.duration)


class FailedCallsThrottled:
    """A mixin for the API's views: the address throttle of FailedCallThrottle around DRF's checks."""

    def initial(self, request, *args, **kwargs):
        throttle = FailedCallThrottle()
        wait = throttle.exhausted(request, self)
        if wait is not None:
            raise exceptions.Throttled(wait)
        try:
            super().initial(request, *args, **kwargs)  # type: ignore[misc]
        except (exceptions.AuthenticationFailed, exceptions.NotAuthenticated, exceptions.PermissionDenied):
            throttle.count(request, self)
            raise
