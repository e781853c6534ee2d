"""Turns the planned cases into rows: young people, parents, referrals, interventions and the
case work recorded on them, inserted in bulk.

The workflow services would be far too slow for thousands of cases, so this writes the rows
they would have written: a status history that walks the allowed transitions, dates in order,
and nothing recorded after today.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import defaultdict
from typing import Any

from django.db.models import Model
from django.utils import timezone

from kansrijk.core.dates import age_on
from kansrijk.interventions.constants import Status
from kansrijk.interventions.models import (
    Agreement,
    CareReferral,
    CareReport,
    Component,
    Consent,
    Conversation,
    Intervention,
    InterventionStatusChange,
    Note,
    ParentContact,
    RestorationAction,
)
from kansrijk.interventions.remnant import raise_flags
from kansrijk.people.models import Parent, Victim, YoungPerson
from kansrijk.referrals.constants import Reason, ReferralStatus
from kansrijk.referrals.models import Referral, ReferralReason, ReferralStatusChange

from . import data, wording
from .casework import CaseWork
from .figures import SCHOOL
from .planned import Case, Youth
from .world import ascii_slug

BATCH_SIZE = 2000
# Write order: every model after the models it points to.
MODELS: list[type[Model]] = [
    YoungPerson,
    Parent,
    Referral,
    ReferralReason,
    ReferralStatusChange,
    Victim,
    Intervention,
    InterventionStatusChange,
    Conversation,
    Conversation.parents.through,
    Agreement,
    Component,
    RestorationAction,
    ParentContact,
    Consent,
    CareReferral,
    CareReport,
    Note,
]


UUID_MODELS = frozenset(model for model in MODELS if any(f.name == "uuid" for f in model._meta.fields))


class CaseWriter:
    def __init__(self, *, rng: random.Random, today: dt.date, now: dt.datetime, referrer, team_leads):
        self.rng = rng
        self.today = today
        self.now = now
        self.referrer = referrer  # the demo referrer: the referrals of their school are theirs
        self.team_leads = team_leads
        self.tz = timezone.get_current_timezone()
        self.rows: dict[type, list] = defaultdict(list)
        self.people: dict[Youth, tuple[YoungPerson, list[Parent]]] = {}

    def write(self, cases: list[Case]) -> None:
        for case in cases:
            self._case(case)
        for model in MODELS:
            model._default_manager.bulk_create(self.rows[model], batch_size=BATCH_SIZE)

    # -- helpers --------------------------------------------------------------------------------

    def add(self, model, **fields):
        if model in UUID_MODELS:
            fields["uuid"] = self._uuid()
        row = model(**fields)
        self.rows[model].append(row)
        # The factsheet counts the intervention's remnant flags, not these rows: set them as the
        # services would. Interventions are written before their case rows, so this is in time.
        if model is RestorationAction:
            raise_flags(row.intervention, restoration=True, save=False)
        elif model is ParentContact:
            raise_flags(row.intervention, contact_modes=[row.mode], save=False)
        return row

    def _uuid(self) -> uuid.UUID:
        # From the seeded generator, so two runs produce the same rows.
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def weighted(self, pairs):
        return self.rng.choices([v for v, _ in pairs], weights=[w for _, w in pairs])[0]

    def _moments(self, days: list[dt.date]) -> list[dt.datetime]:
        """Office-hours moments on these days, strictly in order and never after now."""
        result, previous = [], None
        for day in days:
            moment = dt.datetime.combine(
                day,
                dt.time(self.rng.randint(8, 16), self.rng.choice([0, 10, 15, 20, 30, 40, 45, 50])),
                self.tz,
            )
            if previous is not None and moment <= previous:
                moment = previous + dt.timedelta(minutes=self.rng.randint(5, 40))
            moment = min(moment, self.now)
            result.append(moment)
            previous = moment
        return result

    def day(self, first: dt.date, last: dt.date) -> dt.date:
        if last <= first:
            return first
        return first + dt.timedelta(days=self.rng.randint(0, (last - first).days))

    @staticmethod
    def _phone(rng) -> str:
        # 06-00…: invented mobile numbers outside the ranges handed out to real subscribers.
        return f"06-00{rng.randint(0, 999999):06d}"

    # -- people ---------------------------------------------------------------------------------

    def _person(self, case: Case) -> tuple[YoungPerson, list[Parent]]:
        youth = case.youth
        if youth in self.people:
            return self.people[youth]
        rng = self.rng
        first = rng.choice({"m": data.BOYS, "f": data.GIRLS}.get(youth.gender, data.NEUTRAL))
        last = rng.choice(data.LAST_NAMES)
        age = age_on(youth.birth_date, case.referral_date)
        person = self.add(
            YoungPerson,
            first_name=first,
            last_name=last,
            birth_date=youth.birth_date,
            gender=youth.gender,
            phone=self._phone(rng) if age >= 13 and rng.random() < 0.6 else "",
            email=f"{ascii_slug(first)}.{ascii_slug(last)}{rng.randint(1, 99)}@example.nl"
            if age >= 14 and rng.random() < 0.4
            else "",
            address_area=youth.neighbourhood.name,
            school_class=self._school_class(youth.school_kind, age) if youth.school_kind else "",
        )
        parents = [self._parent(person, last, first_parent=True)]
        if rng.random() < 0.65:
            parents.append(self._parent(person, last, first_parent=False, other=parents[0].relation))
        self.people[youth] = (person, parents)
        return person, parents

    def _school_class(self, kind: str, age: int) -> str:
        classes = data.SCHOOL_CLASSES[kind]
        if kind == "primary":
            return classes[0] if age <= 11 else classes[1]
        if kind == "secondary":
            grade = str(min(max(age - 11, 1), 6))
            return self.rng.choice([c for c in classes if c.startswith(grade)] or classes)
        return self.rng.choice(classes)

    def _parent(self, person, family_name, *, first_parent: bool, other: str = "") -> Parent:
        rng = self.rng
        if first_parent:
            relation = self.weighted([("moeder", 70), ("vader", 25), ("pleegmoeder", 3), ("voogd", 2)])
        elif other == "moeder":
            relation = self.weighted([("vader", 75), ("stiefvader", 20), ("oma", 5)])
        else:
            relation = self.weighted([("moeder", 75), ("stiefmoeder", 15), ("oom", 10)])
        authority = relation in data.PARENT_RELATIONS_WITH_AUTHORITY
        male = relation in ("vader", "stiefvader", "oom") or (relation == "voogd" and rng.random() < 0.5)
        first = rng.choice(data.MEN if male else data.WOMEN)
        last = family_name if relation == "vader" or rng.random() < 0.5 else rng.choice(data.LAST_NAMES)
        return self.add(
            Parent,
            young_person=person,
            first_name=first,
            last_name=last,
            relation=relation,
            has_parental_authority=authority,
            phone=self._phone(rng),
            email=f"{ascii_slug(first)}.{ascii_slug(last)}@example.nl" if rng.random() < 0.7 else "",
        )

    # -- referral -------------------------------------------------------------------------------

    def _case(self, case: Case) -> None:
        rng = self.rng
        person, parents = self._person(case)
        name = person.first_name
        team_lead = self.team_leads[case.region.pk]
        referred_by = self.referrer if case.organisation.pk == self.referrer.organisation_id else None
        other_care = ""
        if case.primary_reason == Reason.SCHOOL_ABSENCE and rng.random() < 0.8:
            # A Halt referral never replaces the school's legal absence report (docs/process.md §4).
            other_care = wording.OTHER_CARE[-1]
        elif rng.random() < 0.2:
            other_care = rng.choice(wording.OTHER_CARE[:-1])
        adult = age_on(case.youth.birth_date, case.referral_date) >= 18
        referral = self.add(
            Referral,
            reference=case.reference,
            status=case.referral_status,
            type=case.type,
            young_person=person,
            organisation=case.organisation,
            referrer_kind=case.referrer_kind,
            referred_by=referred_by,
            region=case.region,
            municipality=case.municipality,
            school=case.school,
            neighbourhood=case.neighbourhood,
            referral_date=case.referral_date,
            incident_date=case.incident_date,
            description=self._description(case.primary_reason, name),
            has_victim=case.has_victim,
            youth_informed=rng.random() < 0.95,
            parents_informed=rng.random() < (0.5 if adult else 0.9),
            other_care_involved=bool(other_care),
            other_care_description=other_care,
            rejection_reason=case.rejection_reason,
            rejection_note=wording.REJECTION_NOTES[case.rejection_reason] if case.rejection_reason else "",
        )
        for position, code in enumerate([case.primary_reason, *case.extra_reasons]):
            self.add(
                ReferralReason, referral=referral, code=code, position=position, is_primary=position == 0
            )
        if case.has_victim:
            self._victim(case, referral)

        # One chain of moments for the referral and its intervention keeps every step in order.
        steps: list[tuple[str, str, dt.date, Any, str]] = [
            ("", ReferralStatus.SUBMITTED, case.referral_date, referred_by, "")
        ]
        status = case.referral_status
        if status == ReferralStatus.WITHDRAWN:
            steps.append(
                (
                    ReferralStatus.SUBMITTED,
                    status,
                    case.dates["decided"],
                    referred_by,
                    rng.choice(wording.WITHDRAWAL_NOTES),
                )
            )
        elif status == ReferralStatus.IN_REVIEW:
            steps.append((ReferralStatus.SUBMITTED, status, case.dates["decided"], team_lead, ""))
        elif status in (ReferralStatus.REJECTED, ReferralStatus.ACCEPTED):
            day = case.dates.get("decided") or case.dates["accepted"]
            steps.append((ReferralStatus.SUBMITTED, ReferralStatus.IN_REVIEW, day, team_lead, ""))
            reason = f"{case.rejection_reason}: {referral.rejection_note}" if case.rejection_reason else ""
            steps.append((ReferralStatus.IN_REVIEW, status, day, team_lead, reason))
        intervention_steps = self._intervention_steps(case, name) if case.accepted else []
        moments = self._moments([step[2] for step in steps + intervention_steps])
        for (old, new, _, by, reason), at in zip(steps, moments, strict=False):
            self.add(
                ReferralStatusChange,
                referral=referral,
                from_status=old,
                to_status=new,
                by=by,
                at=at,
                reason=reason,
            )
        if case.accepted:
            self._intervention(case, referral, parents, name, intervention_steps, moments[len(steps) :])

    def _description(self, reason: str, name: str) -> str:
        rng = self.rng
        parts = [rng.choice(wording.DESCRIPTIONS[reason])]
        if rng.random() < 0.6:
            parts.append(rng.choice(wording.DESCRIPTION_CONTEXT))
        if rng.random() < 0.7:
            parts.append(rng.choice(wording.DESCRIPTION_ASKS))
        return " ".join(part.format(name=name) for part in parts)

    def _victim(self, case: Case, referral: Referral) -> None:
        rng = self.rng
        if case.type == SCHOOL or rng.random() < 0.5:
            first = rng.choice(data.BOYS + data.GIRLS if case.type == SCHOOL else data.MEN + data.WOMEN)
            self.add(
                Victim,
                referral=referral,
                name=f"{first} {rng.choice(data.LAST_NAMES)}",
                contact_details="Via de school" if case.type == SCHOOL else self._phone(rng),
                notes="Ouders van het slachtoffer zijn op de hoogte." if rng.random() < 0.3 else "",
            )
        else:
            hood = case.neighbourhood.name if case.neighbourhood else case.municipality.name
            self.add(
                Victim,
                referral=referral,
                name=rng.choice(wording.VICTIM_ORGANISATIONS).format(
                    neighbourhood=hood, municipality=case.municipality.name
                ),
                is_organisation=True,
                contact_details="Contactpersoon bekend bij de verwijzer",
            )

    # -- intervention ---------------------------------------------------------------------------

    def _intervention_steps(self, case: Case, name: str) -> list[tuple]:
        d, pro, status = case.dates, case.professional, case.status
        steps: list[tuple[str, str, dt.date, Any, str]] = [
            ("", Status.NEW, d["accepted"], self.team_leads[case.region.pk], "")
        ]
        if "planned" in d:
            steps.append((Status.NEW, Status.INTAKE_PLANNED, d["planned"], pro, ""))
        if "intake" in d:
            steps.append((Status.INTAKE_PLANNED, Status.IN_PROGRESS, d["intake"], pro, ""))
        if "end" in d:
            note = ""
            if status == Status.STOPPED:
                note = wording.STOP_NOTES[case.end_reason].format(name=name)
            elif status == Status.NOT_STARTED:
                note = wording.NOT_STARTED_NOTES[case.end_reason]
            steps.append((steps[-1][1], status, d["end"], pro, note))
        return steps

    def _intervention(self, case: Case, referral, parents, name, steps, moments) -> None:
        d, status = case.dates, case.status
        intake_moment = next(
            (at for step, at in zip(steps, moments, strict=True) if step[1] == Status.IN_PROGRESS), None
        )
        scheduled = None
        if "scheduled" in d:
            scheduled = intake_moment or min(
                dt.datetime.combine(
                    d["scheduled"], dt.time(self.rng.choice([9, 10, 11, 13, 14, 15])), self.tz
                ),
                self.now,
            )
        intervention = self.add(
            Intervention,
            reference=case.intervention_reference,
            referral=referral,
            type=case.type,
            status=status,
            region=case.region,
            municipality=case.municipality,
            school=case.school,
            neighbourhood=case.neighbourhood,
            professional=case.professional,
            referral_date=case.referral_date,
            primary_reason=case.primary_reason,
            accepted_at=moments[0],
            intake_planned_at=scheduled,
            intake_date=d.get("intake"),
            end_date=d.get("end"),
            outcome=case.end_reason if status == Status.COMPLETED else "",
            stop_reason=case.end_reason if status == Status.STOPPED else "",
            not_started_reason=case.end_reason if status == Status.NOT_STARTED else "",
            end_note=steps[-1][4] if status in (Status.STOPPED, Status.NOT_STARTED) else "",
        )
        for (old, new, _, by, note), at in zip(steps, moments, strict=True):
            # As the services write it: the reason code, then the explanation.
            reason = f"{case.end_reason}: {note}" if note else ""
            self.add(
                InterventionStatusChange,
                intervention=intervention,
                from_status=old,
                to_status=new,
                by=by,
                at=at,
                reason=reason,
            )
        CaseWork(self, case, intervention, parents, name).record()
