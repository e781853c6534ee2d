"""Consent per person and purpose (docs/process.md §4): what is in effect, and the only write path.

Reads: `consent_in_effect` and its list forms decide, in one place, whether the consents recorded
for an intervention allow a purpose on a day (from 16 the young person alone; under 16 also a
parent with authority). Writes: `consent_record` and `consent_withdraw` check the workflow
(`record_consent` while the file is open, `withdraw_consent` whatever its status), write the row
and the audit row in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record, audit_values
from kansrijk.core.dates import age_on
from kansrijk.core.errors import DomainError
from kansrijk.core.rules import check_day
from kansrijk.people.models import Parent, YoungPerson

from .constants import CONSENT_OWN_DECISION_AGE, ConsentPurpose
from .models import Consent, Intervention
from .workflow import INTERVENTION_WORKFLOW

# --- reads: what is in effect ---------------------------------------------------------------


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


# --- writes: recording and withdrawing -----------------------------------------------------


@transaction.atomic
def consent_record(
    *,
    intervention: Intervention,
    by: User,
    purpose: str,
    given_on: dt.date,
    young_person: YoungPerson | None = None,
    parent: Parent | None = None,
) -> Consent:
    """Record that the young person or one parent agreed to `purpose` on `given_on`."""
    intervention = Intervention.objects.select_for_update().select_related("referral").get(pk=intervention.pk)
    INTERVENTION_WORKFLOW.check(by, intervention, "record_consent")
    if purpose not in ConsentPurpose.values:
        raise DomainError(_("Unknown purpose of consent."), code="unknown_code")
    if (young_person is None) == (parent is None):
        raise DomainError(_("Say who gave the consent."), code="person_required")
    young_person_id = intervention.referral.young_person_id
    if young_person is not None and young_person.pk != young_person_id:
        raise DomainError(
            _("Only the young person of this file can give this consent."), code="invalid_person"
        )
    if parent is not None and parent.young_person_id != young_person_id:
        raise DomainError(
            _("Only parents or carers of this young person can give consent."), code="invalid_person"
        )
    if given_on is None:
        raise DomainError(_("Give the date the consent was given."), code="date_required")
    check_day(
        given_on,
        in_future=_("The date cannot be in the future."),
    )
    # The intervention's row lock above makes two recordings at once take turns, so the second
    # sees the first here; the database's constraint refuses it anyway.
    if Consent.objects.filter(
        intervention=intervention,
        purpose=purpose,
        young_person=young_person,
        parent=parent,
        withdrawn_on__isnull=True,
    ).exists():
        raise DomainError(
            _(
                "This person's consent to this purpose has already been recorded and has not been "
                "withdrawn. Withdraw it first to record it again."
            ),
            code="consent_in_effect",
        )
    consent = Consent.objects.create(
        intervention=intervention,
        purpose=purpose,
        young_person=young_person,
        parent=parent,
        given_on=given_on,
        recorded_by=by,
    )
    audit_record(
        actor=by,
        event=Event.CONSENT_RECORDED,
        subject=intervention,
        new=audit_values(consent=consent, purpose=purpose, person=consent.person, given_on=given_on),
    )
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, by: User, withdrawn_on: dt.date) -> Consent:
    """Record that consent was withdrawn on `withdrawn_on`; from that day it no longer counts."""
    consent = Consent.objects.select_for_update().select_related("intervention").get(pk=consent.pk)
    INTERVENTION_WORKFLOW.check(by, consent.intervention, "withdraw_consent")
    if consent.withdrawn_on is not None:
        raise DomainError(_("This consent has already been withdrawn."), code="already_withdrawn")
    if withdrawn_on is None:
        raise DomainError(_("Give the date the consent was withdrawn."), code="date_required")
    check_day(
        withdrawn_on,
        earliest=consent.given_on,
        too_early=_("Consent cannot be withdrawn before it was given."),
        in_future=_("The date cannot be in the future."),
    )
    consent.withdrawn_on = withdrawn_on
    consent.withdrawn_by = by
    consent.save(update_fields=["withdrawn_on", "withdrawn_by"])
    audit_record(
        actor=by,
        event=Event.CONSENT_WITHDRAWN,
        subject=consent.intervention,
        old=audit_values(consent=consent, withdrawn_on=None),
        new=audit_values(consent=consent, purpose=consent.purpose, withdrawn_on=withdrawn_on),
    )
    return consent
