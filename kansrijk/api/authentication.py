"""Partner systems authenticate with their organisation's API key: `Authorization: Bearer <key>`."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from kansrijk.organisations.models import ReferrerOrganisation

from .models import ApiToken
from .services import api_token_for_key

# Writing last_used_at on every call would make every read a write; once a minute is enough.
LAST_USED_PRECISION_SECONDS = 60


@dataclass
class OrganisationClient:
    """The caller: an organisation's system, not a person (request.user in the API views)."""

    organisation: ReferrerOrganisation
    token: ApiToken

    is_authenticated = True
    is_active = True
    pk = None

    def get_username(self) -> str:
        return f"api:{self.token.prefix}"


class ApiTokenAuthentication(authentication.BaseAuthentication):
    keywords = ("bearer", "token")

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower().decode(errors="replace") not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Give the API key after the word Bearer."))
        token = api_token_for_key(header[1].decode(errors="replace"))
        if token is None:
            raise exceptions.AuthenticationFailed(_("This API key is unknown or has been revoked."))
        now = timezone.now()
        if (
            token.last_used_at is None
            or (now - token.last_used_at).total_seconds() > LAST_USED_PRECISION_SECONDS
        ):
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return OrganisationClient(organisation=token.organisation, token=token), token

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = ApiTokenAuthentication
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "The organisation's API key."}
