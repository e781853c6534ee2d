"""Exporting interventions in the interchange format, streamed chunk by chunk.

The export is what the import reads: importing it into an empty Kansrijk gives the same
factsheet. Young people entered in the app have no external id; they get a stable pseudonym
derived from their uuid, never anything from their name.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import TYPE_CHECKING, TypedDict

from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from kansrijk.core.dates import SchoolYear
from kansrijk.core.spreadsheets import PLAIN, spreadsheet_write
from kansrijk.interventions.models import (
    CareReferral,
    CareReport,
    Intervention,
    ParentContact,
    RestorationAction,
)
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import ReferralReason
from kansrijk.reports.scope import Scope

from .columns import COLUMN_NAMES, LIST_SEPARATOR

if TYPE_CHECKING:
    from _typeshed import SupportsWrite
    from django_stubs_ext import WithAnnotations

CHUNK_SIZE = 2000


def youth_pseudonym(person: YoungPerson) -> str:
    """The youth_id of a young person: the imported id, or one derived from the uuid."""
    return person.external_id or f"K{person.uuid.hex[:12]}"


def interventions_for_export(*, period: SchoolYear | None = None, scope: Scope | None = None) -> QuerySet:
    interventions = Intervention.objects.filter((scope or Scope.all()).filter())
    if period is not None:
        interventions = interventions.filter(
            referral_date__gte=period.first_day, referral_date__lte=period.last_day
        )
    care_reports = (
        CareReport.objects.filter(intervention=OuterRef("pk"))
        .order_by()
        .values("intervention")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        interventions.select_related(
            "region", "municipality", "school", "neighbourhood", "referral__young_person"
        )
        .prefetch_related(
            Prefetch(
                "referral__reasons",
                queryset=ReferralReason.objects.only("referral_id", "code", "position", "is_primary"),
            ),
            Prefetch(
                "parent_contacts",
                queryset=ParentContact.objects.only("intervention_id", "mode").order_by("id"),
            ),
            Prefetch(
                "restoration_actions",
                queryset=RestorationAction.objects.only("intervention_id", "kind").order_by("id"),
            ),
            Prefetch(
                "care_referrals",
                queryset=CareReferral.objects.only("intervention_id", "kind", "date").order_by(
                    F("date").asc(nulls_last=True), "id"
                ),
            ),
        )
        .annotate(care_report_count=Coalesce(Subquery(care_reports), 0, output_field=IntegerField()))
        .order_by("referral_date", "id")
    )


class _Counted(TypedDict):
    care_report_count: int


def intervention_values(intervention: WithAnnotations[Intervention, _Counted]) -> list[str]:
    """One intervention as an interchange row, in COLUMN_NAMES order."""
    referral = intervention.referral
    person = referral.young_person
    reasons = [
        reason.code
        for reason in sorted(
            referral.reasons.all(), key=lambda reason: (not reason.is_primary, reason.position)
        )
    ]
    # The factsheet counts the intervention's primary reason: that one leads, whatever the
    # referral's list says, so a re-import counts the same.
    if intervention.primary_reason:
        reasons = [intervention.primary_reason] + [
            code for code in reasons if code != intervention.primary_reason
        ]
    care_referrals = list(intervention.care_referrals.all())
    school = intervention.school
    values = {
        "reference": intervention.reference,
        "type": intervention.type,
        "region": intervention.region.name,
        "municipality": intervention.municipality.name,
        "school_brin": school.brin if school else "",
        "school_name": school.name if school else "",
        "neighbourhood": intervention.neighbourhood.name if intervention.neighbourhood else "",
        "referral_date": intervention.referral_date.isoformat(),
        "referrer_kind": referral.referrer_kind,
        "youth_id": youth_pseudonym(person),
        # Empty once retention has removed it; such a row no longer imports (the column is required).
        "youth_birth_date": person.birth_date.isoformat() if person.birth_date else "",
        "youth_gender": person.gender,
        "reasons": LIST_SEPARATOR.join(reasons),
        "status": intervention.status,
        "intake_date": intervention.intake_date.isoformat() if intervention.intake_date else "",
        "end_date": intervention.end_date.isoformat() if intervention.end_date else "",
        "outcome": intervention.outcome,
        "restoration": LIST_SEPARATOR.join(action.kind for action in intervention.restoration_actions.all()),
        "parent_contacts": LIST_SEPARATOR.join(
            contact.mode for contact in intervention.parent_contacts.all()
        ),
        "care_referral": care_referrals[0].kind if care_referrals else "",
        "care_reports": str(intervention.care_report_count),
    }
    return [values[name] for name in COLUMN_NAMES]


def export_rows(*, period: SchoolYear | None = None, scope: Scope | None = None) -> Iterator[list[str]]:
    for intervention in interventions_for_export(period=period, scope=scope).iterator(chunk_size=CHUNK_SIZE):
        yield intervention_values(intervention)


def interventions_export(
    *, out: SupportsWrite[str], period: SchoolYear | None = None, scope: Scope | None = None
) -> int:
    """Write the header and one row per intervention to `out`; returns the number of interventions.

    Through Kansrijk's one CSV writer in its plain dialect: a name that begins like a formula
    (`=...`) is written `'=...`, which the import reads back as `=...` (docs/interchange.md §1).
    """
    rows = chain([COLUMN_NAMES], export_rows(period=period, scope=scope))
    return spreadsheet_write(rows, out=out, dialect=PLAIN) - 1
