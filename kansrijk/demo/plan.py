"""The demo case plan: which referrals exist, where and when, what state they reached and which of
the facts the factsheet counts each one carries.

Pure Python on one seeded `random.Random`, so every run plans the same cases. The year 2024-2025
is built from exact quotas (lists of the right length, shuffled) so that its factsheet is the seed
factsheet to the unit; the other years are drawn from similar proportions. The generator turns
the plan into rows.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from kansrijk.core.dates import MAX_AGE, MIN_AGE, SchoolYear, age_on
from kansrijk.interventions.constants import NotStartedReason, Outcome, Status, StopReason
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.referrals.constants import HALT_AFDOENING_REASONS, Reason, ReferralStatus, RejectionReason

from . import data
from .figures import NEIGHBOURHOOD, QUOTAS, SCHOOL, STARTED, drawn_figures, exact_figures

EXACT_YEAR = SchoolYear(2024)


@dataclass(frozen=True)
class YearSpec:
    year: SchoolYear
    school: int
    neighbourhood: int


# 2024-2025 is the seed factsheet's year; the others are "similar but different".
YEARS = [
    YearSpec(SchoolYear(2023), 1167, 282),
    YearSpec(EXACT_YEAR, 1298, 295),
    YearSpec(SchoolYear(2025), 1341, 312),
]
# The year after the last full one is the live year: it gets this share of a full year's pace, up
# to today, so the worklists are busy without drowning the reports.
LIVE_YEAR_PACE = 0.5
LIVE_YEAR_FULL_SIZE = 1650


# Ages at the incident: 10 to 23, mostly 12 to 17.
AGE_WEIGHTS = dict(zip(range(10, 24), [2, 4, 9, 13, 16, 16, 13, 10, 6, 4, 3, 2, 1, 1], strict=True))
NEIGHBOURHOOD_REFERRERS = {
    ReferrerKind.POLICE: 35,
    ReferrerKind.BOA: 12,
    ReferrerKind.MUNICIPALITY: 10,
    ReferrerKind.NEIGHBOURHOOD_TEAM: 22,
    ReferrerKind.YOUTH_WORK: 21,
}
REJECTION_WEIGHTS = {
    RejectionReason.AGE: 10,
    RejectionReason.CRIMINAL_OFFENCE: 25,
    RejectionReason.CARE_SUFFICIENT: 30,
    RejectionReason.NO_AGREEMENT: 15,
    RejectionReason.OTHER: 20,
}
REJECTED_SHARE = 0.04
WITHDRAWN_SHARE = 0.01
REPEAT_SHARE = 0.05


@dataclass(eq=False)
class Youth:
    """A young person as planned; `eq=False` keeps identity semantics, one object per person."""

    birth_date: dt.date
    gender: str
    municipality: Any
    school_kind: str | None
    neighbourhood: Any = None


@dataclass(eq=False)
class Case:
    """One referral and, when accepted, its intervention."""

    year: SchoolYear
    type: str
    municipality: Any
    school: Any
    neighbourhood: Any
    organisation: Any
    referrer_kind: str
    referral_date: dt.date
    incident_date: dt.date
    primary_reason: str
    extra_reasons: list[str]
    youth: Youth
    referral_status: str = ReferralStatus.ACCEPTED
    rejection_reason: str = ""
    status: str = ""
    end_reason: str = ""
    # accepted, planned (intake planned on), scheduled (intake planned for), intake, end, decided
    dates: dict[str, dt.date] = field(default_factory=dict)
    professional: Any = None
    has_victim: bool = False
    restoration: bool = False
    parent_contact: bool = False
    care_referral: bool = False
    care_reports: int = 0
    reference: str = ""
    intervention_reference: str = ""
    repeat: bool = False

    @property
    def region(self):
        return self.municipality.region

    @property
    def accepted(self) -> bool:
        return self.referral_status == ReferralStatus.ACCEPTED


@dataclass
class World:
    """The organisations and staff the plan distributes cases over (created by the generator)."""

    municipalities: list
    municipality_weight: dict  # municipality id -> weight of its region's share
    neighbourhoods: dict  # municipality id -> [(neighbourhood, weight)]
    schools: list
    school_kind: dict  # school id -> kind
    school_size: dict  # school id -> relative size
    organisations: dict  # (municipality id, referrer kind) -> organisation
    school_organisation: dict  # school id -> organisation
    caseworkers: dict  # region id -> [(user, weight)]
    team_leads: dict  # region id -> user
    referrer_school: Any  # the school of the demo referrer
    region_by_name: dict


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _weekdays(first: dt.date, last: dt.date) -> list[dt.date]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _day_weight(day: dt.date, reason: str | None = None) -> float:
    weight = data.MONTH_WEIGHTS[day.month]
    if reason == Reason.FIREWORKS and day.month in (11, 12, 1):
        weight *= 5  # around the new year
    return weight


class Planner:
    def __init__(self, *, rng: random.Random, world: World, today: dt.date):
        self.rng = rng
        self.world = world
        self.today = today
        self._weights: dict[tuple, list[float]] = {}

    # -- the whole plan -------------------------------------------------------------------------

    def plan(self) -> list[Case]:
        cases: list[Case] = []
        for spec in YEARS:
            cases += self._year(spec.year, spec.school, spec.neighbourhood, exact=spec.year == EXACT_YEAR)
        live = SchoolYear.containing(self.today)
        if live.start_year > YEARS[-1].year.start_year:
            cases += self._live_year(live)
        cases += self._awaiting_triage()
        self._repeat_referrals(cases)
        exact = [c for c in cases if c.accepted and c.year == EXACT_YEAR]
        if exact:
            exact_figures(self.rng, exact)
        for case in cases:
            if case.accepted and case.year != EXACT_YEAR:
                drawn_figures(self.rng, case, today=self.today)
        self._number(cases)
        return cases

    def _year(self, year: SchoolYear, n_school: int, n_neighbourhood: int, *, exact: bool) -> list[Case]:
        days = _weekdays(year.first_day, min(year.last_day, self.today))
        if not days:
            return []
        types = [SCHOOL] * n_school + [NEIGHBOURHOOD] * n_neighbourhood
        if exact:
            reasons = [
                code
                for kind in (SCHOOL, NEIGHBOURHOOD)
                for code, count in data.REASONS_2024_2025[kind].items()
                for _ in range(count)
            ]
        else:
            reasons = [self._reason(kind) for kind in types]
        schools = self._school_allocation(n_school, exact=exact)
        cases = []
        for index, kind in enumerate(types):
            school = schools[index] if kind == SCHOOL else None
            cases.append(self._case(year, kind, reasons[index], days, school=school))
        if exact:
            self._exact_statuses(cases)
        else:
            for case in cases:
                self._status_by_age(case)
        for case in cases:
            self._timeline(case)
        total = n_school + n_neighbourhood
        cases += self._not_accepted(year, days, round(total * REJECTED_SHARE), ReferralStatus.REJECTED)
        cases += self._not_accepted(year, days, round(total * WITHDRAWN_SHARE), ReferralStatus.WITHDRAWN)
        return cases

    def _live_year(self, year: SchoolYear) -> list[Case]:
        full = _weekdays(year.first_day, year.last_day)
        elapsed = [day for day in full if day <= self.today]
        share = sum(map(_day_weight, elapsed)) / sum(map(_day_weight, full))
        total = round(LIVE_YEAR_FULL_SIZE * LIVE_YEAR_PACE * share)
        n_school = round(total * 0.82)
        return self._year(year, n_school, total - n_school, exact=False)

    # -- one case -------------------------------------------------------------------------------

    def _case(self, year, kind, reason, days, *, school=None, municipality=None) -> Case:
        rng = self.rng
        referral_date = rng.choices(days, cum_weights=self._cum_weights(days, reason))[0]
        incident_date = referral_date - dt.timedelta(days=rng.choice([0, 1, 1, 2, 2, 3, 3, 4, 5, 6, 7, 9]))
        neighbourhood = None
        if kind == SCHOOL:
            municipality = school.municipality
            organisation = self.world.school_organisation[school.pk]
            referrer_kind = ReferrerKind.SCHOOL
            band = data.SCHOOL_KINDS[self.world.school_kind[school.pk]][1:]
        else:
            municipality = municipality or self._municipality()
            neighbourhood = self._weighted(self.world.neighbourhoods[municipality.pk])
            referrer_kind = self._weighted(list(NEIGHBOURHOOD_REFERRERS.items()))
            organisation = self.world.organisations[(municipality.pk, referrer_kind)]
            band = (MIN_AGE, MAX_AGE)
        age = self._weighted([(a, w) for a, w in AGE_WEIGHTS.items() if band[0] <= a <= band[1]])
        extra = []
        if rng.random() < 0.35:
            pool = [code for code in Reason.values if code != reason]
            if kind == NEIGHBOURHOOD:
                pool.remove(Reason.SCHOOL_ABSENCE)
            extra = rng.sample(pool, 2 if rng.random() < 0.25 else 1)
        youth = Youth(
            birth_date=self._birth_date(age, incident_date, referral_date),
            gender=self._weighted([("m", 57), ("f", 41), ("x", 2)]),
            municipality=municipality,
            school_kind=self.world.school_kind[school.pk] if school else None,
            neighbourhood=neighbourhood or self._weighted(self.world.neighbourhoods[municipality.pk]),
        )
        case = Case(
            year=year,
            type=kind,
            municipality=municipality,
            school=school,
            neighbourhood=neighbourhood,
            organisation=organisation,
            referrer_kind=referrer_kind,
            referral_date=referral_date,
            incident_date=incident_date,
            primary_reason=reason,
            extra_reasons=extra,
            youth=youth,
        )
        case.has_victim = rng.random() < data.VICTIM_SHARE.get(reason, 0)
        case.professional = self._weighted(self.world.caseworkers[municipality.region.pk])
        return case

    def _cum_weights(self, days: list[dt.date], reason: str) -> list[float]:
        key = (days[0], days[-1], reason == Reason.FIREWORKS)
        if key not in self._weights:
            total, cumulative = 0.0, []
            for day in days:
                total += _day_weight(day, reason)
                cumulative.append(total)
            self._weights[key] = cumulative
        return self._weights[key]

    def _birth_date(self, age: int, incident: dt.date, referral: dt.date) -> dt.date:
        """A birth date giving `age` both on the incident and on the referral date."""
        earliest = years_before(referral, age + 1) + dt.timedelta(days=1)
        latest = years_before(incident, age)
        return earliest + dt.timedelta(days=self.rng.randint(0, max(0, (latest - earliest).days)))

    def _reason(self, kind: str) -> str:
        quotas = data.REASONS_2024_2025[kind]
        # Same proportions as 2024-2025, each reason's weight shaken by up to 15 %.
        return self._weighted(
            [(code, count * self.rng.uniform(0.85, 1.15)) for code, count in quotas.items()]
        )

    def _municipality(self):
        return self._weighted([(m, self.world.municipality_weight[m.pk]) for m in self.world.municipalities])

    def _school_allocation(self, n_school: int, *, exact: bool) -> list:
        """Schools for `n_school` school interventions; every school used gets at least one."""
        rng, world = self.rng, self.world
        if n_school == 0:
            return []
        # A part-year (the live year) has fewer schools than a full one.
        n_used = QUOTAS.schools if exact else min(rng.randint(196, 226), max(1, round(n_school * 0.75)))
        others = [s for s in world.schools if s.pk != world.referrer_school.pk]
        used = [world.referrer_school] + rng.sample(others, n_used - 1)
        region_count: dict[int, int] = {}
        for school in used:
            region_count[school.municipality.region_id] = (
                region_count.get(school.municipality.region_id, 0) + 1
            )
        weights = [
            data.REGION_WEIGHTS[s.municipality.region.name]
            / region_count[s.municipality.region_id]
            * world.school_size[s.pk]
            for s in used
        ]
        allocation = used + rng.choices(used, weights=weights, k=n_school - len(used))
        rng.shuffle(allocation)
        return allocation

    # -- states and dates -----------------------------------------------------------------------

    def _exact_statuses(self, cases: list[Case]) -> None:
        statuses = (
            [Status.COMPLETED] * QUOTAS.completed
            + [Status.STOPPED] * QUOTAS.stopped
            + [Status.NOT_STARTED] * QUOTAS.not_started
        )
        assert len(statuses) == len(cases), "the 2024-2025 status quotas must cover every intervention"
        self.rng.shuffle(statuses)
        for case, status in zip(cases, statuses, strict=True):
            case.status = status
            case.end_reason = self._end_reason(status)

    def _status_by_age(self, case: Case) -> None:
        """Recent referrals are mostly still open; older ones have ended."""
        rng = self.rng
        age = (self.today - case.referral_date).days
        if age < 30:
            p_open = 1.0
        elif age <= 120:
            p_open = 0.9
        elif age <= 275:
            p_open = 0.7
        elif age <= 365:
            p_open = 0.12
        elif age <= 480:
            p_open = 0.03
        else:
            p_open = 0.0
        if rng.random() < p_open:
            if age < 7:
                stages = [(Status.NEW, 75), (Status.INTAKE_PLANNED, 25)]
            elif age < 30:
                stages = [(Status.NEW, 20), (Status.INTAKE_PLANNED, 45), (Status.IN_PROGRESS, 35)]
            else:
                stages = [(Status.NEW, 4), (Status.INTAKE_PLANNED, 12), (Status.IN_PROGRESS, 84)]
            case.status = self._weighted(stages)
        else:
            case.status = self._weighted(
                [(Status.COMPLETED, 92), (Status.STOPPED, 4.5), (Status.NOT_STARTED, 3.5)]
            )
        case.end_reason = self._end_reason(case.status)

    def _end_reason(self, status: str) -> str:
        if status == Status.COMPLETED:
            return self._weighted([(Outcome.SUFFICIENT, 84), (Outcome.FURTHER_SUPPORT, 16)])
        if status == Status.STOPPED:
            return self._weighted(
                [(StopReason.YOUTH_WITHDREW, 45), (StopReason.PARENTS_WITHDREW, 35), (StopReason.OTHER, 20)]
            )
        if status == Status.NOT_STARTED:
            return self._weighted(
                [
                    (NotStartedReason.NO_CONSENT, 45),
                    (NotStartedReason.NO_CONTACT, 40),
                    (NotStartedReason.OTHER, 15),
                ]
            )
        return ""

    def _timeline(self, case: Case) -> None:
        """Days after the referral date of each step the status implies, squeezed before today."""
        rng = self.rng
        accepted = rng.choice([0, 1, 1, 2, 2, 3, 4, 5])
        planned = accepted + rng.randint(1, 6)
        intake = planned + rng.randint(4, 18)
        offsets = {"accepted": accepted}
        status = case.status
        if status == Status.INTAKE_PLANNED:
            offsets |= {"planned": planned, "scheduled": intake}
        elif status in STARTED:
            offsets |= {"planned": planned, "scheduled": intake, "intake": intake}
            if status == Status.COMPLETED:
                offsets["end"] = intake + rng.randint(28, 95)
            elif status == Status.STOPPED:
                offsets["end"] = intake + rng.randint(7, 50)
        elif status == Status.NOT_STARTED:
            if rng.random() < 0.5:  # the intake was planned but never took place
                offsets |= {"planned": planned, "scheduled": intake, "end": intake + rng.randint(3, 20)}
            else:
                offsets["end"] = accepted + rng.randint(10, 35)
        case.dates = self._squeeze(case.referral_date, offsets)

    def _squeeze(self, start: dt.date, offsets: dict[str, int]) -> dict[str, dt.date]:
        available = (self.today - start).days
        longest = max(offsets.values())
        if longest > available:
            offsets = {key: value * available // longest for key, value in offsets.items()}
        return {key: start + dt.timedelta(days=value) for key, value in offsets.items()}

    # -- referrals that did not become interventions --------------------------------------------

    def _not_accepted(self, year, days, count: int, status: str) -> list[Case]:
        cases = []
        for _ in range(count):
            kind = SCHOOL if self.rng.random() < 0.8 else NEIGHBOURHOOD
            school = self.rng.choice(self.world.schools) if kind == SCHOOL else None
            case = self._case(year, kind, self._reason(kind), days, school=school)
            case.referral_status = status
            case.professional = None
            if status == ReferralStatus.REJECTED:
                case.rejection_reason = self._weighted(list(REJECTION_WEIGHTS.items()))
                if case.rejection_reason == RejectionReason.AGE:
                    # Too young or too old on the day of the incident.
                    age = self.rng.choice([MIN_AGE - 1, MAX_AGE + 1])
                    case.youth.birth_date = self._birth_date(age, case.incident_date, case.referral_date)
                elif case.rejection_reason == RejectionReason.CRIMINAL_OFFENCE:
                    case.primary_reason = self.rng.choice(sorted(HALT_AFDOENING_REASONS))
                    case.extra_reasons = [r for r in case.extra_reasons if r != case.primary_reason]
                case.dates = self._squeeze(case.referral_date, {"decided": self.rng.randint(1, 6)})
            else:
                case.dates = self._squeeze(case.referral_date, {"decided": self.rng.randint(1, 10)})
            cases.append(case)
        return cases

    def _awaiting_triage(self) -> list[Case]:
        """A few fresh referrals waiting for the team, most of them in Haaglanden."""
        rng, world = self.rng, self.world
        days = _weekdays(self.today - dt.timedelta(days=12), self.today)
        year = SchoolYear.containing(self.today)
        haaglanden = world.region_by_name[data.HAAGLANDEN]
        schools_haaglanden = [s for s in world.schools if s.municipality.region_id == haaglanden.pk]
        other_regions = sorted({m.region.name for m in world.municipalities if m.region_id != haaglanden.pk})
        specs = [(SCHOOL, world.referrer_school), (SCHOOL, world.referrer_school)]
        specs += [(SCHOOL, rng.choice(schools_haaglanden)) for _ in range(4)]
        specs += [(NEIGHBOURHOOD, haaglanden) for _ in range(3)]
        specs += [
            (SCHOOL, rng.choice([s for s in world.schools if s.municipality.region.name == name]))
            for name in rng.sample(other_regions, 4)
        ]
        cases = []
        for index, (kind, where) in enumerate(specs):
            if kind == SCHOOL:
                case = self._case(year, kind, self._reason(kind), days, school=where)
            else:
                municipality = self._weighted(
                    [
                        (m, self.world.municipality_weight[m.pk])
                        for m in world.municipalities
                        if m.region_id == where.pk
                    ]
                )
                case = self._case(year, kind, self._reason(kind), days, municipality=municipality)
            case.professional = None
            case.referral_status = ReferralStatus.IN_REVIEW if index % 3 == 2 else ReferralStatus.SUBMITTED
            if case.referral_status == ReferralStatus.IN_REVIEW:
                case.dates = self._squeeze(case.referral_date, {"decided": rng.randint(0, 2)})
            cases.append(case)
        return cases

    # -- people referred more than once ---------------------------------------------------------

    def _repeat_referrals(self, cases: list[Case]) -> None:
        """Make some young people come back within a year, in the same municipality."""
        rng = self.rng
        accepted = sorted((c for c in cases if c.accepted), key=lambda c: c.referral_date)
        seen: dict[int, list[Case]] = {}
        taken: set[int] = set()
        for case in accepted:
            earlier = seen.setdefault(case.municipality.pk, [])
            if rng.random() < REPEAT_SHARE:
                candidates = [
                    p
                    for p in earlier
                    if 30 <= (case.referral_date - p.referral_date).days <= 365
                    and id(p.youth) not in taken
                    and self._age_fits(p.youth, case)
                ]
                if candidates:
                    first = rng.choice(candidates[-60:])
                    taken.add(id(first.youth))
                    case.youth = first.youth
                    case.repeat = True
            earlier.append(case)

    def _age_fits(self, youth: Youth, case: Case) -> bool:
        if case.type == SCHOOL:
            low, high = data.SCHOOL_KINDS[self.world.school_kind[case.school.pk]][1:]
        else:
            low, high = MIN_AGE, MAX_AGE
        return (
            low <= age_on(youth.birth_date, case.incident_date) <= high
            and age_on(youth.birth_date, case.referral_date) <= MAX_AGE
        )

    # -- references -----------------------------------------------------------------------------

    def _number(self, cases: list[Case]) -> None:
        """References per calendar year of the referral date, in order of that date."""
        counters: dict[tuple[str, int], int] = {}

        def next_reference(prefix: str, year: int) -> str:
            counters[(prefix, year)] = counters.get((prefix, year), 0) + 1
            return f"{prefix}-{year}-{counters[(prefix, year)]:06d}"

        for case in sorted(cases, key=lambda c: c.referral_date):
            case.reference = next_reference(data.REFERRAL_PREFIX, case.referral_date.year)
            if case.accepted:
                case.intervention_reference = next_reference(
                    data.INTERVENTION_PREFIX, case.referral_date.year
                )

    def _weighted(self, pairs):
        values = [value for value, _ in pairs]
        weights = [weight for _, weight in pairs]
        return self.rng.choices(values, weights=weights)[0]
