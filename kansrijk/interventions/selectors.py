"""Reads for the professionals' web app: the worklist, the search list and the intervention file.

Every read starts from `access.interventions_visible_to(user)` (lists) or an intervention the
view already got through `access.get_intervention_for_user` (the file), so what a page shows
can never be more than the access module allows. Each function does a fixed number of queries,
whatever the number of rows: the pages stay quick at a million interventions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.core.dates import SchoolYear, age_on
from kansrijk.interventions.consent import consents_in_effect
from kansrijk.referrals.models import Referral

from .access import can_see_care_reports, care_reports_for_user, interventions_visible_to
from .constants import OPEN_STATUSES, ComponentStatus, ConversationKind, Status
from .models import Component, Conversation, Intervention, ParentContact
from .workflow import INTERVENTION_WORKFLOW

# Team leads look at a file again when nobody reached the family within this many working days
# of accepting it, or when the file has been open this many days.
NO_CONTACT_WORKING_DAYS = 10
OPEN_TOO_LONG_DAYS = 90

# What a list row shows, fetched in the same query as the row itself.
LIST_RELATED = (
    "referral__young_person",
    "municipality",
    "school",
    "neighbourhood",
    "professional",
)

ATTENTION_NO_CONTACT = "no_contact"
ATTENTION_INTAKE_OVERDUE = "intake_overdue"
ATTENTION_OPEN_LONG = "open_long"
ATTENTION_CHOICES = [
    (ATTENTION_NO_CONTACT, _("No contact 10 working days after acceptance")),
    (ATTENTION_INTAKE_OVERDUE, _("Intake date has passed")),
    (ATTENTION_OPEN_LONG, _("Open longer than 90 days")),
]

SORT_CHOICES = [
    ("-referral_date", _("Referral date, newest first")),
    ("referral_date", _("Referral date, oldest first")),
    ("reference", _("Reference")),
    ("name", _("Name of the young person")),
]
_SORT_ORDER = {
    "-referral_date": ("-referral_date", "-id"),
    "referral_date": ("referral_date", "id"),
    "reference": ("reference",),
    # Case-insensitive: "de Boer" sorts with the d's, not after every capital ("Visser").
    "name": (Lower("referral__young_person__last_name"), Lower("referral__young_person__first_name"), "id"),
}


# --- dates ---------------------------------------------------------------------------------


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end`.

    Working days are Monday to Friday. Public holidays are ignored on purpose: the signal is
    "this file has waited about two weeks", and a holiday calendar per year would be more
    machinery than that signal is worth.
    """
    if end <= start:
        return 0
    full_weeks, rest = divmod((end - start).days, 7)
    days = full_weeks * 5
    for offset in range(1, rest + 1):
        if (start + dt.timedelta(days=offset)).weekday() < 5:
            days += 1
    return days


def latest_day_with_working_days_since(today: dt.date, working_days: int) -> dt.date:
    """The last day from which at least `working_days` working days have passed by `today`."""
    day = today
    while working_days_between(day, today) < working_days:
        day -= dt.timedelta(days=1)
    # A Friday, Saturday and Sunday all reach the same working day; take the last of them.
    while working_days_between(day + dt.timedelta(days=1), today) >= working_days:
        day += dt.timedelta(days=1)
    return day


