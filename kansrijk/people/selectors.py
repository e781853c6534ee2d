"""Reads about people: whether consent is in effect (domain.md §4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone

from kansrijk.core.dates import age_on

from .constants import CONSENT_OWN_DECISION_AGE
from .models import Consent


def consent_in_effect(*, intervention, purpose: str, on: dt.date | None = None) -> bool:
    """Whether the consents recorded for `intervention` allow `purpose` on the day `on` (today).

    From 16 the young person decides alone; under 16 the young person and a parent with
    parental authority must both have agreed, and neither have withdrawn.
    """
    return intervention.pk in interventions_with_consent(interventions=[intervention], purpose=purpose, on=on)


def interventions_with_consent(
    *, interventions: Iterable, purpose: str, on: dt.date | None = None
) -> set[int]:
    """The ids of `interventions` for which consent to `purpose` is in effect: one query for a list.

    Each intervention must have its referral's young person loaded or loadable; the birth date
    is read from the young person rows fetched here, not per intervention.
    """
    day = on or timezone.localdate()
    interventions = list(interventions)
    if not interventions:
        return set()
    rows = (
        Consent.objects.filter(
            Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day),
            intervention__in=[i.pk for i in interventions],
            purpose=purpose,
            given_on__lte=day,
        )
        .filter(Q(young_person__isnull=False) | Q(parent__has_parental_authority=True))
        .values_list(
            "intervention_id",
            "young_person_id",
            "intervention__referral__young_person__birth_date",
        )
    )
    youth_agreed: dict[int, dt.date] = {}
    parent_agreed: set[int] = set()
    for intervention_id, young_person_id, birth_date in rows:
        if young_person_id is not None:
            youth_agreed[intervention_id] = birth_date
        else:
            parent_agreed.add(intervention_id)
    return {
        intervention_id
        for intervention_id, birth_date in youth_agreed.items()
        if age_on(birth_date, day) >= CONSENT_OWN_DECISION_AGE or intervention_id in parent_agreed
    }
