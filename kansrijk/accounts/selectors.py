"""Reads about logging in: who needs a second factor, what they have set up, their sessions."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django_otp.plugins.otp_totp.models import TOTPDevice

from .constants import Role
from .models import RecoveryCode, UserSession
from .policy import organisations_for_inviter


def user_needs_second_factor(user) -> bool:
    """Every Halt staff role logs in with a second factor; referrers, who see no case content
    beyond their own referrals, with a password only. Anyone who can open the Django
    admin needs it too, whatever their role."""
    if user is None or not user.is_authenticated:
        return False
    return user.role != Role.REFERRER or user.is_staff or user.is_superuser


def user_has_totp_device(user) -> bool:
    """Whether the user has finished setting up an authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(device__user=user, device__confirmed=True).count()


def sessions_active_of(user) -> list[UserSession]:
    """The sessions in which someone is logged in as `user` now, the last used first.

    Left out are those whose next request would log out anyway: expired (idle), past the
    maximum lifetime (core/middleware.py), or made with a password changed since (Django's
    session hash). One query; the few rows are decoded for the hash.
    """
    now = timezone.now()
    oldest_start = now - dt.timedelta(seconds=settings.SESSION_MAX_LIFETIME_SECONDS)
    rows = UserSession.objects.filter(
        Q(started_at__isnull=True) | Q(started_at__gt=oldest_start), user=user, expire_date__gt=now
    ).order_by("-last_active_at", "session_key")
    hashes = [user.get_session_auth_hash(), *user.get_session_auth_fallback_hash()]
    return [
        row
        for row in rows
        if any(constant_time_compare(row.get_decoded().get(HASH_SESSION_KEY, ""), known) for known in hashes)
    ]


def invitations_sent_for(user, *, limit: int = 20):
    """The latest invitations for the organisations `user` may invite for."""
    from .models import Invitation

    return (
        Invitation.objects.filter(organisation__in=organisations_for_inviter(user))
        .select_related("organisation")
        .order_by("-created_at", "-id")[:limit]
    )
