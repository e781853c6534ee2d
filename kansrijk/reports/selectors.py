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


def school_years_with_data(*, shown: int, selected: SchoolYear | None = None) -> list[str]:
    """The school years to choose from, newest first: this one back to the first with an
    intervention (at most `shown`), plus `selected` if it lies outside. One index lookup."""
    from django.db.models import Min
    from django.utils import timezone

    from kansrijk.interventions.models import Intervention

    this_year = SchoolYear.containing(timezone.localdate())
    first_date = Intervention.objects.aggregate(first=Min("referral_date"))["first"]
    first = SchoolYear.containing(first_date) if first_date else this_year
    count = max(1, min(shown, this_year.start_year - first.start_year + 1))
    years = [SchoolYear(this_year.start_year - n) for n in range(count)]
    if selected is not None and selected not in years:
        years.append(selected)
        years.sort(key=lambda year: year.start_year, reverse=True)
    return [str(year) for year in years]
