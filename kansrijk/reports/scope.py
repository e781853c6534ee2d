"""The scope of a report: everything, one region, one municipality or one school."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext

from kansrijk.organisations.models import Municipality, Region, School

KINDS = ("all", "region", "municipality", "school")


@dataclass(frozen=True)
class Scope:
    kind: str  # "all", "region", "municipality" or "school"
    pk: int | None = None
    name: str = ""  # the region's or municipality's name, the school's BRIN code
    # For people: the school's name with its BRIN code. Not part of the identity.
    label: str = field(default="", compare=False)

    @classmethod
    def all(cls) -> Scope:
        return cls("all")

    @classmethod
    def of(cls, place: Region | Municipality | School) -> Scope:
        """The scope of one region, municipality or school object."""
        if isinstance(place, School):
            return cls("school", place.pk, place.brin, f"{place.name} ({place.brin})")
        kind = "region" if isinstance(place, Region) else "municipality"
        return cls(kind, place.pk, place.name, place.name)

    @classmethod
    def for_region(cls, name: str) -> Scope:
        region = Region.objects.filter(name__iexact=name.strip()).first()
        if region is None:
            raise LookupError(f"unknown region {name!r}")
        return cls.of(region)

    @classmethod
    def for_municipality(cls, name: str) -> Scope:
        municipality = Municipality.objects.filter(name__iexact=name.strip()).first()
        if municipality is None:
            raise LookupError(f"unknown municipality {name!r}")
        return cls.of(municipality)

    @classmethod
    def for_school(cls, brin: str) -> Scope:
        school = School.objects.filter(brin__iexact=brin.strip()).first()
        if school is None:
            raise LookupError(f"unknown school {brin!r}")
        return cls.of(school)

    def filter(self, prefix: str = "") -> Q:
        """A Q object restricting interventions (reached through `prefix`) to this scope."""
        if self.kind == "all":
            return Q()
        return Q(**{f"{prefix}{self.kind}_id": self.pk})

    def as_json(self) -> dict:
        if self.kind == "all":
            return {"kind": "all"}
        key = "brin" if self.kind == "school" else "name"
        return {"kind": self.kind, key: self.name}

    def describe(self) -> str:
        """The scope in words, in the active language, e.g. "Municipality Delft"."""
        if self.kind == "all":
            return gettext("All regions")
        if self.kind == "region":
            return gettext("Region %(name)s") % {"name": self.label or self.name}
        if self.kind == "municipality":
            return gettext("Municipality %(name)s") % {"name": self.label or self.name}
        return gettext("School %(name)s") % {"name": self.label or self.name}
