"""Reads of the audit log for the privacy officer's search.

Every list here costs the same number of queries whatever its length: the rows carry the
actor's name (actor_label) themselves, and the references of their subjects are looked up for
the whole page at once (`subject_references`), one query per kind of subject.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from collections.abc import Iterable

from django.db.models import QuerySet
from django.utils import timezone

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.models import Intervention
from kansrijk.referrals.models import Referral

# Subjects people know by a reference rather than a uuid: the search takes the reference and
# the list shows it.
REFERENCED_SUBJECTS = ("interventions.intervention", "referrals.referral")


def _referenced_model(subject_type: str):
    return {"interventions.intervention": Intervention, "referrals.referral": Referral}[subject_type]


def audit_events_search(
    *,
    actor: str = "",
    event: str = "",
    subject_type: str = "",
    subject: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> QuerySet[AuditEvent]:
    """Audit rows, newest first, narrowed by whichever filters are given.

    `subject` is a uuid, a row's subject id as stored, or the reference of an intervention or
    referral (HLT-…), which is turned into that object's uuid first.
    """
    rows = AuditEvent.objects.all()
    if actor:
        rows = rows.filter(actor_label=actor)
    if event:
        rows = rows.filter(event=event)
    if subject_type:
        rows = rows.filter(subject_type=subject_type)
    if subject:
        rows = rows.filter(subject_id__in=_subject_ids(subject, subject_type))
    zone = timezone.get_current_timezone()
    if date_from:
        rows = rows.filter(at__gte=dt.datetime.combine(date_from, dt.time.min, tzinfo=zone))
    if date_to:
        next_day = date_to + dt.timedelta(days=1)
        rows = rows.filter(at__lt=dt.datetime.combine(next_day, dt.time.min, tzinfo=zone))
    return rows.order_by("-at", "-id")


def _subject_ids(subject: str, subject_type: str) -> list[str]:
    subject = subject.strip()
    ids = [subject]
    try:
        ids.append(str(uuid_module.UUID(subject)))
    except ValueError:
        pass
    ids.extend(subject_ids_for_reference(subject, subject_type=subject_type))
    return ids


def subject_ids_for_reference(reference: str, *, subject_type: str = "") -> list[str]:
    """The uuids of the interventions or referrals with this reference (of one type, if given)."""
    ids: list[str] = []
    for kind in (subject_type,) if subject_type else REFERENCED_SUBJECTS:
        if kind in REFERENCED_SUBJECTS:
            model = _referenced_model(kind)
            ids.extend(
                str(key) for key in model.objects.filter(reference=reference).values_list("uuid", flat=True)
            )
    return ids


def audit_event_kinds() -> tuple[list[str], list[str]]:
    """The events and subject types that occur in the log, for the search form's choices."""
    events = AuditEvent.objects.order_by("event").values_list("event", flat=True).distinct()
    types = (
        AuditEvent.objects.exclude(subject_type="")
        .order_by("subject_type")
        .values_list("subject_type", flat=True)
        .distinct()
    )
    return list(events), list(types)


def subject_references(rows: Iterable[AuditEvent]) -> dict[tuple[str, str], str]:
    """(subject type, subject id) -> reference, for the rows about interventions and referrals."""
    wanted: dict[str, set[str]] = {}
    for row in rows:
        if row.subject_type in REFERENCED_SUBJECTS and row.subject_id:
            wanted.setdefault(row.subject_type, set()).add(row.subject_id)
    references = {}
    for subject_type, ids in wanted.items():
        keys = []
        for value in ids:
            try:
                keys.append(uuid_module.UUID(value))
            except ValueError:
                continue
        model = _referenced_model(subject_type)
        for key, reference in model.objects.filter(uuid__in=keys).values_list("uuid", "reference"):
            references[(subject_type, str(key))] = reference
    return references
