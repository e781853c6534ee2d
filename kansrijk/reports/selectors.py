"""Reads for the reports: the contact person of a scope and the published editions of one."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.core.dates import SchoolYear
from kansrijk.organisations.models import Municipality, School

from .models import PublishedEdition
from .scope import Scope


def relationship_manager_for(*, scope: Scope) -> User | None:
    """The relationship manager to name as the contact on a factsheet, if the scope has one.

    A school's own relationship manager first, then its municipality's; a municipality's; for a
    region, one who reports to a municipality in it. Alphabetical among equals, so the same
    factsheet always names the same person. The national factsheet names nobody.
    """
    if scope.pk is None:  # the national factsheet
        return None
    managers = User.objects.filter(role=Role.RELATIONSHIP_MANAGER, is_active=True).order_by(
        "last_name", "first_name", "pk"
    )
    if scope.kind == "school":
        school = School.objects.filter(pk=scope.pk).first()
        if school is None:
            return None
        own = managers.filter(schools=school).first()
        return own or managers.filter(municipalities=school.municipality_id).first()
    if scope.kind == "municipality":
        return managers.filter(municipalities=scope.pk).first()
    if scope.kind == "region":
        in_region = Municipality.objects.filter(region_id=scope.pk)
        return managers.filter(
            Q(municipalities__in=in_region) | Q(schools__municipality__in=in_region)
        ).first()
    return None


def editions_of(*, period: SchoolYear, scope: Scope) -> QuerySet[PublishedEdition]:
    """The published editions of one factsheet, newest first."""
    editions = PublishedEdition.objects.filter(period=str(period), scope_kind=scope.kind)
    if scope.kind != "all":
        editions = editions.filter(**{f"{scope.kind}_id": scope.pk})
    return editions.select_related("region", "municipality", "school").defer("pdf")
