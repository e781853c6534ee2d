"""The factsheet figures, exactly as shared/docs/factsheet.md defines them.

Every figure is an SQL aggregate over the counted interventions; nothing loops over
interventions in Python. The JSON keys are fixed by factsheet.md and must keep their meaning;
keys added here (`reasons`, `parent_contact_modes`, `previous`) only add to them.
"""

from __future__ import annotations

from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection, transaction
from django.db.models import Count, Max, Min, Q, QuerySet
from django.utils import translation

from kansrijk.core.dates import SchoolYear
from kansrijk.interventions.constants import ContactMode, InterventionType
from kansrijk.interventions.models import (
    CareReferral,
    CareReport,
    Intervention,
    ParentContact,
    RestorationAction,
)
from kansrijk.referrals.constants import Reason

from .scope import Scope

__all__ = ["Scope", "compute_factsheet", "factsheet_document", "percentage", "relabelled"]

TOP_REASONS = 5
MODES = tuple(mode.value for mode in ContactMode)
TYPES = (InterventionType.SCHOOL.value, InterventionType.NEIGHBOURHOOD.value)


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


@dataclass(frozen=True)
class _Band:
    """The lowest and highest id among the counted interventions, and how many there are."""

    lo: int
    hi: int
    count: int

    @property
    def dense(self) -> bool:
        return self.hi - self.lo + 1 <= DENSE_BAND_FACTOR * self.count


# Ids grow with time, so one school year's interventions usually lie in a narrow band of ids:
# then reading the restoration actions and parent contacts over that band in index order (one
# pass each) is several times faster than looking them up once per intervention. Where the
# counted interventions are a thin slice of their band (one school, or ids that do not follow
# the dates, e.g. after an import), each intervention's rows are looked up instead. The band
# only narrows what is read: both statements match on the intervention itself, so the figures
# are the same either way.
DENSE_BAND_FACTOR = 4

DENSE_SQL = """
SELECT c.{type}, COUNT(*), COUNT(r.{fk}), COUNT(m.{fk}), {mode_sums}
FROM ({counted}) c
LEFT JOIN (SELECT DISTINCT {fk} FROM {restorations} WHERE {fk} BETWEEN %s AND %s) r ON r.{fk} = c.{id}
LEFT JOIN (
    SELECT {fk}, {mode_flags} FROM {contacts} WHERE {fk} BETWEEN %s AND %s GROUP BY {fk}
) m ON m.{fk} = c.{id}
GROUP BY c.{type}
"""

# MATERIALIZED (PostgreSQL 12+, SQLite 3.35+): each intervention's two lookups run once, not
# once for every aggregate that reads their result. "LIMIT 1" rather than EXISTS: given memory
# enough, PostgreSQL turns an EXISTS into one hash of the whole restoration table, which for a
# few thousand interventions costs far more than looking each one up.
SPARSE_SQL = """
WITH c AS MATERIALIZED (
    SELECT i.{type},
        (SELECT 1 FROM {restorations} r WHERE r.{fk} = i.{id} LIMIT 1) AS restored,
        (SELECT {mode_bits} FROM {contacts} p WHERE p.{fk} = i.{id}) AS bits
    FROM ({counted}) i
)
SELECT {type}, COUNT(*), COUNT(restored), SUM(CASE WHEN bits > 0 THEN 1 ELSE 0 END), {bit_sums}
FROM c GROUP BY {type}
"""


