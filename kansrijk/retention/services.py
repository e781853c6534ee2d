"""Retention: removing the personal data that are due, keeping the anonymous remnant.

What stays of a case is what the reports count: the intervention row with its type, region,
municipality, school, referral date, primary reason, status, outcome, dates and the remnant
flags (see Intervention); the referral row with its reason codes, dates and referrer; the
history of status changes without their free-text reasons; the referrals to care and care
reports without their notes (the factsheet counts them, and the young people referred to
care, through the young person's row). The young person's row stays as an empty key for that
count: no name, birth date, gender, contact details, class or external id.

Removed: every note, summary, agreement, component, parent contact, conversation and
restoration action; the victims; the parents and carers; and all free text on what remains.
The audit log is not touched: it holds codes, dates and ids only (interventions/workflow.py,
`audit_values`), and the database refuses to change it.

The same run removes the rows of django-axes' and Django's admin's own logs that are past their
time (`logs_due`), which hold user names, addresses and browsers, and the one-time keys of forms
and API calls older than a day (core/once.py).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.evaluations.constants import QuoteStatus
from kansrijk.evaluations.models import Evaluation, EvaluationLink
from kansrijk.interventions.models import (
    Agreement,
    CareReferral,
    CareReport,
    Component,
    Consent,
    Conversation,
    Intervention,
    InterventionStatusChange,
    Note,
    ParentContact,
    RestorationAction,
)
from kansrijk.people.models import Parent, Victim, YoungPerson
from kansrijk.referrals.models import Referral, ReferralStatusChange

from .selectors import logs_due, retention_due

logger = logging.getLogger(__name__)

# Rows per statement: keeps every IN list well below SQLite's and PostgreSQL's limits.
BATCH = 500
# Consent says who agreed to what, and when: case content like the rest.
CASE_ROWS = (ParentContact, Conversation, Agreement, Component, RestorationAction, Note, Consent)


@dataclass
class RetentionResult:
    """How many of each were (or, in a dry run, would be) removed or emptied. Counts only."""

    referrals: int = 0
    interventions: int = 0
    young_people: int = 0
    parents: int = 0
    victims: int = 0
    case_records: int = 0
    care_rows_emptied: int = 0
    evaluations_emptied: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass
class RetentionRun(RetentionResult):
    """A retention run: the case data above, and the log rows past their time (`logs_due`)."""

    login_attempts: int = 0
    logins: int = 0
    login_failures: int = 0
    admin_log_entries: int = 0
    submissions: int = 0


def retention_apply(*, today: dt.date | None = None, dry_run: bool = False) -> RetentionRun:
    """Remove the personal data due on `today` (default: today) and the log rows past their
    time now; with `dry_run`, only count.

    One transaction: a run that fails halfway leaves everything as it was, and the next run
    starts over. A real run writes one audit row with the counts; a dry run writes nothing.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        due = retention_due(today=today)
        # Fixed before anything changes: which young people go depends on which referrals do.
        referral_ids = list(due.referrals.order_by("pk").values_list("pk", flat=True))
        person_ids = list(due.young_people.order_by("pk").values_list("pk", flat=True))
        result = RetentionRun(referrals=len(referral_ids), young_people=len(person_ids))
        for ids in _batches(referral_ids):
            referrals_strip(ids, result, dry_run=dry_run)
        for ids in _batches(person_ids):
            young_people_strip(ids, result, dry_run=dry_run)
        logs_purge(result, now=timezone.now(), dry_run=dry_run)
        if not dry_run:
            audit_record(
                actor=None,
                event=Event.RETENTION_APPLIED,
                subject=None,
                new={
                    "today": today.isoformat(),
                    "ended_months": settings.RETENTION_ENDED_MONTHS,
                    "rejected_months": settings.RETENTION_REJECTED_MONTHS,
                    "logs_keep_days": settings.SECURITY_LOGS_KEEP_DAYS,
                    **result.as_dict(),
                },
            )
    logger.info("retention %s: %s", "dry run" if dry_run else "applied", result.as_dict())
    return result


def logs_purge(result: RetentionRun, *, now: dt.datetime, dry_run: bool) -> None:
    due = logs_due(now=now)
    for field, rows in (
        ("login_attempts", due.login_attempts),
        ("logins", due.logins),
        ("login_failures", due.login_failures),
        ("admin_log_entries", due.admin_log_entries),
        ("submissions", due.submissions),
    ):
        # Counted from the model's own rows: delete() would also count axes' expiry rows.
        setattr(result, field, rows.count())
        if not dry_run:
            rows.delete()


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def referrals_strip(ids: list[int], result: RetentionResult, *, dry_run: bool) -> None:
    interventions = Intervention.objects.filter(referral_id__in=ids)
    victims = Victim.objects.filter(referral_id__in=ids)
    care_referrals = CareReferral.objects.filter(intervention__in=interventions)
    care_reports = CareReport.objects.filter(intervention__in=interventions)
    result.interventions += interventions.count()
    result.victims += victims.count()
    result.care_rows_emptied += care_referrals.count() + care_reports.count()
    evaluations = Evaluation.objects.filter(intervention__in=interventions)
    result.evaluations_emptied += evaluations.count()
    for model in CASE_ROWS:
        rows = model.objects.filter(intervention__in=interventions)
        # Counted from the model's own rows: delete() would also count the cascaded m2m rows.
        result.case_records += rows.count()
        if not dry_run:
            rows.delete()
    if dry_run:
        return
    victims.delete()
    care_referrals.update(note="", organisation="")
    care_reports.update(note="", receiving_body="")
    # The scores and the approved (anonymised) quote stay: the factsheets of past years show
    # them. Names, addresses, the raw answer and an unapproved quote go; so do the links.
    EvaluationLink.objects.filter(evaluation__in=evaluations).delete()
    evaluations.update(first_name="", email="", open_answer="")
    evaluations.exclude(quote_status=QuoteStatus.APPROVED).update(quote_text="")
    InterventionStatusChange.objects.filter(intervention__in=interventions).update(reason="")
    interventions.update(end_note="")
    ReferralStatusChange.objects.filter(referral_id__in=ids).update(reason="")
    Referral.objects.filter(pk__in=ids).update(
        description="",
        other_care_description="",
        rejection_note="",
        incident_date=None,
        personal_data_removed_at=timezone.now(),
    )


def young_people_strip(ids: list[int], result: RetentionResult, *, dry_run: bool) -> None:
    parents = Parent.objects.filter(young_person_id__in=ids)
    result.parents += parents.count()
    if dry_run:
        return
    parents.delete()
    YoungPerson.objects.filter(pk__in=ids).update(
        external_id=None,
        first_name="",
        last_name="",
        birth_date=None,
        gender="",
        phone="",
        email="",
        address_area="",
        school_class="",
    )