def _start_of_day(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def opened_on(intervention: Intervention) -> dt.date:
    """The day the intervention was opened: acceptance, or the referral date for imported files."""
    if intervention.accepted_at is not None:
        return timezone.localdate(intervention.accepted_at)
    return intervention.referral_date


def days_open(intervention: Intervention, today: dt.date | None = None) -> int:
    """Days from opening to the end date, or to today while the file is open."""
    end = intervention.end_date or today or timezone.localdate()
    return max((end - opened_on(intervention)).days, 0)


def next_step(intervention: Intervention) -> Promise | str:
    """What the professional does next, derived from the status."""
    if intervention.status == Status.NEW:
        return _("Make contact and plan the intake")
    if intervention.status == Status.INTAKE_PLANNED:
        if intervention.intake_planned_at is None:
            return _("Hold the intake")
        moment = timezone.localtime(intervention.intake_planned_at)
        return format_lazy(_("Hold the intake on {date}"), date=date_format(moment, "SHORT_DATETIME_FORMAT"))
    if intervention.status == Status.IN_PROGRESS:
        return _("Carry out the intervention and complete it")
    return ""


# --- the worklist --------------------------------------------------------------------------


def interventions_of_professional(*, user: User) -> QuerySet[Intervention]:
    """The user's own open interventions, the longest waiting first."""
    return (
        interventions_visible_to(user)
        .filter(professional_id=user.pk, status__in=OPEN_STATUSES)
        .select_related(*LIST_RELATED)
        .order_by("referral_date", "id")
    )


def _opened_before(day: dt.date) -> Q:
    """Opened on or before `day` (imported files without an acceptance moment: referral date)."""
    return Q(accepted_at__lt=_start_of_day(day + dt.timedelta(days=1))) | Q(
        accepted_at__isnull=True, referral_date__lte=day
    )


def attention_filter(kind: str, *, now: dt.datetime | None = None) -> Q:
    """The condition for one kind of "needs attention" (see ATTENTION_CHOICES)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    if kind == ATTENTION_NO_CONTACT:
        cutoff = latest_day_with_working_days_since(today, NO_CONTACT_WORKING_DAYS)
        return (
            Q(status__in=OPEN_STATUSES)
            & _opened_before(cutoff)
            & ~Q(Exists(ParentContact.objects.filter(intervention=OuterRef("pk"))))
            & ~Q(Exists(Conversation.objects.filter(intervention=OuterRef("pk"))))
        )
    if kind == ATTENTION_INTAKE_OVERDUE:
        return Q(status=Status.INTAKE_PLANNED, intake_planned_at__lt=now)
    if kind == ATTENTION_OPEN_LONG:
        return Q(status__in=OPEN_STATUSES) & _opened_before(today - dt.timedelta(days=OPEN_TOO_LONG_DAYS + 1))
    raise ValueError(f"unknown kind of attention {kind!r}")


def interventions_needing_attention(
    *, user: User, kind: str, now: dt.datetime | None = None
) -> QuerySet[Intervention]:
    """The region's interventions that need a team lead's attention of `kind`, oldest first."""
    return (
        interventions_visible_to(user)
        .filter(attention_filter(kind, now=now))
        .select_related(*LIST_RELATED)
        .order_by("referral_date", "id")
    )


def first_rows(*lists: tuple[QuerySet[Intervention], int]) -> list[list[Intervention]]:
    """The first rows of each (list, count), in the list's order, with what a row shows.

    The ids come from each list's own query on the intervention table alone; the rows of all
    the lists then come in one query with their joins (LIST_RELATED). One query per list with
    the filters, the "no contact" anti-joins and six joins left PostgreSQL's planner so many
    join orders to weigh that planning took 12 ms for 0.6 ms of work at 200,000 interventions
    (docs/performance.md); the ids plan in a fraction of a millisecond, the rows by id in one.
    """
    ids = [
        list(interventions.select_related(None).values_list("pk", flat=True)[:count])
        for interventions, count in lists
    ]
    rows = Intervention.objects.select_related(*LIST_RELATED).in_bulk([pk for part in ids for pk in part])
    return [[rows[pk] for pk in part] for part in ids]


# --- the search list -----------------------------------------------------------------------


def interventions_search(
    *,
    user: User,
    query: str = "",
    status: str = "",
    type: str = "",
    municipality=None,
    school=None,
    professional=None,
    primary_reason: str = "",
    school_year: SchoolYear | None = None,
    attention: str = "",
    sort: str = "",
    now: dt.datetime | None = None,
) -> QuerySet[Intervention]:
    """The interventions `user` may see that match every filter given."""
    interventions = interventions_visible_to(user)
    if query:
        interventions = interventions.filter(pk__in=_matches(interventions, query))
    if status == "open":
        interventions = interventions.filter(status__in=OPEN_STATUSES)
    elif status == "ended":
        interventions = interventions.exclude(status__in=OPEN_STATUSES)
    elif status:
        interventions = interventions.filter(status=status)
    if type:
        interventions = interventions.filter(type=type)
    if municipality is not None:
        interventions = interventions.filter(municipality=municipality)
    if school is not None:
        interventions = interventions.filter(school=school)
    if professional is not None:
        interventions = interventions.filter(professional=professional)
    if primary_reason:
        interventions = interventions.filter(primary_reason=primary_reason)
    if school_year is not None:
        # The factsheet counts by referral date; the list counts the same way.
        interventions = interventions.filter(
            referral_date__gte=school_year.first_day, referral_date__lte=school_year.last_day
        )
    if attention:
        interventions = interventions.filter(attention_filter(attention, now=now))
    return interventions.select_related(*LIST_RELATED).order_by(
        *_SORT_ORDER.get(sort, _SORT_ORDER["-referral_date"])
    )


def _matches(visible: QuerySet[Intervention], query: str) -> QuerySet:
    """Ids of the visible interventions with this reference (of the intervention or its referral)
    or with every word in the young person's name.

    One indexed query per kind of match, joined by UNION: an OR across the three tables would
    keep PostgreSQL from using the trigram indexes (interventions.0006) and make it join the
    whole region before filtering.
    """
    query = query.strip()
    by_reference = visible.filter(reference__icontains=query)
    by_referral = visible.filter(referral__reference__icontains=query)
    by_name = visible
    for word in query.split():
        by_name = by_name.filter(
            Q(referral__young_person__first_name__icontains=word)
            | Q(referral__young_person__last_name__icontains=word)
        )
    return (
        by_reference.order_by()
        .values("pk")
        .union(by_referral.order_by().values("pk"), by_name.order_by().values("pk"))
    )


# --- the intervention file -----------------------------------------------------------------


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


@dataclass
class InterventionFile:
    intervention: Intervention
    referral: Referral
    young_person: Any
    age: int | None
    parents: list
    victims: list
    reasons: list
    days_open: int
    timeline: list[TimelineEntry]
    shows_care_reports: bool
    # The steps `user` may take now (the workflow's `offered`) and the components still to mark.
    actions: frozenset[str] = frozenset()
    planned_components: list[Component] = field(default_factory=list)
    # Every consent recorded, and the purposes they allow today (people/selectors.py).
    consents: list = field(default_factory=list)
    consent_purposes: set[str] = field(default_factory=set)

    @property
    def can_withdraw_consent(self) -> bool:
        """Whether `user` may record a withdrawal (the workflow allows it whatever the status)."""
        return "withdraw_consent" in self.actions


def intervention_file(
    *, user: User, intervention: Intervention, today: dt.date | None = None
) -> InterventionFile:
    """Everything the file page shows, for an intervention the view got through the access module."""
    today = today or timezone.localdate()
    # The intervention was checked by the access module; its referral is read here, with the
    # young person, and kept on the intervention, so that the forms' reads of it need no query.
    referral = Referral.objects.select_related("young_person", "organisation").get(
        pk=intervention.referral_id
    )
    intervention.referral = referral
    young_person = referral.young_person
    # Care reports come only through the access module (assigned professional and team leads).
    shows_care_reports = can_see_care_reports(user, intervention)
    care_reports = list(
        care_reports_for_user(user, intervention, may_see=shows_care_reports).select_related("recorded_by")
    )
    components = list(intervention.components.select_related("recorded_by"))
    consents = list(intervention.consents.select_related("young_person", "parent"))
    return InterventionFile(
        intervention=intervention,
        referral=referral,
        young_person=young_person,
        # No birth date once retention has removed the young person's data.
        age=age_on(young_person.birth_date, today) if young_person.birth_date else None,
        parents=list(young_person.parents.all()),
        victims=list(referral.victims.all()),
        reasons=list(referral.reasons.all()),
        days_open=days_open(intervention, today),
        timeline=_timeline(intervention, care_reports, components),
        shows_care_reports=shows_care_reports,
        actions=INTERVENTION_WORKFLOW.offered(user, intervention),
        planned_components=[c for c in components if c.status == ComponentStatus.PLANNED],
        consents=consents,
        consent_purposes=consents_in_effect(consents=consents, birth_date=young_person.birth_date, on=today),
    )


def _yes_no(value: bool | None) -> Any:
    if value is None:
        return _("unknown")
    return _("yes") if value else _("no")


def _day(day: dt.date | None, at: dt.datetime) -> dt.date:
    return day or timezone.localdate(at)


def _timeline(intervention: Intervention, care_reports: list, components: list) -> list[TimelineEntry]:
    """Status changes and every case record of the file, in the order they happened."""
    statuses = dict(Status.choices)
    entries: list[TimelineEntry] = []

    for change in intervention.history.select_related("by"):
        title = (
            format_lazy("{} → {}", statuses.get(change.from_status, ""), statuses.get(change.to_status, ""))
            if change.from_status
            else statuses.get(change.to_status, change.to_status)
        )
        entries.append(
            TimelineEntry(
                day=timezone.localdate(change.at),
                at=change.at,
                kind="status",
                label=_("Status"),
                title=title,
                text=change.reason,
                by=change.by,
            )
        )

    for contact in intervention.parent_contacts.select_related("parent", "recorded_by"):
        details: list[tuple[Any, Any]] = (
            [(_("parent or carer"), contact.parent.full_name or contact.parent.relation)]
            if contact.parent
            else []
        )
        entries.append(
            TimelineEntry(
                day=_day(contact.date, contact.created_at),
                at=contact.created_at,
                kind="parent_contact",
                label=_("parent contact"),
                title=contact.get_mode_display(),
                details=details,
                text=contact.note,
                by=contact.recorded_by,
            )
        )

    for conversation in intervention.conversations.select_related("recorded_by").prefetch_related("parents"):
        took_part = []
        if conversation.youth_took_part:
            took_part.append(str(_("young person")))
        took_part += [parent.full_name or parent.relation for parent in conversation.parents.all()]
        if conversation.others:
            took_part.append(conversation.others)
        details = []
        if conversation.place:
            details.append((_("place"), conversation.place))
        if took_part:
            details.append((_("took part"), ", ".join(took_part)))
        entries.append(
            TimelineEntry(
                day=conversation.date,
                at=conversation.created_at,
                kind="intake" if conversation.kind == ConversationKind.INTAKE else "conversation",
                label=_("conversation"),
                title=conversation.get_kind_display(),
                details=details,
                text=conversation.summary,
                by=conversation.recorded_by,
            )
        )

    for agreement in intervention.agreements.select_related("recorded_by"):
        details = [(_("due date"), agreement.due_date)] if agreement.due_date else []
        details.append((_("kept"), _yes_no(agreement.kept)))
        entries.append(
            TimelineEntry(
                day=timezone.localdate(agreement.created_at),
                at=agreement.created_at,
                kind="agreement",
                label=_("agreement"),
                title=agreement.description,
                details=details,
                by=agreement.recorded_by,
            )
        )

    for component in components:
        details = [(_("status"), component.get_status_display())]
        if component.planned_date:
            details.append((_("planned for"), component.planned_date))
        if component.done_date:
            details.append((_("done on"), component.done_date))
        entries.append(
            TimelineEntry(
                day=_day(component.done_date or component.planned_date, component.created_at),
                at=component.created_at,
                kind="component",
                label=_("component"),
                title=component.get_kind_display(),
                details=details,
                text=component.note,
                by=component.recorded_by,
            )
        )

    for action in intervention.restoration_actions.select_related("recorded_by"):
        entries.append(
            TimelineEntry(
                day=_day(action.date, action.created_at),
                at=action.created_at,
                kind="restoration",
                label=_("restoration action"),
                title=action.get_kind_display(),
                details=[(_("the victim was involved"), _yes_no(action.victim_involved))],
                text=action.note,
                by=action.recorded_by,
            )
        )

    for care_referral in intervention.care_referrals.select_related("recorded_by"):
        details = [(_("organisation"), care_referral.organisation)] if care_referral.organisation else []
        entries.append(
            TimelineEntry(
                day=_day(care_referral.date, care_referral.created_at),
                at=care_referral.created_at,
                kind="care_referral",
                label=_("referral to care"),
                title=care_referral.get_kind_display(),
                details=details,
                text=care_referral.note,
                by=care_referral.recorded_by,
            )
        )

    for report in care_reports:
        entries.append(
            TimelineEntry(
                day=_day(report.date, report.created_at),
                at=report.created_at,
                kind="care_report",
                label=_("care report"),
                title=report.receiving_body,
                text=report.note,
                by=report.recorded_by,
                sensitive=True,
            )
        )

    for note in intervention.notes.select_related("recorded_by"):
        entries.append(
            TimelineEntry(
                day=timezone.localdate(note.created_at),
                at=note.created_at,
                kind="note",
                label=_("note"),
                text=note.text,
                by=note.recorded_by,
            )
        )

    entries.sort(key=lambda entry: (entry.day, entry.at))
    return entries


# --- the export of the search list ---------------------------------------------------------


def place(case) -> str:
    """Where the work happens: the school, else the neighbourhood, else the municipality.

    Works for an intervention and for a referral (both have these three fields).
    """
    if case.school_id:
        return case.school.name
    if case.neighbourhood_id:
        return f"{case.neighbourhood.name}, {case.municipality.name}"
    return case.municipality.name


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _professional(intervention: Intervention) -> str:
    user = intervention.professional
    return (user.get_full_name() or user.get_username()) if user else ""


# The columns of the list page, without the young person: an export leaves the building, and a
# team lead's figures need no names (AVG data minimisation). Dates are ISO, for spreadsheets.
EXPORT_COLUMNS: tuple[tuple[Promise, Any], ...] = (
    (_("Reference"), lambda i: i.reference),
    (_("Type"), lambda i: i.get_type_display()),
    (_("Status"), lambda i: i.get_status_display()),
    (_("School or neighbourhood"), place),
    (_("Municipality"), lambda i: i.municipality.name),
    (_("Halt professional"), _professional),
    (_("Primary reason"), lambda i: i.get_primary_reason_display()),
    (_("Referral date"), lambda i: _iso(i.referral_date)),
    (_("Intake date"), lambda i: _iso(i.intake_date)),
    (_("End date"), lambda i: _iso(i.end_date)),
    (_("Outcome"), lambda i: i.get_outcome_display()),
)
EXPORT_CHUNK_SIZE = 2000


def interventions_for_export(interventions: QuerySet[Intervention]) -> QuerySet[Intervention]:
    """The search list's rows with what the export shows, and not the young person's name."""
    return interventions.select_related(None).select_related(
        "municipality", "school", "neighbourhood", "professional"
    )


def export_rows(interventions: QuerySet[Intervention]):
    """The header, then one row of text cells per intervention, fetched in chunks."""
    yield [str(header) for header, _value in EXPORT_COLUMNS]
    for intervention in interventions_for_export(interventions).iterator(chunk_size=EXPORT_CHUNK_SIZE):
        yield [value(intervention) or "" for _header, value in EXPORT_COLUMNS]
