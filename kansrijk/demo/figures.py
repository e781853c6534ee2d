"""What the factsheet counts, per planned intervention: restoration, parent contact, care.

For 2024-2025 these come from exact quotas, so that the year's factsheet is the seed factsheet
(docs/factsheet.md) to the unit; the other years draw them in similar proportions.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kansrijk.interventions.constants import InterventionType, NotStartedReason, Status

if TYPE_CHECKING:
    from .planned import Case

SCHOOL = InterventionType.SCHOOL.value
NEIGHBOURHOOD = InterventionType.NEIGHBOURHOOD.value
STARTED = (Status.IN_PROGRESS, Status.COMPLETED, Status.STOPPED)


@dataclass(frozen=True)
class ExactQuotas:
    """The counts behind the seed factsheet of 2024-2025 (docs/factsheet.md).

    restoration 1513 / 1593 = 94.98 % -> 95; parent contact 935 / 1298 = 72.03 % -> 72 and
    274 / 295 = 92.88 % -> 93. Ended states leave room for the restoration share: only started
    interventions can have a restoration action.
    """

    schools: int = 212
    completed: int = 1520
    stopped: int = 42
    not_started: int = 31
    restoration_completed: int = 1493
    restoration_stopped: int = 20
    parent_contact_school: int = 935
    parent_contact_neighbourhood: int = 274
    care_referral_youths: int = 114
    care_report_interventions: int = 13  # one of them gets two reports: 14 reports
    care_reports_with_care_referral: int = 9


QUOTAS = ExactQuotas()


def exact_figures(rng: random.Random, cases: list[Case]) -> None:
    """Give the 2024-2025 interventions exactly the counted facts of the seed factsheet."""
    q = QUOTAS
    completed = [c for c in cases if c.status == Status.COMPLETED]
    stopped = [c for c in cases if c.status == Status.STOPPED]
    for case in rng.sample(completed, q.restoration_completed) + rng.sample(stopped, q.restoration_stopped):
        case.restoration = True

    for kind, count in (
        (SCHOOL, q.parent_contact_school),
        (NEIGHBOURHOOD, q.parent_contact_neighbourhood),
    ):
        eligible = [c for c in cases if c.type == kind and parents_reachable(c)]
        for case in rng.sample(eligible, count):
            case.parent_contact = True

    # Care referrals count young people, not interventions: a young person referred twice in
    # the year may have a referral to care in both interventions and still counts once.
    started = [c for c in cases if c.status in STARTED]
    by_youth: dict[int, list[Case]] = {}
    for case in started:
        by_youth.setdefault(id(case.youth), []).append(case)
    twice = [key for key, group in by_youth.items() if len(group) > 1]
    once = [key for key, group in by_youth.items() if len(group) == 1]
    chosen = rng.sample(twice, min(3, len(twice)))
    chosen += rng.sample(once, q.care_referral_youths - len(chosen))
    for key in chosen:
        for case in by_youth[key]:
            case.care_referral = True

    with_care = [c for c in started if c.care_referral]
    without_care = [c for c in started if not c.care_referral]
    reported = rng.sample(with_care, q.care_reports_with_care_referral)
    reported += rng.sample(without_care, q.care_report_interventions - q.care_reports_with_care_referral)
    for case in reported:
        case.care_reports = 1
    reported[0].care_reports = 2


def drawn_figures(rng: random.Random, case: Case, *, today: dt.date) -> None:
    """The counted facts of an intervention of another year: drawn in similar proportions."""
    status = case.status
    if status == Status.COMPLETED:
        case.restoration = rng.random() < 0.97
    elif status == Status.STOPPED:
        case.restoration = rng.random() < 0.45
    elif status == Status.IN_PROGRESS:
        running = (today - case.dates["intake"]).days
        case.restoration = rng.random() < (0.55 if running > 21 else 0.15)
    if status != Status.NEW and parents_reachable(case):
        share = 0.71 if case.type == SCHOOL else 0.92
        case.parent_contact = rng.random() < (0.6 if status == Status.INTAKE_PLANNED else share)
    if status in STARTED:
        case.care_referral = rng.random() < (0.07 if status != Status.IN_PROGRESS else 0.03)
        case.care_reports = 1 if rng.random() < 0.009 else 0


def parents_reachable(case: Case) -> bool:
    """Parents can have been in contact unless the case ended for lack of contact."""
    return not (case.status == Status.NOT_STARTED and case.end_reason == NotStartedReason.NO_CONTACT)
