"""API keys: made (shown once), revoked. Each writes its audit row."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from kansrijk.accounts.models import User
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.tokens import new_token, token_hash
from kansrijk.organisations.models import ReferrerOrganisation

from .models import ApiToken

TOKEN_PREFIX = "kr_"  # noqa: S105 - marks our keys, is no secret


@transaction.atomic
def api_token_create(
    *, organisation: ReferrerOrganisation, name: str, by: User | None
) -> tuple[ApiToken, str]:
    """A new key for `organisation`; returns the row and the key, which is stored nowhere."""
    key = TOKEN_PREFIX + new_token()
    token = ApiToken.objects.create(
        organisation=organisation,
        name=name.strip(),
        prefix=key[:10],
        token_hash=token_hash(key),
        created_by=by,
    )
    audit_record(
        actor=by, event=Event.API_TOKEN_CREATED, subject=token, new={"organisation": organisation.pk}
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: User | None) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=by, event=Event.API_TOKEN_REVOKED, subject=token)
    return token


def api_token_for_key(key: str) -> ApiToken | None:
    """The active key's row, or None for an unknown or revoked key."""
    if not key.startswith(TOKEN_PREFIX):
        return None
    return (
        ApiToken.objects.select_related("organisation__municipality", "organisation__school")
        .filter(token_hash=token_hash(key), revoked_at__isnull=True)
        .first()
    )
