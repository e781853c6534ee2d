"""What retention removes, and when: the one rule (docs/process.md §4; docs/conventions.md, habit 7).

A referral is due when its case is over long enough:

- accepted, and its intervention ended (completed, stopped, not started) at least
  RETENTION_ENDED_MONTHS (default 24) months ago;
- rejected or withdrawn at least RETENTION_REJECTED_MONTHS (default 6) months ago, counted from
  the status change that closed it.

A young person is due once every referral about them is due or done: their name and contact
details serve all their cases, so they go with the last one. Referrals already handled
(`personal_data_removed_at` set) and young people whose birth date is already gone are never
due again, which is what makes running the command twice change nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from kansrijk.core.dates import add_months
from kansrijk.core.models import Submission
from kansrijk.core.once import submissions_expired
from kansrijk.interventions.constants import ENDED_STATUSES
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.models import Referral, ReferralStatusChange

CLOSED_REFERRAL_STATUSES = (ReferralStatus.REJECTED, ReferralStatus.WITHDRAWN)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier; the month's last day where it has no such day."""
    return add_months(day, -months)


@dataclass(frozen=True)
class RetentionDue:
    """The referrals and young people whose personal data are due for removal on `today`."""

    today: dt.date
    referrals: QuerySet[Referral]
    young_people: QuerySet[YoungPerson]


def retention_due(*, today: dt.date) -> RetentionDue:
    ended_before = months_before(today, settings.RETENTION_ENDED_MONTHS)
    closed_before = months_before(today, settings.RETENTION_REJECTED_MONTHS)
    # The start of the day after the cut-off, in Kansrijk's time zone: a referral rejected on
    # the cut-off day itself is due, as an intervention that ended on that day is.
    closed_until = timezone.make_aware(dt.datetime.combine(closed_before + dt.timedelta(days=1), dt.time.min))
    closed_long_enough = Exists(
        ReferralStatusChange.objects.filter(
            referral=OuterRef("pk"), to_status__in=CLOSED_REFERRAL_STATUSES, at__lt=closed_until
        )
    )
    due = Q(intervention__status__in=ENDED_STATUSES, intervention__end_date__lte=ended_before) | Q(
        closed_long_enough, status__in=CLOSED_REFERRAL_STATUSES
    )
    referrals = Referral.objects.filter(personal_data_removed_at__isnull=True).filter(due)
    # The same condition on the person's own referrals, not "not in the due set": at 1,000,000
    # interventions PostgreSQL ran that NOT IN for longer than the job may take.
    still_kept = Referral.objects.filter(
        young_person=OuterRef("pk"), personal_data_removed_at__isnull=True
    ).exclude(due)
    young_people = YoungPerson.objects.filter(birth_date__isnull=False).exclude(Exists(still_kept))
    return RetentionDue(today=today, referrals=referrals, young_people=young_people)


@dataclass(frozen=True)
class LogsDue:
    """The rows of the libraries' own logs that are past their time at `now`."""

    login_attempts: QuerySet[AccessAttempt]
    logins: QuerySet[AccessLog]
    login_failures: QuerySet[AccessFailureLog]
    admin_log_entries: QuerySet[LogEntry]
    submissions: QuerySet[Submission]


def logs_due(*, now: dt.datetime) -> LogsDue:
    """What django-axes and Django's admin keep in tables of their own, once it is past its time.

    - axes' lockout counters (`AccessAttempt`: the user name as typed, which may be a password
      typed in the wrong box, address and browser) once the cool-off (AXES_COOLOFF_TIME) has
      passed: axes no longer counts them then, but deletes them only at a later login;
    - axes' record of every login and logout (`AccessLog`: user name, address, browser), of
      failed logins (`AccessFailureLog`, off in our settings; should it be switched on), and
      Django's admin log (`django_admin_log`: who changed which object, with its name) after
      SECURITY_LOGS_KEEP_DAYS. Kansrijk's audit log records the same events for good;
    - the one-time keys of forms and API calls (`core.Submission`) once they are a day old: a
      repeat is caught within that day (core/once.py).
    """
    kept_from = now - dt.timedelta(days=settings.SECURITY_LOGS_KEEP_DAYS)
    return LogsDue(
        login_attempts=AccessAttempt.objects.filter(attempt_time__lt=now - settings.AXES_COOLOFF_TIME),
        logins=AccessLog.objects.filter(attempt_time__lt=kept_from),
        login_failures=AccessFailureLog.objects.filter(attempt_time__lt=kept_from),
        admin_log_entries=LogEntry.objects.filter(action_time__lt=kept_from),
        submissions=submissions_expired(now=now),
    )
