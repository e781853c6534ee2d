from rest_framework.permissions import BasePermission

from .authentication import OrganisationClient


class IsOrganisationClient(BasePermission):
    """Only a partner system with a valid key of its organisation."""

    def has_permission(self, request, view) -> bool:
        return isinstance(request.user, OrganisationClient)
