"""Reads about the second factor: who needs one, and what they have set up."""

from __future__ import annotations

from django_otp.plugins.otp_totp.models import TOTPDevice

from .constants import Role
from .models import RecoveryCode
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


def invitations_sent_for(user, *, limit: int = 20):
    """The latest invitations for the organisations `user` may invite for."""
    from .models import Invitation

    return (
        Invitation.objects.filter(organisation__in=organisations_for_inviter(user))
        .select_related("organisation")
        .order_by("-created_at", "-id")[:limit]
    )
