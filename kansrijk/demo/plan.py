"""The demo case plan: which referrals exist, where and when, what state they reached and which of
the facts the factsheet counts each one carries.

Pure Python on one seeded `random.Random`, so every run plans the same cases. The year 2024-2025
is built from exact quotas (lists of the right length, shuffled) so that its factsheet is the seed
factsheet to the unit; the other years are drawn from similar proportions. The generator turns
the plan into rows.

The years, proportions and shapes of the plan are in `planned.py`; the statuses and dates of its
cases, the repeat referrals and the references in `timeline.py`; the facts the factsheet counts
in `figures.py`.
"""

from __future__ import annotations

import datetime as dt
import random

from kansrijk.core.dates import MAX_AGE, MIN_AGE, SchoolYear
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.referrals.constants import HALT_AFDOENING_REASONS, Reason, ReferralStatus, RejectionReason

from . import data
from .figures import NEIGHBOURHOOD, QUOTAS, SCHOOL, drawn_figures, exact_figures
from .planned import (
    AGE_WEIGHTS,
    EXACT_YEAR,
    LIVE_YEAR_FULL_SIZE,
    LIVE_YEAR_PACE,
    NEIGHBOURHOOD_REFERRERS,
    REJECTED_SHARE,
    REJECTION_WEIGHTS,
    WITHDRAWN_SHARE,
    YEARS,
    Case,
    World,
    Youth,
)
from .timeline import (
    day_weight,
    exact_statuses,
    number_references,
    repeat_referrals,
    squeeze,
    status_by_age,
    step_dates,
    weekdays,
    weighted,
    years_before,
)


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
        repeat_referrals(self.rng, self.world, cases)
        exact = [c for c in cases if c.accepted and c.year == EXACT_YEAR]
        if exact:
            exact_figures(self.rng, exact)
        for case in cases:
            if case.accepted and case.year != EXACT_YEAR:
                drawn_figures(self.rng, case, today=self.today)
        number_references(cases)
        return cases

    def _year(self, year: SchoolYear, n_school: int, n_neighbourhood: int, *, exact: bool) -> list[Case]:
        days = weekdays(year.first_day, min(year.last_day, self.today))
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
            exact_statuses(self.rng, cases)
        else:
            for case in cases:
                status_by_age(self.rng, case, today=self.today)
        for case in cases:
            step_dates(self.rng, case, today=self.today)
        total = n_school + n_neighbourhood
        cases += self._not_accepted(year, days, round(total * REJECTED_SHARE), ReferralStatus.REJECTED)
        cases += self._not_accepted(year, days, round(total * WITHDRAWN_SHARE), ReferralStatus.WITHDRAWN)
        return cases

    def _live_year(self, year: SchoolYear) -> list[Case]:
        full = weekdays(year.first_day, year.last_day)
        elapsed = [day for day in full if day <= self.today]
        share = sum(map(day_weight, elapsed)) / sum(map(day_weight, full))
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
                total += day_weight(day, reason)
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
                case.dates = squeeze(
                    case.referral_date, {"decided": self.rng.randint(1, 6)}, today=self.today
                )
            else:
                case.dates = squeeze(
                    case.referral_date, {"decided": self.rng.randint(1, 10)}, today=self.today
                )
            cases.append(case)
        return cases

    def _awaiting_triage(self) -> list[Case]:
        """A few fresh referrals waiting for the team, most of them in Haaglanden."""
        rng, world = self.rng, self.world
        days = weekdays(self.today - dt.timedelta(days=12), self.today)
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
                case.dates = squeeze(case.referral_date, {"decided": rng.randint(0, 2)}, today=self.today)
            cases.append(case)
        return cases

    def _weighted(self, pairs):
        return weighted(self.rng, pairs)
