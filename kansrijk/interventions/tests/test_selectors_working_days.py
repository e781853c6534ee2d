"""Working days for the "no contact after 10 working days" signal: Monday to Friday, holidays
ignored on purpose (see selectors.working_days_between)."""

import datetime as dt

import pytest

from kansrijk.interventions.selectors import latest_day_with_working_days_since, working_days_between

MON = dt.date(2026, 3, 2)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (MON, MON, 0),
        (MON, MON + dt.timedelta(days=1), 1),
        (MON, MON + dt.timedelta(days=4), 4),  # Friday
        (MON, MON + dt.timedelta(days=6), 4),  # Sunday
        (MON, MON + dt.timedelta(days=7), 5),  # next Monday
        (MON, MON + dt.timedelta(days=14), 10),
        (dt.date(2026, 3, 6), dt.date(2026, 3, 9), 1),  # Friday to Monday
        (dt.date(2026, 3, 7), dt.date(2026, 3, 8), 0),  # Saturday to Sunday
        (dt.date(2026, 3, 9), MON, 0),  # backwards
    ],
)
def test_it_counts_working_days(start, end, expected):
    assert working_days_between(start, end) == expected


def test_it_counts_the_same_as_walking_day_by_day():
    for offset in range(60):
        start = MON + dt.timedelta(days=offset % 7)
        end = start + dt.timedelta(days=offset)
        walked = sum(1 for n in range(1, offset + 1) if (start + dt.timedelta(days=n)).weekday() < 5)
        assert working_days_between(start, end) == walked


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 3, 16), dt.date(2026, 3, 2)),  # Monday: accepted two weeks ago on Monday
        (dt.date(2026, 3, 13), dt.date(2026, 3, 1)),  # Friday: accepted Friday to Sunday two weeks ago
        (dt.date(2026, 3, 15), dt.date(2026, 3, 1)),  # Sunday: nothing new since Friday
    ],
)
def test_it_finds_the_last_acceptance_day_that_is_overdue(today, expected):
    assert latest_day_with_working_days_since(today, 10) == expected
    assert working_days_between(expected, today) >= 10
    assert working_days_between(expected + dt.timedelta(days=1), today) < 10
