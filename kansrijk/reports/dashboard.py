"""Management figures for team leads: caseload, lead times, outcomes, repeat referrals.

Everything is aggregated in SQL. Medians are not a portable SQL aggregate (SQLite has none),
so the database returns the distribution instead, one row per number of days with its count,
and the median is read off that short list; the interventions themselves never reach Python.

Definitions (per school year, by the month of the referral date and by region):
- open caseload: interventions now open (registered, intake planned, in progress) per
  professional, whatever their referral date;
- first contact: the earliest parent contact or conversation with a date;
  (first contact and repeat referral are read from the intervention's remnant columns, which
  the services keep: interventions/remnant.py; so are the others, so one index answers it all)
- lead time: days from the referral date to the first contact, to the intake date, to the end
  date; the median over the interventions that reached that step;
- outcomes: completed (sufficient / further support needed), stopped early, not started;
- repeat referral: an intervention whose young person had another intervention with a referral
  date in the 365 days before (on the same day: an earlier one by referral id).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import cast

from django import forms
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.core.dates import SchoolYear
from kansrijk.interventions.constants import OPEN_STATUSES, InterventionType, Outcome, Status
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Region

from .factsheet import report_queries

PERIODS_SHOWN = 10
LEAD_TIMES = ("first_contact", "intake", "end")
COUNTS = ("referred", "sufficient", "further_support", "stopped", "not_started", "open", "repeat")


class DashboardFilters(forms.Form):
    periode = forms.ChoiceField(label=_("School year"), required=False)
    regio = forms.ChoiceField(label=_("Region"), required=False)
    soort = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("School and neighbourhood")), *InterventionType.choices],
    )

    def __init__(self, data, *, regions, default_period: SchoolYear):
        super().__init__(data)
        self.regions = regions
        self.default_period = default_period
        latest = SchoolYear.containing(timezone.localdate())
        cast(forms.ChoiceField, self.fields["periode"]).choices = [
            (str(SchoolYear(latest.start_year - n)), str(SchoolYear(latest.start_year - n)))
            for n in range(PERIODS_SHOWN)
        ]
        self.fields["periode"].initial = str(default_period)
        region_choices = [(region.name, region.name) for region in regions.order_by("name")]
        if len(region_choices) > 1:
            region_choices.insert(0, ("", _("All my regions")))
        cast(forms.ChoiceField, self.fields["regio"]).choices = region_choices

    def filters(self) -> dict:
        """The filters to compute with; anything invalid falls back to the default."""
        valid = self.is_valid()
        data = self.cleaned_data if valid else {}
        period = SchoolYear.parse(data["periode"]) if data.get("periode") else self.default_period
        region_ids = list(self.regions.order_by("name").values_list("pk", flat=True))
        if data.get("regio"):
            region_ids = list(self.regions.filter(name=data["regio"]).values_list("pk", flat=True))
        return {"period": period, "region_ids": region_ids, "intervention_type": data.get("soort") or None}


@dataclass
class Row:
    """One line of a table: counts and lead-time distributions, summed over its (month, region) cells."""

    label: str
    key: object = None
    counts: dict = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    days: dict = field(default_factory=lambda: {name: defaultdict(int) for name in LEAD_TIMES})

    def add(self, counts: dict | None = None, lead_time: str | None = None, days: int = 0, n: int = 0):
        if counts:
            for key in COUNTS:
                self.counts[key] += counts.get(key) or 0
        if lead_time:
            self.days[lead_time][days] += n

    def median(self, lead_time: str) -> float | None:
        return median_of(self.days[lead_time])

    @property
    def first_contact(self):
        return self.median("first_contact")

    @property
    def intake(self):
        return self.median("intake")

    @property
    def end(self):
        return self.median("end")

    @property
    def ended(self) -> int:
        c = self.counts
        return c["sufficient"] + c["further_support"] + c["stopped"] + c["not_started"]


def median_of(distribution: dict[int, int]) -> float | None:
    """The median of values given as {value: how often}."""
    total = sum(distribution.values())
    if not total:
        return None
    lower_index, upper_index = (total - 1) // 2, total // 2
    seen, lower = 0, None
    for value in sorted(distribution):
        seen += distribution[value]
        if lower is None and seen > lower_index:
            lower = value
        if seen > upper_index:
            assert lower is not None  # set by this value at the latest
            return (lower + value) / 2
    return None  # unreachable: the loop passes the upper index


@dataclass
class ManagementFigures:
    months: list[Row]
    regions: list[Row]
    total: Row
    caseload: list[dict]


def _days(later) -> ExpressionWrapper:
    return ExpressionWrapper(later - F("referral_date"), output_field=DurationField())


def management_figures(
    *, period: SchoolYear, region_ids: list[int], intervention_type: str | None
) -> ManagementFigures:
    scope = Q(region_id__in=region_ids)
    if intervention_type:
        scope &= Q(type=intervention_type)
    counted = Intervention.objects.filter(
        scope, referral_date__gte=period.first_day, referral_date__lte=period.last_day
    ).order_by()
    region_names = dict(Region.objects.filter(pk__in=region_ids).values_list("pk", "name"))
    months = {}  # the twelve months of the school year, in order
    day = period.first_day
    while day <= period.last_day:
        months[day] = Row(label=date_format(day, "M Y"), key=day)
        day = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    regions = {pk: Row(label=name, key=pk) for pk, name in sorted(region_names.items(), key=lambda kv: kv[1])}
    total = Row(label=str(_("Total")))

    ended = Q(status__in=[Status.COMPLETED, Status.STOPPED, Status.NOT_STARTED])

    with report_queries():
        cells = (
            counted.annotate(month=TruncMonth("referral_date"))
            .values("month", "region_id")
            .annotate(
                referred=Count("pk"),
                sufficient=Count("pk", filter=Q(status=Status.COMPLETED, outcome=Outcome.SUFFICIENT)),
                further_support=Count(
                    "pk", filter=Q(status=Status.COMPLETED, outcome=Outcome.FURTHER_SUPPORT)
                ),
                stopped=Count("pk", filter=Q(status=Status.STOPPED)),
                not_started=Count("pk", filter=Q(status=Status.NOT_STARTED)),
                open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
                repeat=Count("pk", filter=Q(is_repeat=True)),
            )
        )
        for cell in cells:
            for row in (months.get(_month(cell["month"])), regions.get(cell["region_id"]), total):
                if row is not None:
                    row.add(counts=cell)

        for lead_time, later, condition in (
            ("first_contact", F("first_contact_date"), Q(first_contact_date__isnull=False)),
            ("intake", F("intake_date"), Q(intake_date__isnull=False)),
            ("end", F("end_date"), Q(end_date__isnull=False) & ended),
        ):
            distribution = (
                counted.filter(condition)
                .annotate(month=TruncMonth("referral_date"), days=_days(later))
                .values("month", "region_id", "days")
                .annotate(n=Count("pk"))
            )
            for cell in distribution:
                if cell["days"] is None:  # no contact yet
                    continue
                days = cell["days"].days
                for row in (months.get(_month(cell["month"])), regions.get(cell["region_id"]), total):
                    if row is not None:
                        row.add(lead_time=lead_time, days=days, n=cell["n"])

        caseload = _caseload(scope)

    return ManagementFigures(list(months.values()), list(regions.values()), total, caseload)


def _month(value) -> dt.date:
    """TruncMonth of a DateField gives a date; normalise in case a backend gives a datetime."""
    return value.date() if isinstance(value, dt.datetime) else value


def _caseload(scope: Q) -> list[dict]:
    """Open interventions per professional: one row each, the most loaded first."""
    rows = list(
        Intervention.objects.filter(scope, status__in=OPEN_STATUSES)
        .order_by()
        .values("professional_id")
        .annotate(
            new=Count("pk", filter=Q(status=Status.NEW)),
            intake_planned=Count("pk", filter=Q(status=Status.INTAKE_PLANNED)),
            in_progress=Count("pk", filter=Q(status=Status.IN_PROGRESS)),
            total=Count("pk"),
        )
    )
    people = {
        user.pk: user
        for user in User.objects.filter(
            pk__in=[r["professional_id"] for r in rows if r["professional_id"]]
        ).select_related("region")
    }
    for row in rows:
        person = people.get(row["professional_id"])
        row["name"] = (person.get_full_name() or person.get_username()) if person else str(_("Not assigned"))
        row["region"] = person.region.name if person and person.region else ""
    return sorted(rows, key=lambda r: (-r["total"], r["name"]))
