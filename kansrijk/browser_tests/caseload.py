"""A region's caseload with a file in every state, for the accessibility scans and screenshots.

All names are invented. Every step is taken on its own day (the clock is moved there for it),
counted back from the browser tests' frozen today (helpers.NOW), so that a file's timeline reads
in order and the pages, and the screenshots of them, look the same on every run.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass

import time_machine
from django.utils import timezone

from kansrijk.interventions import services
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.tests.factories import give_consent, make_referral
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.organisations.models import Neighbourhood, ReferrerOrganisation
from kansrijk.referrals import services as referral_services
from kansrijk.referrals.models import Referral

from .helpers import NOW


@dataclass(frozen=True)
class Caseload:
    waiting: Referral  # submitted two days ago, with triage warnings
    new: Intervention  # Anna's, accepted, nothing done yet
    intake_planned: Intervention  # Anna's, the planned intake has passed
    in_progress: Intervention  # Anna's, a full timeline
    completed: Intervention  # Ahmed's
    neighbourhood: Intervention  # the team lead's own, open for over 90 days, a component to mark

    @property
    def files(self) -> dict[str, Intervention]:
        return {
            "new": self.new,
            "intake_planned": self.intake_planned,
            "in_progress": self.in_progress,
            "completed": self.completed,
            "neighbourhood": self.neighbourhood,
        }


def _day(days_ago: int) -> dt.date:
    # Counted from the frozen today, whichever day the clock is on for a step.
    return NOW.date() - dt.timedelta(days=days_ago)


def _moment(days_ago: int, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(_day(days_ago), dt.time(hour, 0)))


@contextmanager
def _on(days_ago: int, hour: int = 10):
    """The clock on that day, for a step that records "today"."""
    with time_machine.travel(_moment(days_ago, hour), tick=False):
        yield


def _birth_date(years: int, days: int = 0) -> dt.date:
    return NOW.date().replace(year=NOW.year - years) - dt.timedelta(days=days)


def _youth_work(municipality) -> ReferrerOrganisation:
    return ReferrerOrganisation.objects.get_or_create(
        name="Jongerenwerk Den Haag", kind=ReferrerKind.YOUTH_WORK, municipality=municipality
    )[0]


def _accepted(*, days_ago: int, team_lead, professional, **referral) -> Intervention:
    """Referred `days_ago`, accepted the next day for `professional`."""
    with _on(days_ago, 9):
        submitted = make_referral(referral_date=_day(days_ago), incident_date=_day(days_ago + 3), **referral)
    with _on(days_ago - 1, 11):
        referral_services.referral_start_review(referral=submitted, by=team_lead)
        return services.intervention_open(referral=submitted, by=team_lead, professional=professional)


def _intake(intervention: Intervention, by, *, planned_on: int, held_on: int | None, place: str = "") -> None:
    """Plan the intake `planned_on` days before the day it is held (or was due)."""
    parent = intervention.referral.young_person.parents.first()
    assert parent is not None
    due = held_on if held_on is not None else planned_on - 10
    with _on(planned_on):
        services.intervention_record_parent_contact(
            intervention=intervention, by=by, mode="phone", parent=parent
        )
        services.intervention_plan_intake(intervention=intervention, by=by, planned_at=_moment(due, 15))
    if held_on is not None:
        with _on(held_on, 16):
            services.intervention_start(
                intervention=intervention,
                by=by,
                intake_date=_day(held_on),
                place=place or "Spreekkamer op school",
                parents=[parent],
            )


def make_caseload(*, organisation, team_lead, caseworker, caseworker2) -> Caseload:
    """Files of the region of `organisation` (a school's), most of them `caseworker`'s."""
    lead, anna, ahmed = team_lead.user, caseworker.user, caseworker2.user
    municipality = organisation.municipality

    with _on(2, 8):
        waiting = make_referral(
            organisation=organisation,
            referral_date=_day(2),
            incident_date=_day(4),
            young_person_data={
                "first_name": "Noor",
                "last_name": "Bakker",
                "birth_date": _birth_date(14, 40),
                "gender": "f",
                "school_class": "2B",
            },
            parents=[
                {"first_name": "Ilse", "last_name": "Bakker", "relation": "moeder", "phone": "06-00000001"},
                {"first_name": "Koen", "last_name": "Bakker", "relation": "vader"},
            ],
            reasons=["vandalism", "verbal_aggression"],
            has_victim=True,
            description="Heeft met twee klasgenoten de fietsenstalling beklad en de conciërge uitgescholden.",
        )

    new = _accepted(
        days_ago=6,
        team_lead=lead,
        professional=anna,
        organisation=organisation,
        young_person_data={"first_name": "Daan", "last_name": "Visser", "birth_date": _birth_date(13, 100)},
        parents=[{"first_name": "Petra", "last_name": "Visser", "relation": "moeder"}],
        reasons=["bullying"],
    )

    intake_planned = _accepted(
        days_ago=16,
        team_lead=lead,
        professional=anna,
        organisation=organisation,
        young_person_data={"first_name": "Lotte", "last_name": "Smit", "birth_date": _birth_date(15, 20)},
        parents=[{"first_name": "Hans", "last_name": "Smit", "relation": "vader"}],
        reasons=["online_misconduct"],
    )
    _intake(intake_planned, anna, planned_on=13, held_on=None)

    in_progress = _accepted(
        days_ago=33,
        team_lead=lead,
        professional=anna,
        organisation=organisation,
        young_person_data={
            "first_name": "Sem",
            "last_name": "de Vries",
            "birth_date": _birth_date(14, 200),
            "gender": "m",
            "school_class": "3A",
        },
        parents=[
            {"first_name": "Marieke", "last_name": "de Vries", "relation": "moeder", "phone": "06-00000002"}
        ],
        reasons=["disorderly_behaviour", "verbal_aggression"],
        description="Gooide in de les een stoel om en schold de docent uit.",
    )
    _intake(in_progress, anna, planned_on=31, held_on=26)
    _fill_file(in_progress, anna)

    completed = _accepted(
        days_ago=95,
        team_lead=lead,
        professional=ahmed,
        organisation=organisation,
        young_person_data={"first_name": "Emma", "last_name": "Mulder", "birth_date": _birth_date(12, 30)},
        parents=[{"first_name": "Sandra", "last_name": "Mulder", "relation": "moeder"}],
        reasons=["physical_aggression"],
    )
    _intake(completed, ahmed, planned_on=93, held_on=88)
    with _on(88, 17):
        services.intervention_plan_component(intervention=completed, by=ahmed, kind="role_play")
    with _on(70):
        services.intervention_record_restoration(
            intervention=completed, by=ahmed, kind="restorative_conversation", victim_involved=True
        )
    with _on(60):
        services.intervention_complete(
            intervention=completed, by=ahmed, outcome="sufficient", end_date=_day(60)
        )

    neighbourhood = _accepted(
        days_ago=104,
        team_lead=lead,
        professional=lead,
        organisation=_youth_work(municipality),
        neighbourhood=Neighbourhood.objects.create(name="Schilderswijk", municipality=municipality),
        young_person_data={
            "first_name": "Yusuf",
            "last_name": "El Amrani",
            "birth_date": _birth_date(16, 60),
        },
        parents=[{"first_name": "Fatima", "last_name": "El Amrani", "relation": "moeder"}],
        reasons=["fireworks"],
    )
    _intake(neighbourhood, lead, planned_on=101, held_on=97, place="Buurthuis De Mussen")
    with _on(20):
        # Planned and not yet marked: the file offers the form to mark it.
        services.intervention_plan_component(
            intervention=neighbourhood, by=lead, kind="social_skills", planned_date=_day(-6)
        )

    return Caseload(waiting, new, intake_planned, in_progress, completed, neighbourhood)


def _fill_file(intervention: Intervention, by) -> None:
    """After the intake: agreements, components, restoration, a follow-up, a note."""
    parent = intervention.referral.young_person.parents.get()
    with _on(26, 17):
        services.intervention_record_agreement(
            intervention=intervention,
            by=by,
            description="Sem schrijft een excuusbrief aan de docent.",
            due_date=_day(12),
        )
        services.intervention_plan_component(
            intervention=intervention, by=by, kind="reflection", planned_date=_day(19)
        )
    with _on(19, 14):
        reflection = intervention.components.get()
        services.intervention_mark_component(component=reflection, by=by, status="done", date=_day(19))
    with _on(12):
        services.intervention_record_restoration(
            intervention=intervention,
            by=by,
            kind="apology_letter",
            victim_involved=True,
            note="De brief is samen met de mentor overhandigd.",
        )
    with _on(8, 11):
        services.intervention_record_conversation(
            intervention=intervention,
            by=by,
            kind="follow_up",
            date=_day(8),
            place="Spreekkamer op school",
            parents=[parent],
            others="mentor",
            summary="Het gaat beter in de klas; afspraken doorgenomen.",
        )
    with _on(1, 15):
        services.intervention_add_note(
            intervention=intervention, by=by, text="Moeder belt terug na het gesprek met de mentor."
        )


# Closed files of this school year, for a search list that pages and a factsheet with figures
# (the factsheet shows counts under 5 as "<5").
FIRST_NAMES = [
    "Mila",
    "Finn",
    "Sara",
    "Luuk",
    "Julia",
    "Bram",
    "Zoë",
    "Milan",
    "Lina",
    "Thijs",
    "Evi",
    "Jesse",
]
LAST_NAMES = [
    "Jansen",
    "de Jong",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Vermeulen",
    "de Graaf",
    "Bos",
    "Kuipers",
]
REASONS = ["disorderly_behaviour"] * 8 + ["physical_aggression"] * 7 + ["online_misconduct"] * 6
REASONS += ["bullying"] * 5 + ["vandalism"] * 3 + ["theft"] * 2 + ["school_absence"]
FINISHED = len(REASONS)


def make_finished_files(*, organisation, team_lead, caseworker2) -> list[Intervention]:
    """Files of `caseworker2`, referred from September on and closed five weeks later."""
    lead, ahmed = team_lead.user, caseworker2.user
    municipality = organisation.municipality
    youth_work = _youth_work(municipality)
    transvaal = Neighbourhood.objects.create(name="Transvaal", municipality=municipality)
    files = []
    for number, reason in enumerate(REASONS):
        at_school = number % 5 != 2
        referred = 190 - 4 * number
        intervention = _accepted(
            days_ago=referred,
            team_lead=lead,
            professional=ahmed,
            organisation=organisation if at_school else youth_work,
            neighbourhood=None if at_school else transvaal,
            young_person_data={
                "first_name": FIRST_NAMES[number % len(FIRST_NAMES)],
                "last_name": LAST_NAMES[number % len(LAST_NAMES)],
                "birth_date": _birth_date(12 + number % 5, 11 * number),
            },
            parents=[{"first_name": "Chris", "last_name": LAST_NAMES[number % len(LAST_NAMES)]}],
            reasons=[reason],
        )
        if number % 7 == 6:
            with _on(referred - 10):
                services.intervention_not_started(
                    intervention=intervention, by=ahmed, reason="no_contact", end_date=_day(referred - 10)
                )
            files.append(intervention)
            continue
        _intake(intervention, ahmed, planned_on=referred - 2, held_on=referred - 7)
        with _on(referred - 8):
            if number % 2:
                services.intervention_record_parent_contact(
                    intervention=intervention, by=ahmed, mode="face_to_face"
                )
        with _on(referred - 20):
            if number % 5 != 4:
                services.intervention_record_restoration(
                    intervention=intervention, by=ahmed, kind="restorative_conversation"
                )
            if number % 6 == 5:
                give_consent(intervention, ConsentPurpose.CARE_REFERRAL, by=ahmed)
                services.intervention_record_care_referral(
                    intervention=intervention, by=ahmed, kind="youth_care"
                )
        with _on(referred - 35):
            outcome = "further_support" if number % 4 == 3 else "sufficient"
            services.intervention_complete(
                intervention=intervention, by=ahmed, outcome=outcome, end_date=_day(referred - 35)
            )
        files.append(intervention)
    return files
