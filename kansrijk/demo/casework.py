"""The case work recorded on one demo intervention: conversations, agreements, components,
restoration, parent contacts, care and notes, consistent with the case's status and with the
facts the plan gave it (figures.py)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from kansrijk.interventions.constants import (
    CareReferralKind,
    ComponentKind,
    ComponentStatus,
    ConsentPurpose,
    ContactMode,
    ConversationKind,
    RestorationKind,
    Status,
)
from kansrijk.interventions.models import (
    Agreement,
    CareReferral,
    CareReport,
    Component,
    Consent,
    Conversation,
    Note,
    ParentContact,
    RestorationAction,
)
from kansrijk.people.models import Parent
from kansrijk.referrals.constants import Reason

from . import wording
from .figures import SCHOOL, STARTED

if TYPE_CHECKING:
    from .cases import CaseWriter
    from .planned import Case

AGGRESSION = {Reason.PHYSICAL_AGGRESSION, Reason.VERBAL_AGGRESSION, Reason.WEAPONS}
CONTACT_MODES = {
    "school": [(ContactMode.PHONE, 50), (ContactMode.DIGITAL, 25), (ContactMode.FACE_TO_FACE, 25)],
    "neighbourhood": [(ContactMode.FACE_TO_FACE, 60), (ContactMode.PHONE, 30), (ContactMode.DIGITAL, 10)],
}
CARE_KINDS = [
    (CareReferralKind.NEIGHBOURHOOD_TEAM, 35),
    (CareReferralKind.YOUTH_CARE, 25),
    (CareReferralKind.YOUTH_WORK, 20),
    (CareReferralKind.MENTAL_HEALTH, 12),
    (CareReferralKind.ADDICTION_CARE, 4),
    (CareReferralKind.OTHER, 4),
]


class CaseWork:
    """The case work recorded on one intervention, consistent with its status and flags."""

    def __init__(self, writer: CaseWriter, case: Case, intervention, parents, name):
        self.w = writer
        self.rng = writer.rng
        self.case = case
        self.intervention = intervention
        self.parents = parents
        self.name = name
        self.by = case.professional
        d = case.dates
        self._intake = d.get("intake")
        self.last = d.get("end", writer.today)

    @property
    def first(self) -> dt.date:
        """The intake day: only the work of an intervention that started asks for it."""
        assert self._intake is not None
        return self._intake

    def add(self, model, **fields):
        return self.w.add(model, intervention=self.intervention, recorded_by=self.by, **fields)

    def record(self) -> None:
        case = self.case
        parents_at_intake = self._parent_contacts()
        if case.status in STARTED:
            self._conversations(parents_at_intake)
            self._agreements()
            self._components()
            if case.restoration:
                self._restoration()
            self._care()
        self._notes()

    def _parent(self) -> Parent:
        with_authority = [p for p in self.parents if p.has_parental_authority]
        return self.rng.choice(with_authority or self.parents)

    def _parent_contacts(self) -> list[Parent]:
        """Contacts with the parents; returns the parents who came to the intake."""
        case, rng, d = self.case, self.rng, self.case.dates
        if not case.parent_contact:
            return []
        modes = CONTACT_MODES[case.type]
        planning_day = d.get("planned") or d["accepted"]
        first_mode = ContactMode.PHONE if rng.random() < 0.7 else ContactMode.DIGITAL
        self.add(
            ParentContact,
            parent=self._parent(),
            mode=first_mode,
            date=planning_day,
            note="Afspraak gemaakt voor het eerste gesprek." if "planned" in d else "",
        )
        attending = []
        if case.status in STARTED and rng.random() < (0.85 if case.type == "neighbourhood" else 0.45):
            attending = [self._parent()]
            if len(self.parents) > 1 and rng.random() < 0.3:
                attending = list(self.parents)
            for parent in attending:
                self.add(
                    ParentContact,
                    parent=parent,
                    mode=ContactMode.FACE_TO_FACE,
                    date=self.first,
                    note="Aanwezig bij het eerste gesprek.",
                )
        if case.status in STARTED:
            for _ in range(rng.choice([0, 0, 1, 1, 2])):
                self.add(
                    ParentContact,
                    parent=self._parent(),
                    mode=self.w.weighted(modes),
                    date=self.w.day(self.first, self.last),
                )
        return attending

    def _conversations(self, parents_at_intake) -> None:
        rng, case = self.rng, self.case
        hood = case.neighbourhood.name if case.neighbourhood else case.municipality.name
        places = wording.PLACES_SCHOOL if case.type == SCHOOL else wording.PLACES_NEIGHBOURHOOD
        place = rng.choice(places).format(
            school=case.school.name if case.school else "",
            neighbourhood=hood,
            municipality=case.municipality.name,
        )
        intake = self.add(
            Conversation,
            kind=ConversationKind.INTAKE,
            date=self.first,
            place=place,
            others="Mentor" if case.type == SCHOOL and rng.random() < 0.4 else "",
            summary=rng.choice(wording.INTAKE_SUMMARIES).format(name=self.name),
        )
        for parent in parents_at_intake:
            self.w.add(Conversation.parents.through, conversation=intake, parent=parent)
        span = (self.last - self.first).days
        follow_ups = rng.choice([0, 1, 1, 2]) if case.status != Status.STOPPED else rng.choice([0, 1])
        for _ in range(follow_ups if span > 2 else 0):
            self.add(
                Conversation,
                kind=ConversationKind.FOLLOW_UP,
                date=self.w.day(self.first + dt.timedelta(days=1), self.last - dt.timedelta(days=1)),
                place=place,
                summary=rng.choice(wording.FOLLOW_UP_SUMMARIES).format(name=self.name),
            )
        if case.status == Status.COMPLETED:
            self.add(
                Conversation,
                kind=ConversationKind.CLOSING,
                date=self.last,
                place=place,
                summary=wording.CLOSING_SUMMARIES[case.end_reason].format(name=self.name),
            )

    def _agreements(self) -> None:
        rng, status = self.rng, self.case.status
        texts = wording.AGREEMENTS if self.case.has_victim else wording.AGREEMENTS[1:]
        for text in rng.sample(texts, rng.choice([1, 2, 2, 3])):
            due = min(self.first + dt.timedelta(days=rng.randint(14, 35)), self.last)
            if status == Status.COMPLETED:
                kept: bool | None = rng.random() < 0.9
            elif status == Status.STOPPED:
                kept = False if rng.random() < 0.6 else None
            else:
                kept = True if due < self.w.today and rng.random() < 0.6 else None
            self.add(Agreement, description=text.format(name=self.name), due_date=due, kept=kept)

    def _components(self) -> None:
        rng, status = self.rng, self.case.status
        optional = [ComponentKind.LEARNING_ASSIGNMENT, ComponentKind.ROLE_PLAY, ComponentKind.SOCIAL_SKILLS]
        if self.case.primary_reason in AGGRESSION:
            optional.append(ComponentKind.AGGRESSION_TRAINING)
        if rng.random() < 0.05:
            optional.append(ComponentKind.MENTOR)
        kinds = [ComponentKind.REFLECTION, *rng.sample(optional, rng.choice([0, 1, 1, 2]))]
        for kind in kinds:
            planned = self.w.day(self.first, self.last)
            if status == Status.COMPLETED:
                state = ComponentStatus.DONE if rng.random() < 0.92 else ComponentStatus.NOT_DONE
            elif status == Status.STOPPED:
                state = ComponentStatus.DONE if rng.random() < 0.4 else ComponentStatus.NOT_DONE
            else:
                done = planned < self.w.today - dt.timedelta(days=2) and rng.random() < 0.7
                state = ComponentStatus.DONE if done else ComponentStatus.PLANNED
            self.add(
                Component,
                kind=kind,
                status=state,
                planned_date=planned,
                done_date=planned if state == ComponentStatus.DONE else None,
            )

    def _restoration(self) -> None:
        rng = self.rng
        kinds = [
            (RestorationKind.RESTORATIVE_CONVERSATION, 45),
            (RestorationKind.APOLOGY_LETTER, 40),
            (RestorationKind.OTHER_RESTORATION, 15),
        ]
        first = self.w.weighted(kinds)
        chosen = [first]
        if rng.random() < 0.25:
            chosen.append(self.w.weighted([pair for pair in kinds if pair[0] != first]))
        involve = {
            RestorationKind.RESTORATIVE_CONVERSATION: 0.85,
            RestorationKind.APOLOGY_LETTER: 0.7,
            RestorationKind.OTHER_RESTORATION: 0.4,
        }
        for kind in chosen:
            self.add(
                RestorationAction,
                kind=kind,
                date=self.w.day(self.first, self.last),
                victim_involved=self.case.has_victim and rng.random() < involve[kind],
                note=wording.RESTORATION_NOTES[kind].format(name=self.name),
            )

    def _care(self) -> None:
        rng, case = self.rng, self.case
        later = self.first + (self.last - self.first) // 2
        if case.care_referral:
            self._care_consent(later)
            first = self.w.weighted(CARE_KINDS)
            kinds = [first]
            if rng.random() < 0.15:
                kinds.append(self.w.weighted([pair for pair in CARE_KINDS if pair[0] != first]))
            for kind in kinds:
                self.add(
                    CareReferral,
                    kind=kind,
                    organisation=wording.CARE_ORGANISATIONS[kind].format(
                        municipality=case.municipality.name, region=case.region.name
                    ),
                    date=self.w.day(later, self.last),
                    note=f"Met toestemming van {self.name} en ouders doorverwezen.",
                )
        for _ in range(case.care_reports):
            self.add(
                CareReport,
                date=self.w.day(self.first, self.last),
                receiving_body="Veilig Thuis",
                note=rng.choice(wording.CARE_REPORT_NOTES),
            )

    def _care_consent(self, day) -> None:
        """The consent a referral to care needs: the young person's and a parent's with authority.

        Their uuids derive from the intervention's instead of the seeded generator, so that
        adding them left every other row of the demo as it was.
        """
        young_person = self.intervention.referral.young_person
        with_authority = [p for p in self.parents if p.has_parental_authority][:1]
        for index, person in enumerate([young_person, *with_authority]):
            self.w.rows[Consent].append(
                Consent(
                    uuid=uuid.uuid5(self.intervention.uuid, f"care-consent-{index}"),
                    intervention=self.intervention,
                    purpose=ConsentPurpose.CARE_REFERRAL,
                    young_person=person if index == 0 else None,
                    parent=person if index else None,
                    given_on=day,
                    recorded_by=self.by,
                )
            )

    def _notes(self) -> None:
        # Before the intake only the notes about reaching the family make sense.
        texts = wording.NOTES if self.case.status in STARTED else wording.NOTES_BEFORE_INTAKE
        for _ in range(self.rng.choice([0, 1, 1, 2])):
            self.add(Note, text=self.rng.choice(texts))
