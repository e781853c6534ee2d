"""What a referrer may know of their organisation's referrals: status only."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from kansrijk.interventions.constants import ENDED_STATUSES, Status
from kansrijk.interventions.feedback import interventions_sharing_feedback
from kansrijk.referrals.constants import DECIDED_STATUSES, ReferralStatus
from kansrijk.referrals.models import Referral, ReferralStatusChange


@dataclass
class ReferrerView:
    """What a referrer may know of one of their organisation's referrals (docs/process.md §3).

    The reference, dates and status; for a rejection its reason category (not the note); the
    end of the intervention and its outcome only while the consent to share feedback with the
    referrer is in effect. Never what the referral or the case file says.
    """

    referral: Referral
    status: str
    status_label: Any
    detail: Any = ""
    decided_on: dt.date | None = None


def referral_for_referrer(*, referral: Referral) -> ReferrerView:
    """One referral (got through the access module) as the referrer may see it."""
    return referrer_views(Referral.objects.filter(pk=referral.pk))[0]


def referrer_views(referrals: QuerySet[Referral]) -> list[ReferrerView]:
    """The referrer's view of each of `referrals`, newest first; the caller got the queryset
    (or a page of it) through the access module."""
    rows = list(referrals.select_related("intervention", "referred_by").order_by("-referral_date", "-id"))
    decided = dict(
        ReferralStatusChange.objects.filter(
            referral_id__in=[r.pk for r in rows],
            to_status__in=DECIDED_STATUSES,
        ).values_list("referral_id", "at")
    )
    interventions = [r.intervention for r in rows if getattr(r, "intervention", None) is not None]
    sharing = interventions_sharing_feedback(interventions)
    views = []
    for referral in rows:
        at = decided.get(referral.pk)
        view = ReferrerView(
            referral=referral,
            status=referral.status,
            status_label=referral.get_status_display(),
            decided_on=timezone.localdate(at) if at else None,
        )
        if referral.status == ReferralStatus.REJECTED:
            view.detail = referral.get_rejection_reason_display()
        intervention = getattr(referral, "intervention", None)
        if intervention is not None and intervention.pk in sharing and intervention.status in ENDED_STATUSES:
            view.status = intervention.status
            view.status_label = intervention.get_status_display()
            if intervention.status == Status.COMPLETED:
                view.detail = intervention.get_outcome_display()
        views.append(view)
    return views
