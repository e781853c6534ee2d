"""Reads of referrals for the professionals' web app; every read starts in `access.py`."""

from __future__ import annotations

from django.db.models import QuerySet

from kansrijk.accounts.models import User
from kansrijk.interventions.workflow import REVIEWABLE

from .access import referrals_visible_to
from .models import Referral


def referrals_awaiting_triage(*, user: User) -> QuerySet[Referral]:
    """The region's referrals that wait for a decision (submitted or in review), oldest first."""
    return (
        referrals_visible_to(user)
        .filter(status__in=REVIEWABLE)
        .select_related("young_person", "municipality", "school", "neighbourhood", "organisation")
        .order_by("referral_date", "id")
    )
