"""The audit rows of a dossier: who (by role) did or saw what about the person's objects, when.

IP addresses in the audit rows are the staff's, not the person's, and are left out; the old
and new values go through the `Redactor`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import Model
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kansrijk.accounts.models import User
from kansrijk.audit.events import event_label
from kansrijk.audit.models import AuditEvent
from kansrijk.evaluations.models import Evaluation
from kansrijk.interventions.models import Consent, Intervention
from kansrijk.people.models import Parent
from kansrijk.referrals.models import Referral

from ..models import DataSubjectRequest
from ..redaction import Redactor
from .values import Labeller


def audit_entries(
    subjects: list[Model],
    labeller: Labeller,
    redact: Redactor,
    *,
    mentioning: str = "",
    about: Sequence[Intervention] = (),
) -> list[dict[str, Any]]:
    """The audit rows about `subjects`, and those about `about` whose values mention `mentioning`."""
    keys = {(obj._meta.label_lower, str(getattr(obj, "uuid", obj.pk))) for obj in subjects}
    rows = list(AuditEvent.objects.filter(subject_id__in={key for _type, key in keys}).order_by("at", "id"))
    rows = [row for row in rows if (row.subject_type, row.subject_id) in keys]
    if mentioning and about:
        about_ids = [str(obj.uuid) for obj in about]
        for row in AuditEvent.objects.filter(subject_id__in=about_ids).order_by("at", "id"):
            if mentioning in str(row.old) or mentioning in str(row.new):
                rows.append(row)
        rows.sort(key=lambda row: (row.at, row.id))
    actors = User.objects.in_bulk({row.actor_id for row in rows if row.actor_id})
    names = {
        (obj._meta.label_lower, str(getattr(obj, "uuid", obj.pk))): _object_name(obj, labeller)
        for obj in [*subjects, *about]
    }
    return [
        {
            "at": timezone.localtime(row.at),
            "event": str(event_label(row.event)),
            "event_code": row.event,
            "by": labeller.user(actors.get(row.actor_id)) or pgettext("audit actor", "the system"),
            "object": names.get((row.subject_type, row.subject_id), ""),
            "old": redact.scrub(row.old),
            "new": redact.scrub(row.new),
        }
        for row in rows
    ]


def _object_name(obj: Model, labeller: Labeller) -> str:
    if isinstance(obj, Referral):
        return _("referral %(reference)s") % {"reference": obj.reference}
    if isinstance(obj, Intervention):
        return _("intervention %(reference)s") % {"reference": obj.reference}
    if isinstance(obj, Evaluation):
        return _("evaluation")
    if isinstance(obj, Consent):
        return _("consent")
    if isinstance(obj, DataSubjectRequest):
        return _("privacy request %(reference)s") % {"reference": obj.reference}
    if isinstance(obj, Parent):
        return labeller.parent(obj)
    if obj == labeller.subject:
        return _("your details")
    return str(capfirst(obj._meta.verbose_name))
