"""The only write path for referrals: submit, triage (review, accept, reject) and withdraw.

Each function checks the rules, changes the referral inside one transaction, and writes the
status-history row and the audit row itself (docs/conventions.md, habit 2). A step the rules forbid
raises DomainError before anything is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import HALT_CASE_ROLES, Role
from kansrijk.accounts.models import User
from kansrijk.accounts.policy import require_assignable
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record, audit_values
from kansrijk.core.errors import DomainError
from kansrijk.core.models import ReferenceCounter
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.organisations.models import Municipality, Neighbourhood, ReferrerOrganisation, School
from kansrijk.people.constants import Gender
from kansrijk.people.models import Parent, YoungPerson

from .constants import InterventionType, ReferralStatus, RejectionReason
from .models import Referral, ReferralReason, ReferralStatusChange
from .notifications import notify_referral_submitted, notify_referrer
from .rules import age_errors, date_errors, raise_first, reason_errors
from .workflow import REFERRAL_WORKFLOW

# The fields a referral form may fill in; anything else (uuid, created_at) is not the caller's.
YOUNG_PERSON_FIELDS = frozenset(
    {
        "external_id",
        "first_name",
        "last_name",
        "birth_date",
        "gender",
        "phone",
        "email",
        "address_area",
        "school_class",
    }
)
PARENT_FIELDS = frozenset({"first_name", "last_name", "relation", "has_parental_authority", "phone", "email"})


@transaction.atomic
def referral_submit(
    *,
    young_person_data: Mapping[str, Any] | None = None,
    young_person: YoungPerson | None = None,
    organisation: ReferrerOrganisation | None,
    referred_by: User | None,
    type: str,
    school: School | None = None,
    neighbourhood: Neighbourhood | None = None,
    municipality: Municipality,
    referral_date: dt.date,
    incident_date: dt.date | None,
    description: str,
    reasons: list[str],
    has_victim: bool,
    youth_informed: bool,
    parents_informed: bool,
    other_care_involved: bool,
    other_care_description: str = "",
    parents: Iterable[Mapping[str, Any]] = (),
    referrer_kind: str | None = None,
) -> Referral:
    """Register a referral of a new (`young_person_data`) or known (`young_person`) young person.

    `reasons` are codes, the primary reason first. `referred_by` may be None for referrals
    entered by the system (imports); a referrer may only refer for their own organisation.
    `referrer_kind` defaults to the organisation's kind and is needed only without one.
    """
    if (young_person is None) == (young_person_data is None):
        raise TypeError("pass exactly one of young_person and young_person_data")
    _check_field_names(young_person_data or {}, YOUNG_PERSON_FIELDS, "young_person_data")
    parents = [dict(parent) for parent in parents]
    for parent in parents:
        _check_field_names(parent, PARENT_FIELDS, "parents")

    _check_referrer(referred_by, organisation, municipality)
    kind = referrer_kind or (organisation.kind if organisation is not None else "")
    if kind not in ReferrerKind.values:
        raise DomainError(_("Choose the kind of referrer."), code="referrer_kind_required")
    if type not in InterventionType.values:
        raise DomainError(_("Choose a school or a neighbourhood intervention."), code="invalid_type")
    if type == InterventionType.SCHOOL and school is None:
        raise DomainError(_("A school intervention needs the school."), code="school_required")
    if school is not None and school.municipality_id != municipality.pk:
        raise DomainError(
            _("The school is not in the chosen municipality."), code="school_outside_municipality"
        )
    if neighbourhood is not None and neighbourhood.municipality_id != municipality.pk:
        raise DomainError(
            _("The neighbourhood is not in the chosen municipality."),
            code="neighbourhood_outside_municipality",
        )
    raise_first(reason_errors(reasons))
    if referral_date is None:
        raise DomainError(_("Give the referral date."), code="date_required")
    # Neither given: no birth date, refused below like a new young person without one.
    young_person_data = young_person_data or {}
    birth_date = young_person.birth_date if young_person else young_person_data.get("birth_date")
    if birth_date is None:
        raise DomainError(_("The date of birth of the young person is required."), code="birth_date_required")
    raise_first(
        date_errors(
            birth_date=birth_date,
            incident_date=incident_date,
            referral_date=referral_date,
            today=timezone.localdate(),
        )
    )
    raise_first(age_errors(birth_date, incident_date or referral_date))
    if young_person is None:
        _check_new_young_person(young_person_data)

    if young_person is None:
        young_person = YoungPerson.objects.create(**young_person_data)
    for parent in parents:
        Parent.objects.create(young_person=young_person, **parent)

    referral = Referral.objects.create(
        reference=ReferenceCounter.next_reference("AAN", referral_date.year),
        status=ReferralStatus.SUBMITTED,
        type=type,
        young_person=young_person,
        organisation=organisation,
        referrer_kind=kind,
        referred_by=referred_by,
        region_id=municipality.region_id,
        municipality=municipality,
        school=school,
        neighbourhood=neighbourhood,
        referral_date=referral_date,
        incident_date=incident_date,
        description=description,
        has_victim=has_victim,
        youth_informed=youth_informed,
        parents_informed=parents_informed,
        other_care_involved=other_care_involved,
        other_care_description=other_care_description,
    )
    ReferralReason.objects.bulk_create(
        ReferralReason(referral=referral, code=code, position=position, is_primary=position == 0)
        for position, code in enumerate(reasons)
    )
    _history(referral, "", ReferralStatus.SUBMITTED, by=referred_by)
    audit_record(
        actor=referred_by,
        event=Event.REFERRAL_SUBMITTED,
        subject=referral,
        new=audit_values(
            reference=referral.reference,
            status=referral.status,
            type=type,
            region=referral.region_id,
            municipality=municipality.pk,
            school=school.pk if school else None,
            young_person=young_person,
            referral_date=referral_date,
            incident_date=incident_date,
            reasons=list(reasons),
        ),
    )
    notify_referral_submitted(referral)
    return referral


@transaction.atomic
def referral_start_review(*, referral: Referral, by: User) -> Referral:
    """A team lead of the region takes the referral into review."""
    _lock(referral)
    REFERRAL_WORKFLOW.check(by, referral, "start_review")
    _move(referral, "start_review", by=by)
    return referral


@transaction.atomic
def referral_accept(*, referral: Referral, by: User, professional: User) -> None:
    """The referral's side of accepting it: checks, status, history, audit and the referrer's
    notice. Only `kansrijk.interventions.services.intervention_open` calls this, in the same
    transaction in which it opens the intervention."""
    _lock(referral)
    REFERRAL_WORKFLOW.check(by, referral, "accept")
    require_assignable(professional, referral.region_id)
    # The birth date may have been corrected since the referral came in: check again.
    birth_date = referral.young_person.birth_date
    if birth_date is None:
        raise DomainError(_("The date of birth of the young person is required."), code="birth_date_required")
    raise_first(age_errors(birth_date, referral.incident_or_referral_date))
    if referral.primary_reason is None:
        raise DomainError(_("The referral has no primary reason."), code="no_reason")
    _move(referral, "accept", by=by)
    notify_referrer(referral, event="accepted")


@transaction.atomic
def referral_reject(
    *, referral: Referral, by: User, reason: RejectionReason | str, note: str = ""
) -> Referral:
    """Reject the referral for one of the reasons of `RejectionReason`."""
    _lock(referral)
    REFERRAL_WORKFLOW.check(by, referral, "reject")
    if not reason:
        raise DomainError(_("Give the reason for rejecting the referral."), code="reason_required")
    if reason not in RejectionReason.values:
        raise DomainError(_("Unknown reason for rejection."), code="unknown_reason")
    referral.rejection_reason = reason
    referral.rejection_note = note
    _move(
        referral,
        "reject",
        by=by,
        reason=_history_reason(reason, note),
        update_fields=["rejection_reason", "rejection_note"],
        extra=audit_values(rejection_reason=reason),
    )
    notify_referrer(referral, event="rejected")
    return referral


@transaction.atomic
def referral_withdraw(*, referral: Referral, by: User, note: str = "") -> Referral:
    """Withdraw a referral that has not been decided on yet.

    The referrer of the organisation (or whoever submitted it) may withdraw it, and so may a
    team lead of the region, e.g. when the referrer phones in.
    """
    _lock(referral)
    REFERRAL_WORKFLOW.check(by, referral, "withdraw")
    _move(referral, "withdraw", by=by, reason=note)
    return referral


def _check_new_young_person(data: Mapping[str, Any]) -> None:
    if data.get("gender", "") not in ("", *Gender.values):
        raise DomainError(_("Unknown gender."), code="unknown_code")
    external_id = data.get("external_id")
    if external_id and YoungPerson.objects.filter(external_id=external_id).exists():
        raise DomainError(
            _("This young person is already registered; refer the known young person instead."),
            code="young_person_exists",
        )


def _check_referrer(
    user: User | None, organisation: ReferrerOrganisation | None, municipality: Municipality
) -> None:
    """Referrers refer for their own organisation; Halt staff may enter a referral for their region."""
    if user is None:
        return
    if user.is_active and user.role == Role.REFERRER and organisation is not None:
        if user.organisation_id == organisation.pk:
            return
    elif user.is_active and user.role in HALT_CASE_ROLES and user.region_id == municipality.region_id:
        return
    raise DomainError(
        _("You may only submit referrals for your own organisation or region."), code="forbidden"
    )


def _check_field_names(data: Mapping[str, Any], allowed: frozenset[str], argument: str) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise TypeError(f"{argument}: unknown field(s) {', '.join(sorted(unknown))}")


def _lock(referral: Referral) -> None:
    """Re-read the referral under a row lock, so two triage decisions cannot race."""
    referral.refresh_from_db(from_queryset=Referral.objects.select_for_update())


# The audit event of each triage step.
_MOVE_EVENTS = {
    "start_review": Event.REFERRAL_IN_REVIEW,
    "accept": Event.REFERRAL_ACCEPTED,
    "reject": Event.REFERRAL_REJECTED,
    "withdraw": Event.REFERRAL_WITHDRAWN,
}


def _move(
    referral: Referral,
    action: str,
    *,
    by: User,
    reason: str = "",
    update_fields: Iterable[str] = (),
    extra: dict[str, Any] | None = None,
) -> None:
    old_status = referral.status
    referral.status = REFERRAL_WORKFLOW.next_status(referral, action)
    referral.save(update_fields=["status", "updated_at", *update_fields])
    _history(referral, old_status, referral.status, by=by, reason=reason)
    audit_record(
        actor=by,
        event=_MOVE_EVENTS[action],
        subject=referral,
        old={"status": old_status},
        new={"status": referral.status, **(extra or {})},
    )


def _history(referral: Referral, old: str, new: str, *, by: User | None, reason: str = "") -> None:
    ReferralStatusChange.objects.create(
        referral=referral, from_status=old, to_status=new, by=by, at=timezone.now(), reason=reason
    )


def _history_reason(code: str, note: str) -> str:
    """The why of a history row: the reason code, then the explanation if one was given."""
    return f"{code}: {note}" if note else code
