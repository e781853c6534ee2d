"""Matching a row's region, municipality, school and neighbourhood to Kansrijk's.

Organisations are few (hundreds of municipalities, thousands of schools): they are loaded
once, keyed case-insensitively, instead of asking the database per row. A new region or
municipality is created at once; new schools and neighbourhoods (which can run into the
thousands) are collected and created per batch, just before the batch is written.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from kansrijk.organisations.models import Municipality, Neighbourhood, Region, School

from ..parser import InterventionRow
from .pending import Pending


class Places:
    def __init__(self) -> None:
        self._regions: dict[str, Region] = {}
        for region in Region.objects.all():
            self._regions.setdefault(region.name.casefold(), region)
        self._municipalities: dict[str, Municipality] = {}
        for municipality in Municipality.objects.select_related("region"):
            self._municipalities.setdefault(municipality.name.casefold(), municipality)
        self._schools: dict[str, School] = {}
        for school in School.objects.select_related("municipality"):
            self._schools.setdefault(school.brin.upper(), school)
        self._neighbourhoods: dict[tuple[int, str], Neighbourhood] = {}
        for neighbourhood in Neighbourhood.objects.all():
            key = (neighbourhood.municipality_id, neighbourhood.name.casefold())
            self._neighbourhoods.setdefault(key, neighbourhood)
        self._new_schools: list[School] = []
        self._new_neighbourhoods: list[Neighbourhood] = []

    def region(self, name: str) -> Region:
        """The region of a row already located."""
        return self._regions[name.casefold()]

    def locate(self, row: InterventionRow, error: Callable[[int, str, str], None]) -> Pending | None:
        """Region, municipality, school and neighbourhood of the row, created when new.

        None, with the problem passed to `error`, when the row's places contradict Kansrijk's.
        """
        region = self._regions.get(row.region.casefold())
        if region is None:
            region = self._regions[row.region.casefold()] = Region.objects.create(name=row.region)

        municipality = self._municipalities.get(row.municipality.casefold())
        if municipality is None:
            municipality = Municipality.objects.create(name=row.municipality, region=region)
            self._municipalities[row.municipality.casefold()] = municipality
        if municipality.region_id != region.pk:
            error(
                row.row,
                "municipality",
                _("%(municipality)s belongs to region %(region)s")
                % {"municipality": municipality.name, "region": municipality.region.name},
            )
            return None

        school = None
        if row.school_brin:
            school = self._schools.get(row.school_brin)
            if school is None:
                school = School(brin=row.school_brin, name=row.school_name, municipality=municipality)
                self._schools[row.school_brin] = school
                self._new_schools.append(school)
            if school.municipality_id != municipality.pk:
                error(
                    row.row,
                    "school_brin",
                    _("school %(brin)s belongs to municipality %(municipality)s")
                    % {"brin": school.brin, "municipality": school.municipality.name},
                )
                return None

        neighbourhood = None
        if row.neighbourhood:
            key = (municipality.pk, row.neighbourhood.casefold())
            neighbourhood = self._neighbourhoods.get(key)
            if neighbourhood is None:
                neighbourhood = Neighbourhood(municipality=municipality, name=row.neighbourhood)
                self._neighbourhoods[key] = neighbourhood
                self._new_neighbourhoods.append(neighbourhood)

        return Pending(row, region.pk, municipality.pk, school, neighbourhood)

    def save_new(self) -> None:
        """Create the schools and neighbourhoods met since the last batch."""
        if self._new_schools:
            School.objects.bulk_create(self._new_schools)
            self._new_schools = []
        if self._new_neighbourhoods:
            Neighbourhood.objects.bulk_create(self._new_neighbourhoods)
            self._new_neighbourhoods = []
