"""Reads of referrals for the professionals' web app; every read starts in `access.py`."""

from __future__ import annotations

from django.db.models import QuerySet

from kansrijk.accounts.constants import HALT_CASE_ROLES
from kansrijk.accounts.models import User

from .access import referrals_visible_to
from .constants import UNDECIDED_STATUSES
from .models import Referral

# What a list row shows, fetched in the same query as the row itself.
LIST_RELATED = ("young_person", "municipality", "school", "neighbourhood", "organisation")


def referrals_awaiting_triage(*, user: User) -> QuerySet[Referral]:
    """The region's referrals that wait for a decision (submitted or in review), oldest first."""
    return (
        referrals_visible_to(user)
        .filter(status__in=UNDECIDED_STATUSES)
        .select_related(*LIST_RELATED)
        .order_by("referral_date", "id")
    )


def referrals_of_region(*, user: User, status: str = "") -> QuerySet[Referral]:
    """The referrals `user` may see, newest first; `status` "waiting" means not yet decided."""
    referrals = referrals_visible_to(user)
    if status == "waiting":
        referrals = referrals.filter(status__in=UNDECIDED_STATUSES)
    elif status:
        referrals = referrals.filter(status=status)
    return referrals.select_related(*LIST_RELATED).order_by("-referral_date", "-id")


def professionals_for_region(region_id: int) -> QuerySet[User]:
    """Who an intervention of the region can be assigned to: its active professionals and team leads."""
    return User.objects.filter(region_id=region_id, role__in=HALT_CASE_ROLES, is_active=True).order_by(
        "first_name", "last_name", "username"
    )
