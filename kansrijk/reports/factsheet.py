"""The factsheet figures, exactly as shared/docs/factsheet.md defines them.

Every figure is an SQL aggregate over the counted interventions; nothing loops over
interventions in Python. The JSON keys are fixed by factsheet.md and must keep their meaning.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import translation

from kansrijk.core.dates import SchoolYear
from kansrijk.interventions.constants import InterventionType
from kansrijk.interventions.models import (
    CareReferral,
    CareReport,
    Intervention,
    ParentContact,
    RestorationAction,
)
from kansrijk.referrals.constants import Reason

from .scope import Scope

TOP_REASONS = 5


def percentage(numerator: int, denominator: int) -> int | None:
    """100 * numerator / denominator rounded half up to a whole number; None for 0/0."""
    if not denominator:
        return None
    exact = Decimal(100 * numerator) / Decimal(denominator)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def counted_interventions(*, period: SchoolYear, scope: Scope) -> QuerySet[Intervention]:
    """Interventions (accepted referrals, any state) whose referral date lies in the period."""
    return Intervention.objects.filter(
        scope.filter(), referral_date__gte=period.first_day, referral_date__lte=period.last_day
    )


def compute_factsheet(*, period: SchoolYear, scope: Scope, language: str = "nl") -> dict:
    counted = counted_interventions(period=period, scope=scope)
    school = Q(type=InterventionType.SCHOOL)
    neighbourhood = Q(type=InterventionType.NEIGHBOURHOOD)
    has_restoration = Exists(RestorationAction.objects.filter(intervention=OuterRef("pk")))
    has_parent_contact = Exists(ParentContact.objects.filter(intervention=OuterRef("pk")))

    totals = counted.aggregate(
        n_school=Count("pk", filter=school),
        n_neighbourhood=Count("pk", filter=neighbourhood),
        n_schools=Count("school", filter=school, distinct=True),
        restored=Count("pk", filter=Q(has_restoration)),
        school_parent_contact=Count("pk", filter=school & Q(has_parent_contact)),
        neighbourhood_parent_contact=Count("pk", filter=neighbourhood & Q(has_parent_contact)),
    )
    total = totals["n_school"] + totals["n_neighbourhood"]

    counted_ids = counted.values("pk")
    care_referrals = (
        CareReferral.objects.filter(intervention__in=counted_ids)
        .values("intervention__referral__young_person")
        .distinct()
        .count()
    )
    care_reports = CareReport.objects.filter(intervention__in=counted_ids).count()

    reason_counts = (
        counted.order_by()
        .values("primary_reason")
        .annotate(count=Count("pk"))
        .order_by("-count", "primary_reason")[:TOP_REASONS]
    )
    labels = dict(Reason.choices)
    with translation.override(language):
        top_reasons = [
            {"code": row["primary_reason"], "label": str(labels[row["primary_reason"]]), "count": row["count"]}
            for row in reason_counts
        ]

    return {
        "period": str(period),
        "scope": scope.as_json(),
        "interventions": {
            "school": totals["n_school"],
            "neighbourhood": totals["n_neighbourhood"],
            "total": total,
        },
        "schools": totals["n_schools"],
        "restoration_pct": percentage(totals["restored"], total),
        "care_referrals": care_referrals,
        "care_reports": care_reports,
        "top_reasons": top_reasons,
        "parent_contact_pct": {
            "school": percentage(totals["school_parent_contact"], totals["n_school"]),
            "neighbourhood": percentage(totals["neighbourhood_parent_contact"], totals["n_neighbourhood"]),
        },
    }
