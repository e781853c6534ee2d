"""Who may see which factsheet, publish it, and see the management dashboard.

The one place that decides (docs/conventions.md, habit 4). Factsheets are aggregated figures, but a
factsheet of one school can still point at a child, so they stay inside Halt:

- relationship managers: the municipalities they report to, every school in those
  municipalities, and the schools they are linked to directly;
- team leads: their region, its municipalities and its schools;
- Halt professionals (caseworkers): the same as their team lead, read only. They already see
  every case of their region; the factsheet shows them nothing they could not count there;
- the permission `reports.view_all_factsheets` adds every region and the national factsheet
  (scope "all") for any of these three roles: it is given to the few people who account for
  Halt as a whole, through the user administration;
- everybody else (referrers, privacy officer, functional administrator, anonymous visitors):
  nothing. A factsheet leaves Halt only as a published file someone sends.

Publishing is for team leads and relationship managers, on the scopes they see. The dashboard
is for team leads: their own region, or every region with `reports.view_all_factsheets`.

Exact figures: every format shows a factsheet with its small numbers suppressed (published.py),
the JSON included, except the JSON for holders of `reports.view_exact_figures` among these three
roles. An operator gives that permission to the few inside Halt who need the exact numbers
(research, checking the figures); relationship managers, who pass factsheets on to municipalities
and schools, are not meant to hold it.

A scope or edition that does not exist and one the user may not see answer alike: 404.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from kansrijk.accounts.constants import Role
from kansrijk.core.lookups import visible_or_404
from kansrijk.organisations.models import Municipality, Region, School

from .models import PublishedEdition
from .scope import Scope

FACTSHEET_ROLES = frozenset({Role.CASEWORKER, Role.TEAM_LEAD, Role.RELATIONSHIP_MANAGER})
PUBLISHING_ROLES = frozenset({Role.TEAM_LEAD, Role.RELATIONSHIP_MANAGER})
NATIONAL_PERMISSION = "reports.view_all_factsheets"
EXACT_FIGURES_PERMISSION = "reports.view_exact_figures"


@dataclass(frozen=True)
class VisibleScopes:
    """The scopes one user may see: whether "all", and which regions, municipalities and schools."""

    all: bool
    regions: QuerySet[Region]
    municipalities: QuerySet[Municipality]
    schools: QuerySet[School]

    def contains(self, scope: Scope) -> bool:
        if scope.kind == "all":
            return self.all
        rows = {"region": self.regions, "municipality": self.municipalities, "school": self.schools}[
            scope.kind
        ]
        return rows.filter(pk=scope.pk).exists()

    @property
    def any(self) -> bool:
        return self.all or self.regions.exists() or self.municipalities.exists() or self.schools.exists()


def _reports_user(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active and user.role in FACTSHEET_ROLES


def sees_every_region(user) -> bool:
    return _reports_user(user) and user.has_perm(NATIONAL_PERMISSION)


def sees_exact_figures(user) -> bool:
    """Whether the factsheet JSON gives `user` the exact figures instead of the suppressed ones."""
    return _reports_user(user) and user.has_perm(EXACT_FIGURES_PERMISSION)


def factsheet_scopes_for(user) -> VisibleScopes:
    if not _reports_user(user):
        return VisibleScopes(False, Region.objects.none(), Municipality.objects.none(), School.objects.none())
    if sees_every_region(user):
        return VisibleScopes(True, Region.objects.all(), Municipality.objects.all(), School.objects.all())
    if user.role == Role.RELATIONSHIP_MANAGER:
        municipalities = Municipality.objects.filter(relationship_managers=user)
        schools = School.objects.filter(
            Q(municipality__relationship_managers=user) | Q(relationship_managers=user)
        ).distinct()
        return VisibleScopes(False, Region.objects.none(), municipalities, schools)
    if user.region_id is None:
        return VisibleScopes(False, Region.objects.none(), Municipality.objects.none(), School.objects.none())
    return VisibleScopes(
        False,
        Region.objects.filter(pk=user.region_id),
        Municipality.objects.filter(region_id=user.region_id),
        School.objects.filter(municipality__region_id=user.region_id),
    )


def get_factsheet_scope_for_user(user, *, kind: str, key: str = "") -> Scope:
    """The scope `kind` named by `key` (a name, or a BRIN code for a school) if `user` may see it.

    Unknown kinds, unknown names and scopes outside the user's reach all raise Http404.
    """
    visible = factsheet_scopes_for(user)
    if kind == "all":
        if not visible.all:
            raise Http404
        return Scope.all()
    key = (key or "").strip()
    if not key:
        raise Http404
    place: Region | Municipality | School | None
    if kind == "region":
        place = visible.regions.filter(name__iexact=key).first()
    elif kind == "municipality":
        place = visible.municipalities.filter(name__iexact=key).first()
    elif kind == "school":
        place = visible.schools.filter(brin__iexact=key).first()
    else:
        raise Http404
    if place is None:
        raise Http404
    return Scope.of(place)


def can_publish(user, scope: Scope) -> bool:
    return (
        _reports_user(user) and user.role in PUBLISHING_ROLES and factsheet_scopes_for(user).contains(scope)
    )


def editions_visible_to(user) -> QuerySet[PublishedEdition]:
    """Published editions of the scopes `user` may see (the same rule as the live factsheet)."""
    visible = factsheet_scopes_for(user)
    if visible.all:
        return PublishedEdition.objects.all()
    if not _reports_user(user):
        return PublishedEdition.objects.none()
    return PublishedEdition.objects.filter(
        Q(region__in=visible.regions)
        | Q(municipality__in=visible.municipalities)
        | Q(school__in=visible.schools)
    )


def get_edition_for_user(user, edition_uuid) -> PublishedEdition:
    return visible_or_404(editions_visible_to(user), edition_uuid, user=user)


def dashboard_regions_for(user) -> QuerySet[Region]:
    """The regions whose management figures `user` may see: team leads only."""
    if not _reports_user(user) or user.role != Role.TEAM_LEAD:
        return Region.objects.none()
    if sees_every_region(user):
        return Region.objects.all()
    return Region.objects.filter(pk=user.region_id)