def _per_type_totals(counted: QuerySet[Intervention], band: _Band) -> dict[str, dict[str, int]]:
    """Count, restoration and parent contacts (any mode and per mode) per intervention type, in
    one statement: the counted interventions with, for each, whether it has a restoration action
    and in which modes its parents were contacted."""
    q = connection.ops.quote_name
    mode_column = q(ParentContact._meta.get_field("mode").column)
    inner_sql, inner_params = counted.order_by().values("id", "type").query.sql_with_params()
    names = {
        "counted": inner_sql,
        "type": q("type"),
        "id": q("id"),
        "fk": q(RestorationAction._meta.get_field("intervention").column),
        "restorations": q(RestorationAction._meta.db_table),
        "contacts": q(ParentContact._meta.db_table),
    }
    # Names come from the models' metadata, quoted; every value is a parameter.
    if band.dense:
        sql = DENSE_SQL.format(  # noqa: S608
            mode_flags=", ".join(
                f"MAX(CASE WHEN {mode_column} = %s THEN 1 ELSE 0 END) AS {q(mode)}" for mode in MODES
            ),
            mode_sums=", ".join(f"SUM(m.{q(mode)})" for mode in MODES),
            **names,
        )
        params = (*inner_params, band.lo, band.hi, *MODES, band.lo, band.hi)
    else:
        bits = [1 << position for position in range(len(MODES))]
        sql = SPARSE_SQL.format(  # noqa: S608
            mode_bits=" + ".join(f"MAX(CASE WHEN {mode_column} = %s THEN {bit} ELSE 0 END)" for bit in bits),
            bit_sums=", ".join(f"SUM(CASE WHEN (bits & {bit}) > 0 THEN 1 ELSE 0 END)" for bit in bits),
            **names,
        )
        params = (*MODES, *inner_params)
    totals = _empty_totals()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, count, restored, parent_contact, *per_mode in cursor.fetchall():
            totals[kind] = {
                "count": count,
                "restored": int(restored or 0),
                "parent_contact": int(parent_contact or 0),
                **{mode: int(n or 0) for mode, n in zip(MODES, per_mode, strict=True)},
            }
    return totals


def _reason_rows(counted: QuerySet[Intervention]) -> list[dict]:
    """Per primary reason: its count and the lowest and highest id, by count descending, ties by
    code ascending. One pass gives both the reasons and the id band of the counted interventions."""
    return list(
        counted.order_by()
        .values("primary_reason")
        .annotate(count=Count("pk"), lo=Min("pk"), hi=Max("pk"))
        .order_by("-count", "primary_reason")
    )


def _band_of(rows: list[dict]) -> _Band | None:
    if not rows:
        return None
    return _Band(
        min(row["lo"] for row in rows), max(row["hi"] for row in rows), sum(row["count"] for row in rows)
    )


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


def top_reasons(*, period: SchoolYear, scope: Scope, language: str = "nl") -> list[dict]:
    """The `top_reasons` of the factsheet alone, for the chart on the page."""
    rows = _reason_rows(counted_interventions(period=period, scope=scope))
    return _reasons(rows[:TOP_REASONS], language=language)


def _empty_totals() -> dict[str, dict[str, int]]:
    return {
        kind: {"count": 0, "restored": 0, "parent_contact": 0, **dict.fromkeys(MODES, 0)} for kind in TYPES
    }


def compute_factsheet(*, period: SchoolYear, scope: Scope, language: str = "nl") -> dict:
    with report_queries():
        counted = counted_interventions(period=period, scope=scope)
        reason_rows = _reason_rows(counted)
        band = _band_of(reason_rows)
        if band is None:
            per_type, schools, care_referrals, care_reports, reasons = _empty_totals(), 0, 0, 0, []
        else:
            per_type = _per_type_totals(counted, band)
            schools = counted.filter(type=InterventionType.SCHOOL).aggregate(
                n=Count("school", distinct=True)
            )["n"]
            # Joined (not IN (subquery)) and narrowed to the band: the planner then starts from
            # the few care rows in the band instead of hashing every counted intervention.
            in_counted = Q(
                scope.filter("intervention__"),
                intervention__referral_date__gte=period.first_day,
                intervention__referral_date__lte=period.last_day,
                intervention_id__gte=band.lo,
                intervention_id__lte=band.hi,
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
        # Per type: the number of counted interventions with at least one parent contact in
        # that mode (one intervention can have contacts in several modes).
        "parent_contact_modes": {kind: {mode: per_type[kind][mode] for mode in MODES} for kind in TYPES},
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
