"""The factsheet figures, exactly as docs/factsheet.md defines them.

Every figure is an SQL aggregate over the counted interventions; nothing loops over
interventions in Python. Restoration and parent contact are counted from the intervention's
own flags (the statistical remnant, see Intervention), not from the case rows, so a factsheet
keeps its figures after retention removes those rows. The JSON keys are fixed by factsheet.md
and must keep their meaning; keys added here (`reasons`, `restored`, `parent_contact`,
`parent_contact_modes`, `evaluations`, `quotes`, `previous`) only add to them.
"""

from __future__ import annotations

from contextlib import contextmanager
from copy import deepcopy

from django.db import connection, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import translation

from kansrijk.core.dates import SchoolYear
from kansrijk.core.figures import percentage
from kansrijk.evaluations.selectors import evaluation_figures
from kansrijk.interventions.constants import ContactMode, InterventionType
from kansrijk.interventions.models import (
    PARENT_CONTACT_FLAGS,
    CareReferral,
    CareReport,
    Intervention,
)
from kansrijk.referrals.constants import Reason

from .scope import Scope

__all__ = ["Scope", "compute_factsheet", "factsheet_document", "percentage", "relabelled"]

TOP_REASONS = 5
MODES = tuple(mode.value for mode in ContactMode)
TYPES = (InterventionType.SCHOOL.value, InterventionType.NEIGHBOURHOOD.value)


def counted_interventions(*, period: SchoolYear, scope: Scope) -> QuerySet[Intervention]:
    """Interventions (accepted referrals, any state) whose referral date lies in the period."""
    return Intervention.objects.filter(
        scope.filter(), referral_date__gte=period.first_day, referral_date__lte=period.last_day
    )


