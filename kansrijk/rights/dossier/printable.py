"""The dossier as the readable PDF shows it: sections of (label, value) pairs, nested one deep."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.text import capfirst
from django.utils.translation import gettext as _


@dataclass
class Group:
    title: str
    records: list[list[tuple[str, Any]]] = field(default_factory=list)


@dataclass
class Section:
    title: str
    fields: list[tuple[str, Any]] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)


def printable(dossier: dict[str, Any], labels: dict[str, str]) -> list[Section]:
    """The dossier as the PDF's sections: each object a list of (label, value), nested one deep."""
    sections = [Section(_("Your details"), _pairs(dossier["person"], labels))]
    for key, title in (
        ("parents", _("Parents and carers")),
        ("consents", _("Consents you gave")),
        ("parent_contacts", _("Contacts with you")),
        ("conversations", _("Conversations you took part in")),
        ("evaluations", _("Evaluations")),
    ):
        if dossier.get(key):
            sections.append(
                Section(title, groups=[Group("", [_pairs(item, labels) for item in dossier[key]])])
            )
    for key, title in (
        ("referrals", _("Referral %(reference)s")),
        ("interventions", _("Intervention %(reference)s")),
    ):
        for item in dossier.get(key, []):
            flat = {
                name: value
                for name, value in item.items()
                if not isinstance(value, list) or name == "reasons"
            }
            section = Section(title % {"reference": item["reference"]}, _pairs(flat, labels))
            for name, value in item.items():
                if isinstance(value, list) and name != "reasons" and value:
                    section.groups.append(
                        Group(labels.get(name, name), [_pairs(row, labels) for row in value])
                    )
            sections.append(section)
    return sections


def _pairs(item: dict[str, Any], labels: dict[str, str]) -> list[tuple[str, Any]]:
    return [(labels.get(name, capfirst(name.replace("_", " "))), value) for name, value in item.items()]
