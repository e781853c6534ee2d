"""The search list: the interventions a user may see, filtered, searched and sorted."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.core.dates import SchoolYear

from ..access import interventions_visible_to
from ..constants import OPEN_STATUSES
from ..models import Intervention
from .worklist import LIST_RELATED, attention_filter

SORT_CHOICES = [
    ("-referral_date", _("Referral date, newest first")),
    ("referral_date", _("Referral date, oldest first")),
    ("reference", _("Reference")),
    ("name", _("Name of the young person")),
]
_SORT_ORDER = {
    "-referral_date": ("-referral_date", "-id"),
    "referral_date": ("referral_date", "id"),
    "reference": ("reference",),
    # Case-insensitive: "de Boer" sorts with the d's, not after every capital ("Visser").
    "name": (Lower("referral__young_person__last_name"), Lower("referral__young_person__first_name"), "id"),
}


def interventions_search(
    *,
    user: User,
    query: str = "",
    status: str = "",
    type: str = "",
    municipality=None,
    school=None,
    professional=None,
    primary_reason: str = "",
    school_year: SchoolYear | None = None,
    attention: str = "",
    sort: str = "",
    now: dt.datetime | None = None,
) -> QuerySet[Intervention]:
    """The interventions `user` may see that match every filter given."""
    interventions = interventions_visible_to(user)
    if query:
        interventions = interventions.filter(pk__in=_matches(interventions, query))
    if status == "open":
        interventions = interventions.filter(status__in=OPEN_STATUSES)
    elif status == "ended":
        interventions = interventions.exclude(status__in=OPEN_STATUSES)
    elif status:
        interventions = interventions.filter(status=status)
    if type:
        interventions = interventions.filter(type=type)
    if municipality is not None:
        interventions = interventions.filter(municipality=municipality)
    if school is not None:
        interventions = interventions.filter(school=school)
    if professional is not None:
        interventions = interventions.filter(professional=professional)
    if primary_reason:
        interventions = interventions.filter(primary_reason=primary_reason)
    if school_year is not None:
        # The factsheet counts by referral date; the list counts the same way.
        interventions = interventions.filter(
            referral_date__gte=school_year.first_day, referral_date__lte=school_year.last_day
        )
    if attention:
        interventions = interventions.filter(attention_filter(attention, now=now))
    return interventions.select_related(*LIST_RELATED).order_by(
        *_SORT_ORDER.get(sort, _SORT_ORDER["-referral_date"])
    )


def _matches(visible: QuerySet[Intervention], query: str) -> QuerySet:
    """Ids of the visible interventions with this reference (of the intervention or its referral)
    or with every word in the young person's name.

    One indexed query per kind of match, joined by UNION: an OR across the three tables would
    keep PostgreSQL from using the trigram indexes (interventions.0006) and make it join the
    whole region before filtering.
    """
    query = query.strip()
    by_reference = visible.filter(reference__icontains=query)
    by_referral = visible.filter(referral__reference__icontains=query)
    by_name = visible
    for word in query.split():
        by_name = by_name.filter(
            Q(referral__young_person__first_name__icontains=word)
            | Q(referral__young_person__last_name__icontains=word)
        )
    return (
        by_reference.order_by()
        .values("pk")
        .union(by_referral.order_by().values("pk"), by_name.order_by().values("pk"))
    )
