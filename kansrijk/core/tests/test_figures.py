"""Percentages in the factsheet are rounded half up (factsheet.md), not to even."""

import pytest

from kansrijk.core.figures import percentage


@pytest.mark.parametrize(
    "numerator,denominator,expected",
    [
        (1, 8, 13),  # 12.5 rounds up, where Python's round() would give 12
        (29, 40, 73),  # 72.5 → 73
        (273, 295, 93),  # 92.54 → 93
        (935, 1298, 72),
        (0, 5, 0),
        (5, 5, 100),
    ],
)
def test_it_rounds_half_up(numerator, denominator, expected):
    assert percentage(numerator, denominator) == expected


def test_it_is_none_without_a_denominator():
    assert percentage(0, 0) is None
