"""Secondary suppression: what else is hidden so that a hidden count cannot be worked out
(reports/suppression.py; the attack on many factsheets is test_suppression_attack.py)."""

import csv
import io

from django.utils import translation

from kansrijk.reports.published import FactsheetFigures, differences
from kansrijk.reports.render import factsheet_csv

from .helpers import factsheet_url, school_interventions

MODES = {"face_to_face": 0, "digital": 0, "phone": 0}


def _year(
    period="2024-2025", *, school, neighbourhood, reasons, restored=0, contact=(0, 0), evaluations=None
):
    rows = [{"code": code, "label": code, "count": n} for code, n in reasons]
    total = school + neighbourhood
    return {
        "period": period,
        "scope": {"kind": "all"},
        "interventions": {"school": school, "neighbourhood": neighbourhood, "total": total},
        "schools": min(school, 1),
        "restoration_pct": round(100 * restored / total) if total else None,
        "restored": restored,
        "care_referrals": 0,
        "care_reports": 0,
        "top_reasons": rows[:5],
        "reasons": rows,
        "parent_contact": {"school": contact[0], "neighbourhood": contact[1]},
        "parent_contact_pct": {
            "school": round(100 * contact[0] / school) if school else None,
            "neighbourhood": round(100 * contact[1] / neighbourhood) if neighbourhood else None,
        },
        "parent_contact_modes": {"school": dict(MODES), "neighbourhood": dict(MODES)},
        "evaluations": evaluations or {},
        "quotes": {},
    }


def _csv(document) -> dict[str, list[str]]:
    with translation.override("nl"):
        rows = list(csv.reader(io.StringIO(factsheet_csv(document=document))))
    return {row[0]: row[2:] for row in rows[1:]}


def test_a_part_of_a_shown_total_is_hidden_with_the_small_part():
    values = _csv(_year(school=3, neighbourhood=12, reasons=[("theft", 15)]))

    # 15 - 12 would give the 3: the 12 goes, and 15 minus "5 or more" leaves 1 to 10 for it.
    assert values["interventions.school"][0] == "<5"
    assert values["interventions.neighbourhood"][0] == ""
    assert values["interventions.total"][0] == "15"


def test_a_hidden_part_at_five_does_not_do_it_alone():
    # 1 and 5 of 6: "<5" plus "5 or more" making 6 can only be 1 and 5. The total goes instead,
    # and with it the one reason, which is the total.
    values = _csv(_year(school=1, neighbourhood=5, reasons=[("theft", 6)]))

    assert [values[f"interventions.{key}"][0] for key in ("school", "neighbourhood", "total")] == [
        "<5",
        "5",
        "",
    ]
    assert values["top_reasons.theft"][0] == ""


def test_a_reason_is_protected_by_the_next_smallest():
    document = _year(school=20, neighbourhood=0, reasons=[("theft", 9), ("bullying", 8), ("vandalism", 3)])
    values = _csv(document)

    assert values["top_reasons.vandalism"][0] == "<5"
    assert values["top_reasons.bullying"][0] == ""
    assert values["top_reasons.theft"][0] == "9"


def test_a_percentage_of_a_hidden_count_is_hidden():
    evaluations = {
        "parent": {"invited": 20, "responded": 3, "response_rate_pct": 15, "questions": {}},
    }
    document = _year(school=20, neighbourhood=0, reasons=[("theft", 20)], restored=2, evaluations=evaluations)
    values = _csv(document)

    assert values["evaluations.parent.responded"][0] == "<5"
    assert values["evaluations.parent.response_rate_pct"][0] == ""
    # 2 of 20 with restoration: 10% of a shown 20 is 2.
    assert values["restoration_pct"][0] == ""


def test_a_year_with_four_reasons_of_one_intervention_each_withholds_its_reasons():
    # Four rows of "<5" adding up to a total below 5: each is 1.
    document = _year(
        school=4, neighbourhood=0, reasons=[("bullying", 1), ("fireworks", 1), ("other", 1), ("theft", 1)]
    )
    document["previous"] = _year("2023-2024", school=30, neighbourhood=0, reasons=[("theft", 30)])
    later = _year("2025-2026", school=30, neighbourhood=0, reasons=[("theft", 20), ("bullying", 10)])
    later["previous"] = {key: value for key, value in document.items() if key != "previous"}

    assert FactsheetFigures(document).reasons == []
    assert FactsheetFigures(document).reasons_withheld
    assert not [key for key in _csv(document) if key.startswith("top_reasons.")]
    # Next year's previous-year column names no reason count of that year either, not even a 0.
    values = _csv(later)
    assert values["top_reasons.theft"] == ["20", ""]
    assert values["top_reasons.bullying"] == ["10", ""]


def test_a_comparison_with_an_edition_names_no_reason_of_a_withheld_year():
    withheld = _year(
        school=4, neighbourhood=0, reasons=[("bullying", 1), ("fireworks", 1), ("other", 1), ("theft", 1)]
    )
    today = _year(
        school=4, neighbourhood=0, reasons=[("bullying", 1), ("fireworks", 1), ("other", 1), ("theft", 1)]
    )

    assert differences(withheld, today) == []


def test_the_page_says_why_the_reasons_are_missing_and_the_chart_draws_none(
    client, team_lead_a, school_a, settings
):
    for reason in ("bullying", "fireworks", "other", "theft"):
        school_interventions(school_a, 1, reasons=[reason])
    client.force_login(team_lead_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    page = client.get(factsheet_url(scope="school", brin="12AB")).content.decode()
    chart = client.get(factsheet_url("redenen.svg", scope="school", brin="12AB")).content.decode()

    assert "The reasons are not shown" in page
    assert "Bullying" not in page
    assert 'class="rect reactive' not in chart
