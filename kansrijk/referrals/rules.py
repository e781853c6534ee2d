"""The rules of a referral, each stated once: the age range, the dates, the reasons.

A rule returns its broken parts as `RuleError`s, keyed by the field they are about. The referral
form and the API put them on their own fields (through `intake.intake_errors`); the services
raise the first as a DomainError (`raise_first`); triage shows the age rule as a warning. So the
three say the same thing in the same words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kansrijk.core.dates import MAX_AGE, MIN_AGE, age_on
from kansrijk.core.errors import DomainError

from .constants import Reason

UNKNOWN_REASON = _("Unknown reason for the referral.")
DUPLICATE_REASON = _("Each reason can be given only once.")
NO_REASON = _("Give at least one reason for the referral.")


@dataclass(frozen=True)
class RuleError:
    field: str
    message: Any
    code: str


def age_in_range(age: int) -> bool:
    """Halt's preventive interventions are for young people aged 10 to 23 on the incident date."""
    return MIN_AGE <= age <= MAX_AGE


def age_message(age: int) -> Any:
    return format_lazy(
        _(
            "The young person was {age} years old on the date of the incident. Halt works with young "
            "people aged {min_age} to {max_age}."
        ),
        age=age,
        min_age=MIN_AGE,
        max_age=MAX_AGE,
    )


def age_errors(birth_date: dt.date, day: dt.date) -> list[RuleError]:
    """The age rule on the day of the incident (or of the referral when that is unknown)."""
    age = age_on(birth_date, day)
    if age_in_range(age):
        return []
    return [RuleError("birth_date", age_message(age), "age_out_of_range")]


def date_errors(
    *,
    birth_date: dt.date | None,
    incident_date: dt.date | None,
    referral_date: dt.date | None,
    today: dt.date,
) -> list[RuleError]:
    """No date in the future; the incident not after the referral."""
    errors = []
    if birth_date is not None and birth_date > today:
        errors.append(
            RuleError("birth_date", _("The date of birth cannot be in the future."), "date_in_future")
        )
    if incident_date is not None and incident_date > today:
        errors.append(
            RuleError(
                "incident_date", _("The date of the incident cannot be in the future."), "date_in_future"
            )
        )
    if referral_date is not None and referral_date > today:
        errors.append(
            RuleError("referral_date", _("The referral date cannot be in the future."), "date_in_future")
        )
    if (
        incident_date is not None
        and referral_date is not None
        and incident_date <= today
        and referral_date <= today
        and incident_date > referral_date
    ):
        errors.append(
            RuleError(
                "incident_date",
                _("The incident cannot have happened after the referral date."),
                "incident_after_referral",
            )
        )
    return errors


def reason_errors(reasons: list[str]) -> list[RuleError]:
    """At least one reason, each a known code, none twice."""
    if not reasons:
        return [RuleError("reasons", NO_REASON, "no_reason")]
    if any(code not in Reason.values for code in reasons):
        return [RuleError("reasons", UNKNOWN_REASON, "unknown_reason")]
    if len(set(reasons)) != len(reasons):
        return [RuleError("reasons", DUPLICATE_REASON, "duplicate_reason")]
    return []


def raise_first(errors: list[RuleError]) -> None:
    """The service's side of a rule: refuse with the first broken part."""
    if errors:
        raise DomainError(errors[0].message, code=errors[0].code)
