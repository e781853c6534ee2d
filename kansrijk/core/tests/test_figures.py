"""Published figures: percentages rounded half up (factsheet.md), and secondary suppression."""

import pytest

from kansrijk.core.figures import adds_up, at_most, at_most_sum, derivable, percentage, suppress


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


# Secondary suppression (suppress): no hidden count follows from the shown ones.

TOTAL = [adds_up("total", ["a", "b"])]


def test_it_hides_counts_from_one_to_four_and_nothing_else_on_their_own():
    assert suppress({"x": 0, "y": 1, "z": 4, "w": 5}, []) == (frozenset({"y", "z"}), [])


def test_it_hides_the_next_smallest_part_of_a_shown_total():
    hidden, exposed = suppress({"a": 3, "b": 12, "c": 20, "total": 15}, TOTAL)

    assert hidden == {"a", "b"}
    assert exposed == []


def test_it_hides_more_when_the_markers_alone_would_give_the_values_away():
    # "<5" + "5 or more" = 6 can only be 1 + 5: hiding b is not enough.
    hidden, _exposed = suppress({"a": 1, "b": 5, "total": 6}, TOTAL)

    assert hidden == {"a", "total"}


def test_an_order_counts_as_a_relation():
    # A ranked list a >= b >= c adding up to 13. Hiding b with c would not do: ranked under a
    # shown 5 and at least 5 itself, b is 5, and c is 13 - 5 - 5.
    relations = [adds_up("total", ["a", "b", "c"]), at_most("b", "a"), at_most("c", "b")]
    values = {"a": 5, "b": 5, "c": 3, "total": 13}

    assert derivable(values, {"b", "c"}, relations) == ["c", "b"]
    hidden, exposed = suppress(values, relations)

    assert hidden == {"a", "c"}
    assert not derivable(values, hidden, relations)
    assert exposed == []


def test_it_says_what_it_cannot_protect():
    # Two "<5" that add up to a "<5" below 3: both are 1, whatever else is hidden.
    hidden, exposed = suppress({"a": 1, "b": 1, "total": 2}, TOTAL + [at_most_sum("total", ["a"])])

    assert hidden == {"a", "b", "total"}
    assert exposed
