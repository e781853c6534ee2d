"""The small-number rule and the comparison with a published edition (reports/published.py)."""

import pytest
from django.utils import translation

from kansrijk.reports.published import Figure, differences, shown_count


@pytest.mark.parametrize(
    "value,shown",
    [
        (0, "0"),
        (1, "<5"),
        (4, "<5"),
        (5, "5"),
        (999, "999"),
        (1298, "1.298"),
        (1234567, "1.234.567"),
        (None, ""),
    ],
)
def test_counts_from_one_to_four_are_shown_as_less_than_five_and_others_the_dutch_way(value, shown):
    with translation.override("nl"):
        assert shown_count(value) == shown


@pytest.mark.parametrize("denominator,shown", [(0, ""), (9, ""), (10, "50%"), (1593, "50%")])
def test_a_percentage_over_fewer_than_ten_is_not_shown(denominator, shown):
    figure = Figure("restoration_pct", "Restoration", "pct", 50, None, denominator, None)

    assert figure.shown == shown
    assert figure.csv_value == shown.rstrip("%")


def _document(school: int, reasons: list[tuple[str, int]]) -> dict:
    rows = [{"code": code, "label": code.title(), "count": count} for code, count in reasons]
    return {
        "period": "2024-2025",
        "interventions": {"school": school, "neighbourhood": 0, "total": school},
        "schools": 1,
        "restoration_pct": 100 if school else None,
        "care_referrals": 0,
        "care_reports": 0,
        "top_reasons": rows[:5],
        "reasons": rows,
        "parent_contact_pct": {"school": 0 if school else None, "neighbourhood": None},
        "parent_contact_modes": {
            "school": {"face_to_face": 0, "digital": 0, "phone": 0},
            "neighbourhood": {"face_to_face": 0, "digital": 0, "phone": 0},
        },
    }


def test_a_change_hidden_by_the_small_number_rule_is_no_difference():
    published = _document(3, [("theft", 3)])
    today = _document(4, [("theft", 4)])

    assert differences(published, today) == []


def test_a_visible_change_is_reported_as_published_and_today():
    published = _document(12, [("theft", 12)])
    today = _document(15, [("theft", 12), ("bullying", 3)])

    with translation.override("en"):
        found = {(d.label, d.published, d.today) for d in differences(published, today)}

    assert ("School interventions", "12", "15") in found
    # A reason entering the top five is a difference too.
    assert ("Bullying", "0", "<5") in found
