"""Reads of referrals for the professionals' web app; every read starts in `access.py`.

Each function does a fixed number of queries, whatever the number of reasons, parents or
earlier referrals: the triage page stays quick however long a young person's history is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.constants import HALT_CASE_ROLES
from kansrijk.accounts.models import User
from kansrijk.core.dates import MAX_AGE, MIN_AGE, add_months, age_on
from kansrijk.interventions.access import interventions_visible_to
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.workflow import REVIEWABLE
from kansrijk.people.models import YoungPerson

from .access import referrals_visible_to
from .constants import HALT_AFDOENING_REASONS, Reason
from .models import Referral, ReferralStatusChange

# The Halt-afdoening (criminal-law route) is for 12- to 17-year-olds (docs/process.md §1).
HALT_AFDOENING_MIN_AGE = 12
HALT_AFDOENING_MAX_AGE = 17
# A young person referred again within this many months is worth a second look at triage.
REPEAT_REFERRAL_MONTHS = 12

# What a list row shows, fetched in the same query as the row itself.
LIST_RELATED = ("young_person", "municipality", "school", "neighbourhood", "organisation")

WARNING_AGE = "age"
WARNING_HALT_AFDOENING = "halt_afdoening"
WARNING_SCHOOL_ABSENCE = "school_absence"
WARNING_REFERRED_BEFORE = "referred_before"


def referrals_awaiting_triage(*, user: User) -> QuerySet[Referral]:
    """The region's referrals that wait for a decision (submitted or in review), oldest first."""
    return (
        referrals_visible_to(user)
        .filter(status__in=REVIEWABLE)
        .select_related(*LIST_RELATED)
        .order_by("referral_date", "id")
    )


def referrals_of_region(*, user: User, status: str = "") -> QuerySet[Referral]:
    """The referrals `user` may see, newest first; `status` "waiting" means not yet decided."""
    referrals = referrals_visible_to(user)
    if status == "waiting":
        referrals = referrals.filter(status__in=REVIEWABLE)
    elif status:
        referrals = referrals.filter(status=status)
    return referrals.select_related(*LIST_RELATED).order_by("-referral_date", "-id")


def professionals_for_region(region_id: int) -> QuerySet[User]:
    """Who an intervention of the region can be assigned to: its active professionals and team leads."""
    return User.objects.filter(region_id=region_id, role__in=HALT_CASE_ROLES, is_active=True).order_by(
        "first_name", "last_name", "username"
    )


# --- triage --------------------------------------------------------------------------------


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
        return self.referral.status in REVIEWABLE


def referral_triage(*, user: User, referral: Referral) -> Triage:
    """Everything the triage page shows, for a referral the view got through the access module."""
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
    if not MIN_AGE <= age <= MAX_AGE:
        warnings.append(
            TriageWarning(
                WARNING_AGE,
                format_lazy(
                    _(
                        "The young person was {age} years old on the date of the incident. Halt works "
                        "with young people aged {min_age} to {max_age}: this referral cannot be accepted."
                    ),
                    age=age,
                    min_age=MIN_AGE,
                    max_age=MAX_AGE,
                ),
            )
        )
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


# --- the referrer's view: status only --------------------------------------------------------


@dataclass
class ReferrerView:
    """What a referrer may know of one of their organisation's referrals (docs/process.md §3).

    The reference, dates and status; for a rejection its reason category (not the note); the
    end of the intervention and its outcome only while the consent to share feedback with the
    referrer is in effect. Never what the referral or the case file says.
    """

    referral: Referral
    status: str
    status_label: Any
    detail: Any = ""
    decided_on: dt.date | None = None


def referral_for_referrer(*, referral: Referral) -> ReferrerView:
    """One referral (got through the access module) as the referrer may see it."""
    return referrer_views(Referral.objects.filter(pk=referral.pk))[0]


def referrer_views(referrals: QuerySet[Referral]) -> list[ReferrerView]:
    """The referrer's view of each of `referrals`, newest first; the caller got the queryset
    (or a page of it) through the access module."""
    from kansrijk.interventions.constants import ENDED_STATUSES, Status
    from kansrijk.referrals.constants import ReferralStatus

    from .feedback import interventions_sharing_feedback

    rows = list(referrals.select_related("intervention", "referred_by").order_by("-referral_date", "-id"))
    decided = dict(
        ReferralStatusChange.objects.filter(
            referral_id__in=[r.pk for r in rows],
            to_status__in=[ReferralStatus.ACCEPTED, ReferralStatus.REJECTED, ReferralStatus.WITHDRAWN],
        ).values_list("referral_id", "at")
    )
    interventions = [r.intervention for r in rows if getattr(r, "intervention", None) is not None]
    sharing = interventions_sharing_feedback(interventions)
    views = []
    for referral in rows:
        at = decided.get(referral.pk)
        view = ReferrerView(
            referral=referral,
            status=referral.status,
            status_label=referral.get_status_display(),
            decided_on=timezone.localdate(at) if at else None,
        )
        if referral.status == ReferralStatus.REJECTED:
            view.detail = referral.get_rejection_reason_display()
        intervention = getattr(referral, "intervention", None)
        if intervention is not None and intervention.pk in sharing and intervention.status in ENDED_STATUSES:
            view.status = intervention.status
            view.status_label = intervention.get_status_display()
            if intervention.status == Status.COMPLETED:
                view.detail = intervention.get_outcome_display()
        views.append(view)
    return views
