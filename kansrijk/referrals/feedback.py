"""Whether the referrer may hear how an intervention ended: only with the recorded consent.

Consent to share feedback with the referrer is recorded separately from consent to take part,
and can be withdrawn (domain.md §4). Without it the referrer's pages and e-mails say no more
than "accepted".
"""

from __future__ import annotations

from collections.abc import Iterable

from kansrijk.interventions.models import Intervention


def feedback_shared(intervention: Intervention) -> bool:
    return intervention.pk in interventions_sharing_feedback([intervention])


def interventions_sharing_feedback(interventions: Iterable[Intervention]) -> set[int]:
    """The ids of those of `interventions` whose consent to share feedback is in effect."""
    # The consent model arrives from main (issue 4 notes); until then nothing is shared.
    return set()
