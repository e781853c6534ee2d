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
