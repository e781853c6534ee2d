"""Whether the referrer may hear how an intervention ended: only with the recorded consent.

Consent to share feedback with the referrer is recorded separately from consent to take part,
and can be withdrawn (docs/process.md §4). Without it, on the day asked, the referrer's pages, the API
and the e-mails say no more than "accepted".
"""

from __future__ import annotations

from collections.abc import Iterable

from kansrijk.interventions.consent import consent_in_effect, interventions_with_consent
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.interventions.models import Intervention


def feedback_shared(intervention: Intervention) -> bool:
    return consent_in_effect(intervention=intervention, purpose=ConsentPurpose.SHARE_WITH_REFERRER)


def interventions_sharing_feedback(interventions: Iterable[Intervention]) -> set[int]:
    """The ids of those of `interventions` whose consent to share feedback is in effect (one query)."""
    return interventions_with_consent(interventions=interventions, purpose=ConsentPurpose.SHARE_WITH_REFERRER)
