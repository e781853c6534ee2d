"""Test data built through the real services, one option per workflow state.

    referral = make_referral(status="in_review", organisation=organisation_a)
    intervention = make_intervention(status="completed", professional=caseworker_a)

Everything a caller leaves out is found or made: the region and municipality follow from what
is given (organisation, school, municipality, or the professional's region), a team lead and a
professional of that region are reused or created, and dates are set relative to today so that
no service refuses them as "in the future". Because the services do the work, a factory can
only produce states the workflow allows; asking for anything else is a ValueError.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from typing import Any

from django.apps import apps
from django.utils import timezone

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.interventions import consent as consent_services
from kansrijk.interventions import services
from kansrijk.interventions.constants import ConsentPurpose, InterventionType, Status
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.organisations.models import Municipality, ReferrerOrganisation, Region
from kansrijk.referrals import services as referral_services
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.models import Referral

_sequence = itertools.count(1)
_UNSET: Any = object()


def make_referral(
    *,
    status: str = ReferralStatus.SUBMITTED,
    municipality: Municipality | None = None,
    organisation: ReferrerOrganisation | None = None,
    school=None,
    neighbourhood=None,
    type: str | None = None,
    referred_by: User | None = None,
    team_lead: User | None = None,
    professional: User | None = None,
    young_person=None,
    young_person_data: Mapping[str, Any] | None = None,
    birth_date: dt.date | None = None,
    referral_date: dt.date | None = None,
    incident_date: dt.date | None = _UNSET,
    reasons: Iterable[str] = ("disorderly_behaviour",),
    has_victim: bool = False,
    youth_informed: bool = True,
    parents_informed: bool = True,
    other_care_involved: bool = False,
    parents: Iterable[Mapping[str, Any]] = ({"first_name": "Marieke", "relation": "mother"},),
    description: str = "Threw a chair in the classroom.",
    rejection_reason: str = "care_sufficient",
) -> Referral:
    """A referral in `status`: submitted, in_review, accepted, rejected or withdrawn.

    For "accepted" the new intervention is `referral.intervention`.
    """
    if status not in ReferralStatus.values:
        raise ValueError(f"unknown referral status {status!r}")
    region_hint = next(
        (user.region for user in (professional, team_lead, referred_by) if user and user.region_id), None
    )
    if organisation is None and referred_by is not None and referred_by.role == Role.REFERRER:
        organisation = referred_by.organisation
    if organisation is not None:
        municipality = municipality or organisation.municipality
        school = school or organisation.school
    if school is not None:
        municipality = municipality or school.municipality
    if municipality is None:
        municipality = _municipality_in(region_hint or _new_region())
    if organisation is None:
        organisation = _organisation_in(municipality)
    if type is None:
        type = InterventionType.SCHOOL if school is not None else InterventionType.NEIGHBOURHOOD
    referral_date = referral_date or timezone.localdate() - dt.timedelta(days=60)
    if incident_date is _UNSET:
        incident_date = referral_date - dt.timedelta(days=7)
    if young_person is None:
        young_person_data = {
            "first_name": "Sem",
            "last_name": f"de Vries {next(_sequence)}",
            "birth_date": birth_date or _years_before(incident_date or referral_date, 14),
            **(young_person_data or {}),
        }
    else:
        young_person_data = None

    referral = referral_services.referral_submit(
        young_person=young_person,
        young_person_data=young_person_data,
        organisation=organisation,
        referred_by=referred_by,
        type=type,
        school=school,
        neighbourhood=neighbourhood,
        municipality=municipality,
        referral_date=referral_date,
        incident_date=incident_date,
        description=description,
        reasons=list(reasons),
        has_victim=has_victim,
        youth_informed=youth_informed,
        parents_informed=parents_informed,
        other_care_involved=other_care_involved,
        parents=parents if young_person is None else (),
    )
    if status == ReferralStatus.SUBMITTED:
        return referral
    if status == ReferralStatus.WITHDRAWN:
        return referral_services.referral_withdraw(
            referral=referral, by=referred_by or team_lead or _team_lead_of(referral.region)
        )
    team_lead = team_lead or _team_lead_of(referral.region)
    referral_services.referral_start_review(referral=referral, by=team_lead)
    if status == ReferralStatus.REJECTED:
        referral_services.referral_reject(referral=referral, by=team_lead, reason=rejection_reason)
    elif status == ReferralStatus.ACCEPTED:
        services.intervention_open(
            referral=referral, by=team_lead, professional=professional or _professional_of(referral.region)
        )
    return referral


def make_intervention(
    *,
    status: str = Status.NEW,
    professional: User | None = None,
    team_lead: User | None = None,
    by: User | None = None,
    intake_planned_at: dt.datetime | None = None,
    intake_date: dt.date | None = None,
    end_date: dt.date | None = None,
    outcome: str = "sufficient",
    stop_reason: str = "youth_withdrew",
    not_started_reason: str = "no_contact",
    parent_contacts: Iterable[str] = (),
    components: Iterable[str] = (),
    restorations: Iterable[str] = (),
    care_referrals: Iterable[str] = (),
    care_reports: int = 0,
    consents: Iterable[str] = (),
    **referral_options: Any,
) -> Intervention:
    """An intervention in `status`, walked there step by step through the services.

    new, intake_planned, in_progress, completed, stopped (after the intake) or not_started
    (from new). The case records (`parent_contacts` as contact modes, `components` as planned
    component kinds, `restorations`, `care_referrals` as kinds, a number of `care_reports`) are
    recorded on the way, where the workflow allows them; `consents` are purposes consented to
    on the referral day (a referral to care brings its own). `by` defaults to the professional.
    """
    if status not in Status.values:
        raise ValueError(f"unknown intervention status {status!r}")
    started = status in (Status.IN_PROGRESS, Status.COMPLETED, Status.STOPPED)
    if (components or restorations) and not started:
        raise ValueError(f"components and restorations need an intake; status {status!r} has none")

    referral = make_referral(
        status=ReferralStatus.ACCEPTED, professional=professional, team_lead=team_lead, **referral_options
    )
    intervention = referral.intervention
    by = by or intervention.professional
    assert by is not None, "an accepted referral's intervention has a professional"
    today = timezone.localdate()
    intake_date = intake_date or min(intervention.referral_date + dt.timedelta(days=7), today)

    for mode in parent_contacts:
        services.intervention_record_parent_contact(
            intervention=intervention, by=by, mode=mode, date=intervention.referral_date
        )
    # Consent (people.constants.ConsentPurpose) given on the referral day, before anything else.
    for purpose in consents:
        give_consent(intervention, purpose, by=by, on=intervention.referral_date)
    care_referrals = list(care_referrals)
    if care_referrals and ConsentPurpose.CARE_REFERRAL not in consents:
        give_consent(intervention, ConsentPurpose.CARE_REFERRAL, by=by, on=intervention.referral_date)
    for kind in care_referrals:
        services.intervention_record_care_referral(
            intervention=intervention, by=by, kind=kind, date=intervention.referral_date
        )
    for _ in range(care_reports):
        services.intervention_record_care_report(
            intervention=intervention, by=by, date=intervention.referral_date
        )

    if status == Status.NOT_STARTED:
        services.intervention_not_started(
            intervention=intervention,
            by=by,
            reason=not_started_reason,
            end_date=end_date or min(intervention.referral_date + dt.timedelta(days=14), today),
        )
        return intervention
    if status == Status.NEW:
        return intervention

    planned_at = intake_planned_at or timezone.make_aware(dt.datetime.combine(intake_date, dt.time(10, 0)))
    services.intervention_plan_intake(intervention=intervention, by=by, planned_at=planned_at)
    if status == Status.INTAKE_PLANNED:
        return intervention

    services.intervention_start(
        intervention=intervention, by=by, intake_date=intake_date, place="Halt-spreekuur op school"
    )
    for kind in components:
        services.intervention_plan_component(
            intervention=intervention, by=by, kind=kind, planned_date=intake_date
        )
    for kind in restorations:
        services.intervention_record_restoration(
            intervention=intervention, by=by, kind=kind, date=intake_date
        )
    if status == Status.IN_PROGRESS:
        return intervention

    end_date = end_date or min(intake_date + dt.timedelta(days=28), today)
    if status == Status.COMPLETED:
        services.intervention_complete(intervention=intervention, by=by, outcome=outcome, end_date=end_date)
    else:
        services.intervention_stop(intervention=intervention, by=by, reason=stop_reason, end_date=end_date)
    return intervention


def give_consent(intervention: Intervention, purpose: str, *, by: User, on: dt.date | None = None) -> None:
    """Consent to `purpose` in effect from `on`: the young person's, and a parent's with
    authority too when the young person is under 16 (as far as the file has one)."""
    on = on or timezone.localdate()
    young_person = intervention.referral.young_person
    consent_services.consent_record(
        intervention=intervention, by=by, purpose=purpose, given_on=on, young_person=young_person
    )
    parent = young_person.parents.filter(has_parental_authority=True).first()
    if parent is not None:
        consent_services.consent_record(
            intervention=intervention, by=by, purpose=purpose, given_on=on, parent=parent
        )


def _new_region() -> Region:
    return Region.objects.create(name=f"Regio {next(_sequence)}")


def _municipality_in(region: Region) -> Municipality:
    return region.municipalities.first() or Municipality.objects.create(
        name=f"Gemeente {next(_sequence)}", region=region
    )


def _organisation_in(municipality: Municipality) -> ReferrerOrganisation:
    return municipality.referrer_organisations.first() or ReferrerOrganisation.objects.create(
        name=f"Wijkteam {municipality.name}", kind=ReferrerKind.NEIGHBOURHOOD_TEAM, municipality=municipality
    )


def _team_lead_of(region: Region) -> User:
    return User.objects.filter(role=Role.TEAM_LEAD, region=region, is_active=True).first() or _user(
        Role.TEAM_LEAD, region
    )


def _professional_of(region: Region) -> User:
    return User.objects.filter(role=Role.CASEWORKER, region=region, is_active=True).first() or _user(
        Role.CASEWORKER, region
    )


def _user(role: str, region: Region) -> User:
    return User.objects.create_user(username=f"factory-{role}-{next(_sequence)}", role=role, region=region)


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


SESSION_STORES = frozenset({"sessions.Session", "accounts.UserSession"})


def database_state() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, for "the step changed nothing" assertions.

    Test databases are small, so comparing everything is cheap and catches writes a narrower
    check (status, counts) would miss: a stray history, audit or case record, a bumped counter.
    """
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        # The session store records each request's time and browser (the own-sessions page):
        # that is the login, not the step.
        if model._meta.label not in SESSION_STORES
    }


def audit_mark() -> int:
    """The id of the newest audit row, for `audit_rows_since`."""
    from kansrijk.audit.models import AuditEvent

    return AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0


def audit_rows_since(mark: int) -> list[tuple[str, str]]:
    """The audit rows written after `mark`, oldest first, as (event, subject uuid).

    A step that changes nothing still leaves a row: the read of the page that shows its
    refusal, or the refusal of an address the user may not have. Tests that assert "nothing
    changed" compare the database without the audit log, and its rows with this.
    """
    from kansrijk.audit.models import AuditEvent

    return list(AuditEvent.objects.filter(id__gt=mark).order_by("id").values_list("event", "subject_id"))
