"""Who may see which intervention: the one place that decides (docs/conventions.md, habit 4).

Lists use `interventions_visible_to(user)`, single objects `get_intervention_for_user(user,
uuid)`; both rest on the same queryset, so a list and a detail page can never disagree. A
missing and a forbidden intervention answer alike (404), so outsiders learn nothing about
what exists; the refusal of one that exists is recorded (kansrijk/core/lookups.py).
"""

from __future__ import annotations

from django.db.models import QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.accounts.policy import is_assigned_or_team_lead
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.lookups import visible_or_404

from .models import CareReport, Intervention


def interventions_visible_to(user) -> QuerySet[Intervention]:
    """Interventions whose case content `user` may see (docs/process.md §3).

    Halt professionals and team leads see the interventions of their own region: the region is
    the team. Relationship managers, referrers, privacy officers and administrators never see
    case content; they get figures, statuses or audit data through their own modules.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return Intervention.objects.none()
    if user.role in (Role.CASEWORKER, Role.TEAM_LEAD) and user.region_id is not None:
        return Intervention.objects.filter(region_id=user.region_id)
    return Intervention.objects.none()


def get_intervention_for_user(user, intervention_uuid) -> Intervention:
    """The intervention with this uuid if `user` may see it, else Http404.

    Finding the file is no look at it yet: the view may still refuse a step on it, or answer with
    a redirect. What shows the file writes the audit row (`intervention_read_record`, called by
    `selectors.intervention_file`), so every page with the file is audited once, whichever view
    and however the step went.
    """
    # What the file's header shows comes along; the referral is read by the file itself (with
    # the young person). Every join here is weighed by PostgreSQL's planner on every view and
    # step, and planning, not reading, was most of this query's time (docs/performance.md).
    return visible_or_404(
        interventions_visible_to(user).select_related(
            "municipality", "school", "neighbourhood", "professional"
        ),
        intervention_uuid,
        user=user,
    )


def intervention_read_record(*, user, intervention: Intervention, care_reports: bool) -> None:
    """The audit row of one look at the file's case content, by what shows it.

    It says whether the look included the care reports, the most sensitive part of the file,
    so nobody has to reconstruct that from roles later.
    """
    audit_record(
        actor=user,
        event=Event.INTERVENTION_VIEWED,
        subject=intervention,
        new={"care_reports": care_reports},
    )


def can_see_care_reports(user, intervention: Intervention) -> bool:
    """Care reports (zorgmeldingen) are for the assigned professional and the region's team leads."""
    if not interventions_visible_to(user).filter(pk=intervention.pk).exists():
        return False
    return _may_see_care_reports(user, intervention)


def can_see_file_viewers(user, intervention: Intervention) -> bool:
    """Who looked at a file is for those answerable for it: the assigned professional and the
    region's team leads (the same people who see its care reports)."""
    return can_see_care_reports(user, intervention)


def _may_see_care_reports(user, intervention: Intervention) -> bool:
    # For an intervention already known to be visible to `user`. The relation the workflow table
    # names for recording a care report, so who sees them and who records them cannot drift apart.
    return is_assigned_or_team_lead(user, intervention)


def care_reports_for_user(
    user, intervention: Intervention, *, may_see: bool | None = None
) -> QuerySet[CareReport]:
    """The care reports of `intervention` that `user` may see; `may_see` is the answer of
    `can_see_care_reports` when the caller asked it already."""
    if may_see is None:
        may_see = can_see_care_reports(user, intervention)
    if not may_see:
        return CareReport.objects.none()
    return intervention.care_reports.all()
