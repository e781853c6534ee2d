"""What the demo plan is made of: the school years it covers and the proportions it draws from,
and the planned young person, the planned case and the world they are planned in (plan.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kansrijk.core.dates import SchoolYear
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.referrals.constants import ReferralStatus, RejectionReason

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