@contextmanager
def report_queries():
    """One transaction for a report's aggregates, with two PostgreSQL settings of its own.

    No JIT: the large cost estimates of these aggregates trigger JIT compilation, which takes
    over 100 ms and saves less than that on statements that run for about as long. No parallel
    workers: each worker builds the same hash tables again (measured: 340 ms with two workers,
    220 ms without on 1,000,000 interventions), and on a small server a report should not take
    every core from the other requests. More memory for sorting (32 MB instead of the default
    4 MB): grouping 100,000 rows by month and region otherwise spills to disk. SET LOCAL ends
    with the transaction.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
                cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
                cursor.execute("SET LOCAL work_mem = '32MB'")
        yield


def _flag(name: str) -> Q:
    return Q(**{name: True})


def _totals_and_reasons(counted: QuerySet[Intervention]) -> tuple[dict[str, dict[str, int]], list[dict]]:
    """Per intervention type: the count, restoration and parent contact (any mode and per mode);
    and per primary reason its count, by count descending, ties by code ascending.

    One statement over the interventions alone, grouped by type and primary reason: it reads
    only the intervention's own columns (the statistical remnant, see Intervention), all of which
    are in the `intervention_period_type` index, so it is one index-only range scan. The groups
    (two types times a few dozen reasons) are added up here.
    """
    contact_flags = list(PARENT_CONTACT_FLAGS.items())
    any_contact = Q()
    for _mode, flag in contact_flags:
        any_contact |= _flag(flag)
    groups = (
        counted.order_by()
        .values("type", "primary_reason")
        .annotate(
            count=Count("pk"),
            restored=Count("pk", filter=_flag("has_restoration")),
            parent_contact=Count("pk", filter=any_contact),
            **{mode: Count("pk", filter=_flag(flag)) for mode, flag in contact_flags},
        )
    )
    totals = _empty_totals()
    per_reason: dict[str, int] = {}
    for group in groups:
        kind = totals[group["type"]]
        for key in kind:
            kind[key] += group[key]
        per_reason[group["primary_reason"]] = per_reason.get(group["primary_reason"], 0) + group["count"]
    reasons = [
        {"primary_reason": code, "count": count}
        for code, count in sorted(per_reason.items(), key=lambda item: (-item[1], item[0]))
    ]
    return totals, reasons


def _reasons(rows: list[dict], *, language: str) -> list[dict]:
    labels = dict(Reason.choices)
    with translation.override(language):
        return [
            {
                "code": row["primary_reason"],
                "label": str(labels[row["primary_reason"]]),
                "count": row["count"],
            }
            for row in rows
        ]


def _empty_totals() -> dict[str, dict[str, int]]:
    return {
        kind: {"count": 0, "restored": 0, "parent_contact": 0, **dict.fromkeys(MODES, 0)} for kind in TYPES
    }


def compute_factsheet(*, period: SchoolYear, scope: Scope, language: str = "nl") -> dict:
    with report_queries():
        counted = counted_interventions(period=period, scope=scope)
        per_type, reason_rows = _totals_and_reasons(counted)
        if not reason_rows:
            schools, care_referrals, care_reports = 0, 0, 0
        else:
            schools = counted.filter(type=InterventionType.SCHOOL).aggregate(
                n=Count("school", distinct=True)
            )["n"]
            # Care referrals and reports are few: start from them and join to the counted
            # interventions (the same period and scope, through the relation).
            in_counted = Q(
                scope.filter("intervention__"),
                intervention__referral_date__gte=period.first_day,
                intervention__referral_date__lte=period.last_day,
            )
            care_referrals = (
                CareReferral.objects.filter(in_counted)
                .order_by()
                .values("intervention__referral__young_person")
                .distinct()
                .count()
            )
            care_reports = CareReport.objects.filter(in_counted).count()
        reasons = _reasons(reason_rows, language=language)
        # From the evaluations' own copies of the referral date and scope: no join to the
        # interventions (see kansrijk/evaluations/models.py).
        evaluations = evaluation_figures(period=period, scope=scope)

    school, neighbourhood = per_type[InterventionType.SCHOOL], per_type[InterventionType.NEIGHBOURHOOD]
    total = school["count"] + neighbourhood["count"]

    return {
        "period": str(period),
        "scope": scope.as_json(),
        "interventions": {
            "school": school["count"],
            "neighbourhood": neighbourhood["count"],
            "total": total,
        },
        "schools": schools,
        "restoration_pct": percentage(school["restored"] + neighbourhood["restored"], total),
        "care_referrals": care_referrals,
        "care_reports": care_reports,
        "top_reasons": reasons[:TOP_REASONS],
        "parent_contact_pct": {
            "school": percentage(school["parent_contact"], school["count"]),
            "neighbourhood": percentage(neighbourhood["parent_contact"], neighbourhood["count"]),
        },
        # Added keys. Every primary reason with its count (the previous year's count of a
        # reason in this year's top five need not be in that year's top five).
        "reasons": reasons,
        # The counts behind the percentages: with restoration, and per type with parent contact
        # in any mode. The suppression of small numbers needs them (suppression.py).
        "restored": school["restored"] + neighbourhood["restored"],
        "parent_contact": {kind: per_type[kind]["parent_contact"] for kind in TYPES},
        # Per type: the number of counted interventions with at least one parent contact in
        # that mode (one intervention can have contacts in several modes).
        "parent_contact_modes": {kind: {mode: per_type[kind][mode] for mode in MODES} for kind in TYPES},
        # Per respondent type (professional, young_person, parent): invited, responded, the
        # response rate and per question the number of answers and the mean (1-5, one decimal);
        # and up to two approved, consented quotes per respondent type (docs/evaluations.md).
        "evaluations": evaluations["evaluations"],
        "quotes": evaluations["quotes"],
    }


def relabelled(document: dict, *, language: str) -> dict:
    """A copy of a factsheet document with the reason labels in `language` (no queries)."""
    labels = dict(Reason.choices)
    copy = deepcopy(document)
    with translation.override(language):
        for figures in (copy, copy.get("previous") or {}):
            for key in ("top_reasons", "reasons"):
                for row in figures.get(key, []):
                    row["label"] = str(labels[row["code"]])
    return copy


def factsheet_document(*, period: SchoolYear, scope: Scope, language: str = "nl") -> dict:
    """The factsheet of `period` with the previous school year's figures under `previous`."""
    document = compute_factsheet(period=period, scope=scope, language=language)
    previous = compute_factsheet(period=period.previous, scope=scope, language=language)
    previous.pop("scope")
    document["previous"] = previous
    return document
