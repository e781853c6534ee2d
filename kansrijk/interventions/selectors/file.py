"""The intervention file: everything its page shows, for an intervention the view got through
the access module, in a fixed number of queries.

Building the file is looking at it: `intervention_file` writes the audit row of the read, so
that every answer that shows the file (the page, a step refused on it, an HTMX update) is
audited exactly once, without each view having to remember it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from kansrijk.accounts.models import User
from kansrijk.core.dates import age_on
from kansrijk.interventions.consent import consents_in_effect
from kansrijk.referrals.models import Referral

from ..access import can_see_care_reports, care_reports_for_user, intervention_read_record
from ..constants import ComponentStatus
from ..models import Component, Intervention
from ..workflow import INTERVENTION_WORKFLOW
from .timeline import TimelineEntry, timeline
from .worklist import days_open


@dataclass
class InterventionFile:
    intervention: Intervention
    referral: Referral
    young_person: Any
    age: int | None
    parents: list
    victims: list
    reasons: list
    days_open: int
    timeline: list[TimelineEntry]
    shows_care_reports: bool
    # The steps `user` may take now (the workflow's `offered`) and the components still to mark.
    actions: frozenset[str] = frozenset()
    planned_components: list[Component] = field(default_factory=list)
    # Every consent recorded, and the purposes they allow today (people/selectors.py).
    consents: list = field(default_factory=list)
    consent_purposes: set[str] = field(default_factory=set)

    @property
    def can_withdraw_consent(self) -> bool:
        """Whether `user` may record a withdrawal (the workflow allows it whatever the status)."""
        return "withdraw_consent" in self.actions


def intervention_file(
    *, user: User, intervention: Intervention, today: dt.date | None = None
) -> InterventionFile:
    """Everything the file page shows, for an intervention the view got through the access module;
    one audit row for the look at it (with whether it showed the care reports)."""
    today = today or timezone.localdate()
    # The intervention was checked by the access module; its referral is read here, with the
    # young person, and kept on the intervention, so that the forms' reads of it need no query.
    referral = Referral.objects.select_related("young_person", "organisation").get(
        pk=intervention.referral_id
    )
    intervention.referral = referral
    young_person = referral.young_person
    # Care reports come only through the access module (assigned professional and team leads).
    shows_care_reports = can_see_care_reports(user, intervention)
    care_reports = list(
        care_reports_for_user(user, intervention, may_see=shows_care_reports).select_related("recorded_by")
    )
    intervention_read_record(user=user, intervention=intervention, care_reports=shows_care_reports)
    components = list(intervention.components.select_related("recorded_by"))
    consents = list(intervention.consents.select_related("young_person", "parent"))
    return InterventionFile(
        intervention=intervention,
        referral=referral,
        young_person=young_person,
        # No birth date once retention has removed the young person's data.
        age=age_on(young_person.birth_date, today) if young_person.birth_date else None,
        parents=list(young_person.parents.all()),
        victims=list(referral.victims.all()),
        reasons=list(referral.reasons.all()),
        days_open=days_open(intervention, today),
        timeline=timeline(intervention, care_reports=care_reports, components=components),
        shows_care_reports=shows_care_reports,
        actions=INTERVENTION_WORKFLOW.offered(user, intervention),
        planned_components=[c for c in components if c.status == ComponentStatus.PLANNED],
        consents=consents,
        consent_purposes=consents_in_effect(consents=consents, birth_date=young_person.birth_date, on=today),
    )
