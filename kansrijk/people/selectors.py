"""Reads about people: whether consent is in effect (docs/process.md §4)."""

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
    by_intervention: dict[int, list[tuple[bool, dt.date | None]]] = {}
    for intervention_id, young_person_id, birth_date in rows:
        by_intervention.setdefault(intervention_id, []).append((young_person_id is not None, birth_date))
    return {
        intervention_id
        for intervention_id, agreed in by_intervention.items()
        if _sufficient([by_youth for by_youth, _ in agreed], agreed[0][1], day)
    }


def consents_in_effect(
    *, consents: Iterable[Consent], birth_date: dt.date | None, on: dt.date | None = None
) -> set[str]:
    """The purposes the consents of one file allow on `on`, for a file whose consents are loaded.

    Each consent's parent must be loaded (its parental authority counts).
    """
    day = on or timezone.localdate()
    by_purpose: dict[str, list[bool]] = {}
    for consent in consents:
        active = consent.given_on <= day and (consent.withdrawn_on is None or consent.withdrawn_on > day)
        counts = consent.young_person_id is not None or (
            consent.parent is not None and consent.parent.has_parental_authority
        )
        if active and counts:
            by_purpose.setdefault(consent.purpose, []).append(consent.young_person_id is not None)
    return {purpose for purpose, agreed in by_purpose.items() if _sufficient(agreed, birth_date, day)}


def _sufficient(agreed_by_youth: list[bool], birth_date: dt.date | None, day: dt.date) -> bool:
    """Whether these active consents (True: the young person's, False: a parent's with authority)
    are enough: the young person's always, and under 16 (or of unknown age) a parent's as well."""
    if not any(agreed_by_youth):
        return False
    if birth_date is None:
        return not all(agreed_by_youth)
    return age_on(birth_date, day) >= CONSENT_OWN_DECISION_AGE or not all(agreed_by_youth)
