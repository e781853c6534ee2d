"""Reads for data-subject requests: finding a person, the register, what stands in the way."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from kansrijk.interventions.constants import ENDED_STATUSES
from kansrijk.interventions.models import Intervention
from kansrijk.people.models import Parent, YoungPerson
from kansrijk.referrals.constants import UNDECIDED_STATUSES
from kansrijk.referrals.models import Referral

from .constants import RequestStatus
from .models import DataSubjectRequest

# How many people a search shows: a search that finds more must be narrowed.
SEARCH_LIMIT = 25


@dataclass
class Found:
    """One person a search found, with what tells them apart from namesakes."""

    kind: str  # "jongere" or "ouder", the address part of the registration page
    person: YoungPerson | Parent
    young_person: YoungPerson
    references: list[str]


def people_matching(
    *, first_name: str = "", last_name: str = "", birth_date: dt.date | None = None, reference: str = ""
) -> list[Found]:
    """Young people and parents matching every given criterion, whose data are still held.

    Names match case-insensitively, the first name on its beginning; a reference (HLT-…) finds
    the young person of that referral or intervention and their parents.
    """
    young = YoungPerson.objects.filter(birth_date__isnull=False)
    parents = Parent.objects.filter(young_person__birth_date__isnull=False)
    if reference:
        referral_ids = Referral.objects.filter(
            Q(reference__iexact=reference) | Q(intervention__reference__iexact=reference)
        ).values("young_person_id")
        young = young.filter(pk__in=referral_ids)
        parents = parents.filter(young_person_id__in=referral_ids)
    if first_name:
        young = young.filter(first_name__istartswith=first_name)
        parents = parents.filter(first_name__istartswith=first_name)
    if last_name:
        young = young.filter(last_name__icontains=last_name)
        parents = parents.filter(last_name__icontains=last_name)
    if birth_date:
        young = young.filter(birth_date=birth_date)
        # A parent's birth date is not stored: the date narrows to young people only.
        parents = parents.none()
    young_list = list(young.order_by("last_name", "first_name", "pk")[:SEARCH_LIMIT])
    parent_list = list(
        parents.select_related("young_person").order_by("last_name", "first_name", "pk")[:SEARCH_LIMIT]
    )
    references = _references({person.pk for person in young_list} | {p.young_person_id for p in parent_list})
    return [Found("jongere", person, person, references.get(person.pk, [])) for person in young_list] + [
        Found("ouder", parent, parent.young_person, references.get(parent.young_person_id, []))
        for parent in parent_list
    ]


def _references(young_person_ids: set[int]) -> dict[int, list[str]]:
    result: dict[int, list[str]] = {}
    rows = Referral.objects.filter(young_person_id__in=young_person_ids).order_by("referral_date")
    for young_person_id, reference in rows.values_list("young_person_id", "reference"):
        result.setdefault(young_person_id, []).append(reference)
    return result


def requests_register() -> QuerySet[DataSubjectRequest]:
    """Every request: open ones first, the earliest due at the top; then the handled, newest first."""
    return DataSubjectRequest.objects.order_by("-status", "due_on", "-handled_on", "-id").select_related(
        "young_person", "parent"
    )


def open_requests_count() -> int:
    return DataSubjectRequest.objects.filter(status=RequestStatus.OPEN).count()


def overdue(request: DataSubjectRequest, today: dt.date | None = None) -> bool:
    return request.is_open and request.due_on < (today or timezone.localdate())


def open_cases(young_person: YoungPerson) -> list[str]:
    """The references of the young person's referrals and interventions that are not over yet.

    Erasing the data of a case still being worked on would leave a file nobody can work with:
    such a case is ended (or the referral rejected or withdrawn) first.
    """
    referrals = Referral.objects.filter(young_person=young_person, status__in=UNDECIDED_STATUSES)
    interventions = Intervention.objects.filter(referral__young_person=young_person).exclude(
        status__in=ENDED_STATUSES
    )
    return sorted(
        [*referrals.values_list("reference", flat=True), *interventions.values_list("reference", flat=True)]
    )
