"""The referral's table: triage steps, the statuses they start from and lead to, and who may take
them. The machinery that answers questions about it is `kansrijk/core/workflow.py`."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import Role
from kansrijk.accounts.policy import TEAM_LEAD_OF_REGION, is_team_lead_of
from kansrijk.core.workflow import Transition, Who, Workflow

from .constants import DECIDED_STATUSES, UNDECIDED_STATUSES, ReferralStatus
from .models import Referral

REVIEWABLE = UNDECIDED_STATUSES


def _referrer_or_team_lead(user, referral: Referral) -> bool:
    """The referrer who submitted it, a referrer of its organisation, or a team lead of its
    region (when the referrer phones in)."""
    if is_team_lead_of(user, referral.region_id):
        return True
    if user.role != Role.REFERRER:
        return False
    return referral.referred_by_id == user.pk or (
        referral.organisation_id is not None and referral.organisation_id == user.organisation_id
    )


REFERRING_ORGANISATION_OR_TEAM_LEAD = Who(
    _referrer_or_team_lead,
    _("Only the referring organisation or a team lead of the region may withdraw this referral."),
    name="referrer_or_team_lead",
)

REFERRAL_WORKFLOW = Workflow(
    model=Referral,
    transitions={
        "start_review": Transition(
            frozenset({ReferralStatus.SUBMITTED}),
            ReferralStatus.IN_REVIEW,
            _("This referral is already in review."),
            who=TEAM_LEAD_OF_REGION,
        ),
        "accept": Transition(
            REVIEWABLE,
            ReferralStatus.ACCEPTED,
            _("This referral cannot be accepted."),
            who=TEAM_LEAD_OF_REGION,
        ),
        "reject": Transition(
            REVIEWABLE,
            ReferralStatus.REJECTED,
            _("This referral cannot be rejected."),
            who=TEAM_LEAD_OF_REGION,
        ),
        "withdraw": Transition(
            REVIEWABLE,
            ReferralStatus.WITHDRAWN,
            _("This referral cannot be withdrawn."),
            who=REFERRING_ORGANISATION_OR_TEAM_LEAD,
        ),
    },
    ended=DECIDED_STATUSES,
    closed=_("This referral has already been dealt with and can no longer be changed."),
)
