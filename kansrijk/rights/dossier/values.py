"""One object of a dossier as its reader sees it.

`Labeller` names what the export may not show by name (people by role, parents and carers by
number); `record_values` gives the chosen fields of an object with choice labels instead of codes,
local times, and free text through the `Redactor`; `status_change` does the same for one row
of a status history.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Field, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.interventions.models import Consent
from kansrijk.people.models import Parent

from ..redaction import Redactor


class Labeller:
    """Names what the export may not show by name: people by role, objects by reference."""

    def __init__(self, parents: list[Parent], subject: Model):
        self.subject = subject
        self.parents = {
            parent.pk: _("Parent or carer %(number)d") % {"number": number}
            for number, parent in enumerate(parents, start=1)
        }

    def parent(self, parent: Parent | None) -> str:
        if parent is None:
            return ""
        if parent == self.subject:
            return _("you")
        return self.parents.get(parent.pk, _("a parent or carer"))

    def person(self, consent: Consent) -> str:
        if consent.young_person_id is not None:
            return _("you") if consent.young_person == self.subject else _("the young person")
        return self.parent(consent.parent)

    @staticmethod
    def user(user: User | None) -> str:
        if user is None:
            return ""
        return str(Role(user.role).label) if user.role in Role.values else _("employee")


def status_change(change, labeller: Labeller, redact: Redactor) -> dict[str, Any]:
    return {
        "at": timezone.localtime(change.at),
        "from_status": str(change.get_from_status_display()) if change.from_status else "",
        "to_status": str(change.get_to_status_display()),
        "by": labeller.user(change.by),
        "reason": redact(change.reason),
    }


def record_values(
    instance: Model,
    fields: tuple[str, ...],
    *,
    redact: Redactor | None = None,
    labeller: Labeller | None = None,
) -> dict[str, Any]:
    """`fields` of `instance` as a reader sees them: labels for choices, roles for people."""
    result: dict[str, Any] = {}
    for name in fields:
        if name == "person":  # a consent's giver
            assert labeller is not None and isinstance(instance, Consent)
            result[name] = labeller.person(instance)
            continue
        model_field = instance._meta.get_field(name)
        if model_field.many_to_many:
            assert labeller is not None
            result[name] = [labeller.parent(parent) for parent in getattr(instance, name).all()]
        elif model_field.is_relation:
            related = getattr(instance, name)
            if isinstance(related, User):
                assert labeller is not None
                result[name] = labeller.user(related)
            elif isinstance(related, Parent):
                assert labeller is not None
                result[name] = labeller.parent(related)
            else:
                result[name] = str(related) if related is not None else ""
        elif isinstance(model_field, Field) and model_field.choices:
            value = getattr(instance, name)
            result[name] = str(getattr(instance, f"get_{name}_display")()) if value else ""
        else:
            value = getattr(instance, name)
            if isinstance(value, str) and redact is not None:
                value = redact(value)
            elif isinstance(value, dt.datetime):
                value = timezone.localtime(value)
            result[name] = value
    return result
