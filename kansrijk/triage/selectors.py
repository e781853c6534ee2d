"""What the triage page shows: the referral, the young person's earlier referrals, warnings.

Building the page is reading the referral: `referral_triage` writes the audit row of the read,
so every answer that shows it (the page, a decision refused on it) is audited exactly once.

Each function does a fixed number of queries, whatever the number of reasons, parents or
earlier referrals: the triage page stays quick however long a young person's history is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.core.dates import add_months, age_on
from kansrijk.interventions.access import interventions_visible_to
from kansrijk.interventions.models import Intervention
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.access import referral_read_record, referrals_visible_to
from kansrijk.referrals.constants import HALT_AFDOENING_REASONS, Reason
from kansrijk.referrals.models import Referral
from kansrijk.referrals.rules import age_in_range, age_message

# The Halt-afdoening (criminal-law route) is for 12- to 17-year-olds (docs/process.md §1).
HALT_AFDOENING_MIN_AGE = 12
HALT_AFDOENING_MAX_AGE = 17
# A young person referred again within this many months is worth a second look at triage.
REPEAT_REFERRAL_MONTHS = 12

WARNING_AGE = "age"
WARNING_HALT_AFDOENING = "halt_afdoening"
WARNING_SCHOOL_ABSENCE = "school_absence"
WARNING_REFERRED_BEFORE = "referred_before"


@dataclass
class TriageWarning:
    key: str
    message: Any


@dataclass
class EarlierReferral:
    """Another referral of the same young person; links only to what the user may see."""

    referral: Referral
    visible: bool
    intervention: Intervention | None = None


@dataclass
class Triage:
    referral: Referral
    young_person: Any
    age: int | None
    parents: list
    victims: list
    reasons: list
    history: list
    intervention: Intervention | None
    earlier: list[EarlierReferral] = field(default_factory=list)
    warnings: list[TriageWarning] = field(default_factory=list)

    @property
    def is_open(self) -> bool:
        return self.referral.is_undecided


def referral_triage(*, user: User, referral: Referral) -> Triage:
    """Everything the triage page shows, for a referral the view got through the access module;
    one audit row for the look at it."""
    referral_read_record(user=user, referral=referral)
    referral = (
        Referral.objects.select_related(
            "young_person", "organisation", "referred_by", "municipality", "school", "neighbourhood", "region"
        )
        .prefetch_related("reasons", "victims", "young_person__parents")
        .get(pk=referral.pk)
    )
    young_person = referral.young_person
    reasons = list(referral.reasons.all())
    # No birth date once retention has removed the young person's data.
    age = (
        age_on(young_person.birth_date, referral.incident_or_referral_date)
        if young_person.birth_date
        else None
    )
    intervention = interventions_visible_to(user).filter(referral_id=referral.pk).first()
    earlier = earlier_referrals(user=user, referral=referral)
    return Triage(
        referral=referral,
        young_person=young_person,
        age=age,
        parents=list(young_person.parents.all()),
        victims=list(referral.victims.all()),
        reasons=reasons,
        history=list(referral.history.select_related("by")),
        intervention=intervention,
        earlier=earlier,
        # A referral whose data were removed was closed long ago: there is nothing to triage.
        warnings=[]
        if age is None
        else triage_warnings(age=age, reason_codes=[reason.code for reason in reasons], earlier=earlier),
    )


def triage_warnings(
    *, age: int, reason_codes: list[str], earlier: list[EarlierReferral]
) -> list[TriageWarning]:
    """The warnings triage shows (docs/process.md §4); each applies only under its own condition."""
    warnings = []
    if not age_in_range(age):
        warnings.append(TriageWarning(WARNING_AGE, age_message(age)))
    if HALT_AFDOENING_MIN_AGE <= age <= HALT_AFDOENING_MAX_AGE and set(reason_codes) & HALT_AFDOENING_REASONS:
        warnings.append(
            TriageWarning(
                WARNING_HALT_AFDOENING,
                _(
                    "This looks like an offence the police could settle with a Halt-afdoening "
                    "(ages 12 to 17). Check whether the criminal-law route applies."
                ),
            )
        )
    if Reason.SCHOOL_ABSENCE in reason_codes:
        warnings.append(
            TriageWarning(
                WARNING_SCHOOL_ABSENCE,
                _(
                    "School absence is one of the reasons. A Halt referral does not replace the "
                    "school's legal absence report to the compulsory-education officer (leerplicht): "
                    "check that the school has made it."
                ),
            )
        )
    if earlier:
        warnings.append(
            TriageWarning(
                WARNING_REFERRED_BEFORE,
                _("This young person has been referred before in the last 12 months."),
            )
        )
    return warnings


def earlier_referrals(*, user: User, referral: Referral) -> list[EarlierReferral]:
    """Other referrals of the same young person from 12 months before this one onwards.

    "The same young person" is the same record, or a record with the same name and date of
    birth: a referrer who does not find the young person registers them again. Referrals the
    user may not see (another region) still count, without a link and without their content.
    Three queries, however many there are.
    """
    young_person = referral.young_person
    same_person = Q(pk=young_person.pk)
    if young_person.first_name and young_person.last_name:
        same_person |= Q(
            birth_date=young_person.birth_date,
            first_name__iexact=young_person.first_name,
            last_name__iexact=young_person.last_name,
        )
    since = add_months(referral.referral_date, -REPEAT_REFERRAL_MONTHS)
    # The young people first, then their referrals: the referrals are found through the
    # young_person index, whatever the number of referrals in the country.
    others = list(
        Referral.objects.filter(
            young_person_id__in=YoungPerson.objects.filter(same_person).values("pk"),
            referral_date__gte=since,
        )
        .exclude(pk=referral.pk)
        .select_related("intervention")
        .order_by("-referral_date", "-id")
    )
    if not others:
        return []
    ids = [other.pk for other in others]
    visible = set(referrals_visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))
    visible_interventions = set(
        interventions_visible_to(user).filter(referral_id__in=ids).values_list("pk", flat=True)
    )
    result = []
    for other in others:
        intervention = getattr(other, "intervention", None)
        result.append(
            EarlierReferral(
                referral=other,
                visible=other.pk in visible,
                intervention=intervention
                if intervention and intervention.pk in visible_interventions
                else None,
            )
        )
    return result
