"""The only write path for consent (docs/process.md §4): record it, withdraw it.

Recording consent is case work on an open file. Withdrawing is a person's right that must take
effect whatever the file's state, so it is allowed on ended files too (closed files are
otherwise read-only).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record, audit_values
from kansrijk.core.errors import DomainError
from kansrijk.core.rules import check_day
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.workflow import INTERVENTION_WORKFLOW

from .constants import ConsentPurpose
from .models import Consent, Parent, YoungPerson


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
