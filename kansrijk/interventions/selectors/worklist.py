"""The worklist: the professional's own files, the team lead's attention lists, dates of a file.

Every list starts from `access.interventions_visible_to(user)`; each costs a fixed number of
queries, whatever the number of rows.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.core.dates import latest_day_with_working_days_since

from ..access import interventions_visible_to
from ..constants import OPEN_STATUSES, Status
from ..models import Conversation, Intervention, ParentContact

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
