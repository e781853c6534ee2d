"""When the planned cases happen and how far they get: the school days referrals fall on, the
status each case reached and the dates of the steps that status implies (all before today), the
young people who come back within a year, and the references, numbered in the order of the dates.

Functions of the plan's one seeded `random.Random` (those that draw), called by `plan.Planner` in a
fixed order.
"""

from __future__ import annotations

import datetime as dt
import random

from kansrijk.core.dates import MAX_AGE, MIN_AGE, age_on
from kansrijk.interventions.constants import NotStartedReason, Outcome, Status, StopReason
from kansrijk.referrals.constants import Reason

from . import data
from .figures import QUOTAS, SCHOOL, STARTED
from .planned import REPEAT_SHARE, Case, World, Youth


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def weekdays(first: dt.date, last: dt.date) -> list[dt.date]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def day_weight(day: dt.date, reason: str | None = None) -> float:
    weight = data.MONTH_WEIGHTS[day.month]
    if reason == Reason.FIREWORKS and day.month in (11, 12, 1):
        weight *= 5  # around the new year
    return weight


def weighted(rng: random.Random, pairs):
    values = [value for value, _ in pairs]
    weights = [weight for _, weight in pairs]
    return rng.choices(values, weights=weights)[0]


def exact_statuses(rng: random.Random, cases: list[Case]) -> None:
    statuses = (
        [Status.COMPLETED] * QUOTAS.completed
        + [Status.STOPPED] * QUOTAS.stopped
        + [Status.NOT_STARTED] * QUOTAS.not_started
    )
    assert len(statuses) == len(cases), "the 2024-2025 status quotas must cover every intervention"
    rng.shuffle(statuses)
    for case, status in zip(cases, statuses, strict=True):
        case.status = status
        case.end_reason = end_reason(rng, status)


def status_by_age(rng: random.Random, case: Case, *, today: dt.date) -> None:
    """Recent referrals are mostly still open; older ones have ended."""
    age = (today - case.referral_date).days
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
        case.status = weighted(rng, stages)
    else:
        case.status = weighted(
            rng, [(Status.COMPLETED, 92), (Status.STOPPED, 4.5), (Status.NOT_STARTED, 3.5)]
        )
    case.end_reason = end_reason(rng, case.status)


def end_reason(rng: random.Random, status: str) -> str:
    if status == Status.COMPLETED:
        return weighted(rng, [(Outcome.SUFFICIENT, 84), (Outcome.FURTHER_SUPPORT, 16)])
    if status == Status.STOPPED:
        return weighted(
            rng, [(StopReason.YOUTH_WITHDREW, 45), (StopReason.PARENTS_WITHDREW, 35), (StopReason.OTHER, 20)]
        )
    if status == Status.NOT_STARTED:
        return weighted(
            rng,
            [
                (NotStartedReason.NO_CONSENT, 45),
                (NotStartedReason.NO_CONTACT, 40),
                (NotStartedReason.OTHER, 15),
            ],
        )
    return ""


def step_dates(rng: random.Random, case: Case, *, today: dt.date) -> None:
    """Days after the referral date of each step the status implies, squeezed before today."""
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
    case.dates = squeeze(case.referral_date, offsets, today=today)


def squeeze(start: dt.date, offsets: dict[str, int], *, today: dt.date) -> dict[str, dt.date]:
    available = (today - start).days
    longest = max(offsets.values())
    if longest > available:
        offsets = {key: value * available // longest for key, value in offsets.items()}
    return {key: start + dt.timedelta(days=value) for key, value in offsets.items()}


def repeat_referrals(rng: random.Random, world: World, cases: list[Case]) -> None:
    """Make some young people come back within a year, in the same municipality."""
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
                and _age_fits(world, p.youth, case)
            ]
            if candidates:
                first = rng.choice(candidates[-60:])
                taken.add(id(first.youth))
                case.youth = first.youth
                case.repeat = True
        earlier.append(case)


def _age_fits(world: World, youth: Youth, case: Case) -> bool:
    if case.type == SCHOOL:
        low, high = data.SCHOOL_KINDS[world.school_kind[case.school.pk]][1:]
    else:
        low, high = MIN_AGE, MAX_AGE
    return (
        low <= age_on(youth.birth_date, case.incident_date) <= high
        and age_on(youth.birth_date, case.referral_date) <= MAX_AGE
    )


def number_references(cases: list[Case]) -> None:
    """References per calendar year of the referral date, in order of that date."""
    counters: dict[tuple[str, int], int] = {}

    def next_reference(prefix: str, year: int) -> str:
        counters[(prefix, year)] = counters.get((prefix, year), 0) + 1
        return f"{prefix}-{year}-{counters[(prefix, year)]:06d}"

    for case in sorted(cases, key=lambda c: c.referral_date):
        case.reference = next_reference(data.REFERRAL_PREFIX, case.referral_date.year)
        if case.accepted:
            case.intervention_reference = next_reference(data.INTERVENTION_PREFIX, case.referral_date.year)
