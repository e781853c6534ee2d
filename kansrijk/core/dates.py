"""School years and ages: small date helpers used across apps."""

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PERIOD = re.compile(r"^(\d{4})-(\d{4})$")


@dataclass(frozen=True)
class SchoolYear:
    """A school year runs from 1 August to 31 July, both inclusive."""

    start_year: int

    @classmethod
    def parse(cls, text: str) -> "SchoolYear":
        match = _PERIOD.match(text or "")
        if not match or int(match.group(2)) != int(match.group(1)) + 1:
            raise ValueError(f"malformed period {text!r}: expected YYYY-YYYY, e.g. 2024-2025")
        return cls(int(match.group(1)))

    @classmethod
    def containing(cls, day: dt.date) -> "SchoolYear":
        return cls(day.year if day.month >= 8 else day.year - 1)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.start_year, 8, 1)

    @property
    def last_day(self) -> dt.date:
        return dt.date(self.start_year + 1, 7, 31)

    @property
    def previous(self) -> "SchoolYear":
        return SchoolYear(self.start_year - 1)

    def __str__(self) -> str:
        return f"{self.start_year}-{self.start_year + 1}"


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Age in whole years on `day`."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


MIN_AGE = 10
MAX_AGE = 23


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` months later (earlier if negative), or that month's last day."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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
