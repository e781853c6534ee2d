"""The rules a referral from a referrer meets, in one place for the web form and the API.

Both the referral form (`forms.ReferralForm`) and the API serializer (`kansrijk/api/`) turn what
they received into an `Intake` and call `intake_submit`, which checks `intake_errors` and then
calls `services.referral_submit`. So a referral that the form accepts, the API accepts too, with
the same messages, and both store exactly the same rows.

The messages are keyed by field name; each caller puts them on its own fields.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.dates import age_on
from kansrijk.core.errors import DomainError
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.organisations.models import Neighbourhood, ReferrerOrganisation

from . import services
from .constants import InterventionType
from .models import Referral
from .rules import age_errors, date_errors, reason_errors

# Below this age on the referral date Halt needs to reach the parents (docs/process.md §4).
ADULT_AGE = 18

# What a missing answer says, the same on the form and in the API.
REQUIRED_MESSAGES = {
    "first_name": _("Enter the first name of the young person."),
    "last_name": _("Enter the last name of the young person."),
    "birth_date": _("Enter the date of birth of the young person."),
    "incident_date": _("Enter the date on which it happened."),
    "description": _("Describe what happened."),
    "reasons": _("Choose at least one reason; the main reason first."),
    "youth_informed": _("Say whether the young person knows of the referral."),
    "parents_informed": _("Say whether the parents know of the referral."),
}

TEXT_LIMITS = {"first_name": 100, "last_name": 150, "school_class": 50, "address_area": 100}


@dataclass
class ParentContact:
    first_name: str = ""
    last_name: str = ""
    relation: str = ""
    phone: str = ""
    email: str = ""

    @property
    def is_empty(self) -> bool:
        return not any((self.first_name, self.last_name, self.relation, self.phone, self.email))

    @property
    def reachable(self) -> bool:
        return bool(self.phone.strip() or self.email.strip())


@dataclass
class Intake:
    """A referral as a referrer gives it, whatever the channel."""

    first_name: str = ""
    last_name: str = ""
    birth_date: dt.date | None = None
    school_class: str = ""
    address_area: str = ""
    neighbourhood: str = ""
    parents: list[ParentContact] = field(default_factory=list)
    incident_date: dt.date | None = None
    description: str = ""
    reasons: list[str] = field(default_factory=list)
    has_victim: bool = False
    youth_informed: bool | None = None
    parents_informed: bool | None = None
    other_care_involved: bool = False
    other_care_description: str = ""


class IntakeInvalid(DomainError):
    """The broken rules, by field name (`errors`); as a DomainError its message is all of them."""

    def __init__(self, errors: dict[str, list[Any]]):
        super().__init__([message for messages in errors.values() for message in messages], code="invalid")
        self.errors = errors


def intake_errors(intake: Intake, *, organisation: ReferrerOrganisation) -> dict[str, list[Any]]:
    """Every broken rule, by field name; empty when the referral can be submitted."""
    errors: dict[str, list[Any]] = {}

    def add(name: str, message) -> None:
        errors.setdefault(name, []).append(message)

    today = timezone.localdate()
    if not intake.first_name.strip():
        add("first_name", REQUIRED_MESSAGES["first_name"])
    if not intake.last_name.strip():
        add("last_name", REQUIRED_MESSAGES["last_name"])
    if intake.birth_date is None:
        add("birth_date", REQUIRED_MESSAGES["birth_date"])
    if intake.incident_date is None:
        add("incident_date", REQUIRED_MESSAGES["incident_date"])
    rule_errors = date_errors(
        birth_date=intake.birth_date, incident_date=intake.incident_date, referral_date=None, today=today
    )
    if intake.birth_date and intake.incident_date and not rule_errors:
        rule_errors = age_errors(intake.birth_date, intake.incident_date)
    for error in rule_errors:
        add(error.field, error.message)
    if not intake.description.strip():
        add("description", REQUIRED_MESSAGES["description"])
    if not intake.reasons:
        add("reasons", REQUIRED_MESSAGES["reasons"])
    for error in reason_errors(intake.reasons) if intake.reasons else []:
        add(error.field, error.message)
    if intake.youth_informed is None:
        add("youth_informed", REQUIRED_MESSAGES["youth_informed"])
    if intake.parents_informed is None:
        add("parents_informed", REQUIRED_MESSAGES["parents_informed"])
    if intake.other_care_involved and not intake.other_care_description.strip():
        add("other_care_description", _("Say which other care is involved."))
    for name, limit in TEXT_LIMITS.items():
        if len(getattr(intake, name)) > limit:
            add(name, format_lazy(_("Use at most {limit} characters."), limit=limit))
    if intake.birth_date and age_on(intake.birth_date, today) < ADULT_AGE:
        if not any(parent.reachable for parent in intake.parents):
            add(
                "parents",
                _(
                    "The young person is under 18: give a phone number or e-mail address of at "
                    "least one parent or carer."
                ),
            )
    if intake.neighbourhood and _neighbourhood(intake, organisation) is None:
        add("neighbourhood", _("This neighbourhood is not in the municipality of your organisation."))
    return errors


@transaction.atomic
def intake_submit(
    *, intake: Intake, organisation: ReferrerOrganisation, referred_by: User | None, api_token=None
) -> Referral:
    """Check the intake and submit the referral for `organisation`; IntakeInvalid when it breaks a rule.

    `referred_by` is the referrer who filled in the form; a partner system's API call has none,
    and its key (`api_token`) is recorded in the audit log instead.
    """
    errors = intake_errors(intake, organisation=organisation)
    if errors:
        raise IntakeInvalid(errors)
    school = organisation.school if organisation.kind == ReferrerKind.SCHOOL else None
    try:
        referral = services.referral_submit(
            young_person_data={
                "first_name": intake.first_name.strip(),
                "last_name": intake.last_name.strip(),
                "birth_date": intake.birth_date,
                "school_class": intake.school_class.strip(),
                "address_area": intake.address_area.strip(),
            },
            organisation=organisation,
            referred_by=referred_by,
            type=InterventionType.SCHOOL if school else InterventionType.NEIGHBOURHOOD,
            school=school,
            neighbourhood=_neighbourhood(intake, organisation),
            municipality=organisation.municipality,
            referral_date=timezone.localdate(),
            incident_date=intake.incident_date,
            description=intake.description.strip(),
            reasons=list(intake.reasons),
            has_victim=intake.has_victim,
            youth_informed=bool(intake.youth_informed),
            parents_informed=bool(intake.parents_informed),
            other_care_involved=intake.other_care_involved,
            other_care_description=intake.other_care_description.strip()
            if intake.other_care_involved
            else "",
            parents=[
                {
                    "first_name": parent.first_name.strip(),
                    "last_name": parent.last_name.strip(),
                    "relation": parent.relation.strip(),
                    "phone": parent.phone.strip(),
                    "email": parent.email.strip(),
                }
                for parent in intake.parents
                if not parent.is_empty
            ],
        )
    except DomainError as error:
        # The service's own checks; the rules above should have caught all of them first.
        raise IntakeInvalid({"non_field_errors": [error.message]}) from error
    if api_token is not None:
        audit_record(
            actor=None,
            event=Event.REFERRAL_RECEIVED_BY_API,
            subject=referral,
            new={"api_token": str(api_token.uuid)},
        )
    return referral


def _neighbourhood(intake: Intake, organisation: ReferrerOrganisation) -> Neighbourhood | None:
    if not intake.neighbourhood:
        return None
    return Neighbourhood.objects.filter(
        municipality_id=organisation.municipality_id, name__iexact=intake.neighbourhood.strip()
    ).first()
