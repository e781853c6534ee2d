"""The file's timeline: status changes and every case record, in the order they happened.

Each kind of record has one adapter: where its rows come from (one query each, with what it
shows) and how a row reads as a `TimelineEntry`. A new kind of record is one more line in
`ADAPTERS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User

from ..constants import ConversationKind, Status
from ..models import Intervention


@dataclass
class TimelineEntry:
    """One thing that happened in a file, as the timeline shows it."""

    day: dt.date
    at: dt.datetime
    kind: str  # a stable key per kind of record, used for styling
    label: Any
    title: Any = ""
    details: list[tuple[Any, Any]] = field(default_factory=list)
    text: str = ""
    by: User | None = None
    sensitive: bool = False


@dataclass(frozen=True)
class Loaded:
    """Records the file has already read (through the access module, or for its forms)."""

    care_reports: list
    components: list


@dataclass(frozen=True)
class Adapter:
    rows: Callable[[Intervention, Loaded], Iterable[Any]]
    entry: Callable[[Any], TimelineEntry]


def _yes_no(value: bool | None) -> Any:
    if value is None:
        return _("unknown")
    return _("yes") if value else _("no")


def _day(day: dt.date | None, at: dt.datetime) -> dt.date:
    return day or timezone.localdate(at)


def _status(change) -> TimelineEntry:
    statuses = dict(Status.choices)
    title = (
        format_lazy("{} → {}", statuses.get(change.from_status, ""), statuses.get(change.to_status, ""))
        if change.from_status
        else statuses.get(change.to_status, change.to_status)
    )
    return TimelineEntry(
        day=timezone.localdate(change.at),
        at=change.at,
        kind="status",
        label=_("Status"),
        title=title,
        text=change.reason,
        by=change.by,
    )


def _parent_contact(contact) -> TimelineEntry:
    details: list[tuple[Any, Any]] = (
        [(_("parent or carer"), contact.parent.full_name or contact.parent.relation)]
        if contact.parent
        else []
    )
    return TimelineEntry(
        day=_day(contact.date, contact.created_at),
        at=contact.created_at,
        kind="parent_contact",
        label=_("parent contact"),
        title=contact.get_mode_display(),
        details=details,
        text=contact.note,
        by=contact.recorded_by,
    )


def _conversation(conversation) -> TimelineEntry:
    took_part = []
    if conversation.youth_took_part:
        took_part.append(str(_("young person")))
    took_part += [parent.full_name or parent.relation for parent in conversation.parents.all()]
    if conversation.others:
        took_part.append(conversation.others)
    details: list[tuple[Any, Any]] = []
    if conversation.place:
        details.append((_("place"), conversation.place))
    if took_part:
        details.append((_("took part"), ", ".join(took_part)))
    return TimelineEntry(
        day=conversation.date,
        at=conversation.created_at,
        kind="intake" if conversation.kind == ConversationKind.INTAKE else "conversation",
        label=_("conversation"),
        title=conversation.get_kind_display(),
        details=details,
        text=conversation.summary,
        by=conversation.recorded_by,
    )


def _agreement(agreement) -> TimelineEntry:
    details: list[tuple[Any, Any]] = [(_("due date"), agreement.due_date)] if agreement.due_date else []
    details.append((_("kept"), _yes_no(agreement.kept)))
    return TimelineEntry(
        day=timezone.localdate(agreement.created_at),
        at=agreement.created_at,
        kind="agreement",
        label=_("agreement"),
        title=agreement.description,
        details=details,
        by=agreement.recorded_by,
    )


def _component(component) -> TimelineEntry:
    details: list[tuple[Any, Any]] = [(_("status"), component.get_status_display())]
    if component.planned_date:
        details.append((_("planned for"), component.planned_date))
    if component.done_date:
        details.append((_("done on"), component.done_date))
    return TimelineEntry(
        day=_day(component.done_date or component.planned_date, component.created_at),
        at=component.created_at,
        kind="component",
        label=_("component"),
        title=component.get_kind_display(),
        details=details,
        text=component.note,
        by=component.recorded_by,
    )


def _restoration(action) -> TimelineEntry:
    return TimelineEntry(
        day=_day(action.date, action.created_at),
        at=action.created_at,
        kind="restoration",
        label=_("restoration action"),
        title=action.get_kind_display(),
        details=[(_("the victim was involved"), _yes_no(action.victim_involved))],
        text=action.note,
        by=action.recorded_by,
    )


def _care_referral(care_referral) -> TimelineEntry:
    details = [(_("organisation"), care_referral.organisation)] if care_referral.organisation else []
    return TimelineEntry(
        day=_day(care_referral.date, care_referral.created_at),
        at=care_referral.created_at,
        kind="care_referral",
        label=_("referral to care"),
        title=care_referral.get_kind_display(),
        details=details,
        text=care_referral.note,
        by=care_referral.recorded_by,
    )


def _care_report(report) -> TimelineEntry:
    return TimelineEntry(
        day=_day(report.date, report.created_at),
        at=report.created_at,
        kind="care_report",
        label=_("care report"),
        title=report.receiving_body,
        text=report.note,
        by=report.recorded_by,
        sensitive=True,
    )


def _note(note) -> TimelineEntry:
    return TimelineEntry(
        day=timezone.localdate(note.created_at),
        at=note.created_at,
        kind="note",
        label=_("note"),
        text=note.text,
        by=note.recorded_by,
    )


ADAPTERS: tuple[Adapter, ...] = (
    Adapter(lambda i, loaded: i.history.select_related("by"), _status),
    Adapter(lambda i, loaded: i.parent_contacts.select_related("parent", "recorded_by"), _parent_contact),
    Adapter(
        lambda i, loaded: i.conversations.select_related("recorded_by").prefetch_related("parents"),
        _conversation,
    ),
    Adapter(lambda i, loaded: i.agreements.select_related("recorded_by"), _agreement),
    Adapter(lambda i, loaded: loaded.components, _component),
    Adapter(lambda i, loaded: i.restoration_actions.select_related("recorded_by"), _restoration),
    Adapter(lambda i, loaded: i.care_referrals.select_related("recorded_by"), _care_referral),
    # Care reports only as the access module handed them over (assigned professional, team leads).
    Adapter(lambda i, loaded: loaded.care_reports, _care_report),
    Adapter(lambda i, loaded: i.notes.select_related("recorded_by"), _note),
)


def timeline(intervention: Intervention, *, care_reports: list, components: list) -> list[TimelineEntry]:
    """Status changes and every case record of the file, oldest first."""
    loaded = Loaded(care_reports=care_reports, components=components)
    entries = [adapter.entry(row) for adapter in ADAPTERS for row in adapter.rows(intervention, loaded)]
    entries.sort(key=lambda entry: (entry.day, entry.at))
    return entries
