"""Who a user is to an object: the roles and relations the workflow tables and rules name.

The tables of `referrals/workflow.py` and `interventions/workflow.py` say which of these may take
each step; `core/workflow.py` asks them. Everything here is a plain test of the user (active,
role, region, assignment), so that a rule reads as one line wherever it is stated. Which
objects a user may *see* is the access modules' question (`*/access.py`), not this one's.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from kansrijk.core.errors import DomainError
from kansrijk.core.workflow import Who

from .constants import HALT_CASE_ROLES, Role


def _active(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def is_case_worker_of(user, region_id: int | None) -> bool:
    """An active Halt professional or team lead of the region."""
    return _active(user) and user.role in HALT_CASE_ROLES and user.region_id == region_id


def is_team_lead_of(user, region_id: int | None) -> bool:
    """An active team lead of the region."""
    return _active(user) and user.role == Role.TEAM_LEAD and user.region_id == region_id


def is_assigned_or_team_lead(user, intervention) -> bool:
    """The intervention's own professional, or a team lead of its region."""
    return is_team_lead_of(user, intervention.region_id) or (
        is_case_worker_of(user, intervention.region_id) and intervention.professional_id == user.pk
    )


# The relations the workflow tables name.
CASE_WORKER_OF_REGION = Who(
    lambda user, subject: is_case_worker_of(user, subject.region_id),
    _("Only a Halt professional or team lead of this region may work on this file."),
    name="case_worker",
)
TEAM_LEAD_OF_REGION = Who(
    lambda user, subject: is_team_lead_of(user, subject.region_id),
    _("Only a team lead of this region may take this step."),
    name="team_lead",
)
ASSIGNED_OR_TEAM_LEAD = Who(
    is_assigned_or_team_lead,
    _("Only the assigned professional or a team lead of this region may take this step."),
    name="assigned_or_team_lead",
)


def require_assignable(user, region_id: int) -> None:
    """An intervention is assigned to an active Halt professional or team lead of its region."""
    if not is_case_worker_of(user, region_id):
        raise DomainError(
            _("The intervention must be assigned to an active Halt professional of this region."),
            code="invalid_professional",
        )


@dataclass(frozen=True)
class _InvitationScope:
    """The organisations a user may invite referrers for: those of every region, or of one."""

    every_region: bool = False
    region_id: int | None = None


def _invitation_scope(user) -> _InvitationScope:
    """A functional administrator invites referrers for any organisation, a team lead for the
    organisations of their own region, nobody else for any."""
    if not _active(user):
        return _InvitationScope()
    if user.role == Role.ADMIN or user.is_superuser:
        return _InvitationScope(every_region=True)
    if user.role == Role.TEAM_LEAD:
        return _InvitationScope(region_id=user.region_id)
    return _InvitationScope()


def may_import_interventions(user) -> bool:
    """The functional administrator (or a superuser) imports interventions from the web and sees
    every import job, whoever uploaded it (docs/interchange.md §3)."""
    return _active(user) and (user.role == Role.ADMIN or user.is_superuser)


def may_invite_for(user, organisation) -> bool:
    """Whether `user` may invite referrers for `organisation`: inside the scope of
    `organisations_for_inviter`, decided without a query for who may invite for every region."""
    scope = _invitation_scope(user)
    if scope.every_region:
        return True
    return scope.region_id is not None and organisation.municipality.region_id == scope.region_id


def organisations_for_inviter(user):
    """The referrer organisations `user` may invite people for: the same scope as
    `may_invite_for`, as a queryset (a team lead's region, or all)."""
    from kansrijk.organisations.models import ReferrerOrganisation

    organisations = ReferrerOrganisation.objects.select_related("municipality").order_by("name")
    scope = _invitation_scope(user)
    if scope.every_region:
        return organisations
    if scope.region_id is not None:
        return organisations.filter(municipality__region_id=scope.region_id)
    return organisations.none()


__all__ = [
    "ASSIGNED_OR_TEAM_LEAD",
    "CASE_WORKER_OF_REGION",
    "TEAM_LEAD_OF_REGION",
    "is_assigned_or_team_lead",
    "is_case_worker_of",
    "is_team_lead_of",
    "may_import_interventions",
    "may_invite_for",
    "organisations_for_inviter",
    "require_assignable",
]
