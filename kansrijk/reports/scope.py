"""The scope of a report: everything, one region, one municipality or one school."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from kansrijk.organisations.models import Municipality, Region, School


@dataclass(frozen=True)
class Scope:
    kind: str  # "all", "region", "municipality" or "school"
    pk: int | None = None
    name: str = ""

    @classmethod
    def all(cls) -> Scope:
        return cls("all")

    @classmethod
    def for_region(cls, name: str) -> Scope:
        region = Region.objects.filter(name__iexact=name.strip()).first()
        if region is None:
            raise LookupError(f"unknown region {name!r}")
        return cls("region", region.pk, region.name)

    @classmethod
    def for_municipality(cls, name: str) -> Scope:
        municipality = Municipality.objects.filter(name__iexact=name.strip()).first()
        if municipality is None:
            raise LookupError(f"unknown municipality {name!r}")
        return cls("municipality", municipality.pk, municipality.name)

    @classmethod
    def for_school(cls, brin: str) -> Scope:
        school = School.objects.filter(brin__iexact=brin.strip()).first()
        if school is None:
            raise LookupError(f"unknown school {brin!r}")
        return cls("school", school.pk, school.brin)

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
