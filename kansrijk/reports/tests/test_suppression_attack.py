"""No hidden figure of a published factsheet can be worked out from the rest (factsheet.md §5).

Factsheets of small groups, made with the factories and with hypothesis, are published as the
CSV a relationship manager downloads; `attack.py` then reads each CSV as a reader would (a total
minus its shown parts, a percentage times its denominator, the ranking of the reasons, last
year's column, last year's own CSV) and tries to work out every hidden count. It must find none.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kansrijk.core.dates import SchoolYear
from kansrijk.core.figures import percentage
from kansrijk.evaluations.constants import Respondent, questions_for
from kansrijk.interventions.tests.factories import make_intervention
from kansrijk.organisations.models import Municipality, School
from kansrijk.reports.factsheet import factsheet_document
from kansrijk.reports.published import suppressed_document
from kansrijk.reports.render import factsheet_csv
from kansrijk.reports.scope import Scope
from kansrijk.reports.suppression import dig

from .attack import Column, attack, columns_of, knowledge_of, recovered, truth_of

# A few reasons only, so that counts collide and ties between codes occur.
REASONS = ["bullying", "disorderly_behaviour", "theft", "vandalism", "fireworks", "weapons", "other"]
MODES = ["face_to_face", "digital", "phone"]


def assert_nothing_recovered(text: str, document: dict) -> None:
    this_year, previous = columns_of(text)
    for column, figures in ((this_year, document), (previous, document["previous"])):
        found = attack([column], truth_of(figures))
        assert not found, f"{figures['period']}: worked out {found} from\n{text}"


# -- The attacker itself ------------------------------------------------------------------


def test_the_attack_works_out_what_small_cell_suppression_alone_leaves_open():
    # Counts 1-4 as "<5" and nothing else hidden: the old rule.
    column = Column(
        {
            "interventions.school": "<5",
            "interventions.neighbourhood": "12",
            "interventions.total": "15",
            "top_reasons.theft": "9",
            "top_reasons.bullying": "<5",
            "top_reasons.vandalism": "<5",
            "restoration_pct": "60",
            "evaluations.parent.invited": "20",
            "evaluations.parent.responded": "<5",
            "evaluations.parent.response_rate_pct": "15",
        },
        ["theft", "bullying", "vandalism"],
        ranked=True,
    )
    truth = {
        "interventions.school": 3,
        "interventions.neighbourhood": 12,
        "interventions.total": 15,
        "top_reasons.theft": 9,
        "top_reasons.bullying": 4,
        "top_reasons.vandalism": 2,
        "restored": 9,
        "evaluations.parent.invited": 20,
        "evaluations.parent.responded": 3,
    }
    known = knowledge_of([column], cap=200)

    found = recovered(known, truth, ["interventions.school", "evaluations.parent.responded"])

    # A total minus the shown part; a percentage times its denominator.
    assert found == {"interventions.school": 3, "evaluations.parent.responded": 3}
    # 9 + b + v = 15 with both 1-4 and b >= v: (4, 2) or (3, 3), so these stay open.
    assert recovered(known, truth, ["top_reasons.bullying", "top_reasons.vandalism"]) == {}


def test_the_attack_uses_the_markers_and_the_top_five():
    # The nine unlisted reasons have 76 - 40 - b together, each at most the fifth's b: b is 4.
    column = Column(
        {
            "interventions.school": "76",
            "interventions.neighbourhood": "0",
            "interventions.total": "76",
            "top_reasons.theft": "13",
            "top_reasons.vandalism": "10",
            "top_reasons.fireworks": "9",
            "top_reasons.other": "8",
            "top_reasons.bullying": "<5",
        },
        ["theft", "vandalism", "fireworks", "other", "bullying"],
        ranked=True,
    )
    known = knowledge_of([column], cap=200)

    assert recovered(known, {"top_reasons.bullying": 4}, ["top_reasons.bullying"]) == {
        "top_reasons.bullying": 4
    }


# -- Documents computed in Python, many of them ----------------------------------------------


@st.composite
def year_figures(draw, period: str) -> dict:
    """One year's figures as compute_factsheet makes them, from a few invented interventions."""
    cases = draw(
        st.lists(
            st.tuples(
                st.sampled_from(["school", "neighbourhood"]),
                st.sampled_from(REASONS),
                st.frozensets(st.sampled_from(MODES)),
                st.booleans(),  # restoration
                st.booleans(),  # referred to care
                st.integers(0, 2),  # which school
            ),
            max_size=draw(st.sampled_from([4, 9, 16, 30])),
        )
    )
    count = Counter(case[0] for case in cases)
    restored = sum(case[3] for case in cases)
    per_reason = Counter(case[1] for case in cases)
    reasons = [
        {"code": code, "label": code, "count": n}
        for code, n in sorted(per_reason.items(), key=lambda item: (-item[1], item[0]))
    ]
    modes = {
        kind: {mode: sum(1 for c in cases if c[0] == kind and mode in c[2]) for mode in MODES}
        for kind in count
    }
    any_contact = {
        kind: sum(1 for c in cases if c[0] == kind and c[2]) for kind in ("school", "neighbourhood")
    }
    evaluations = {}
    for respondent in Respondent.values:
        invited = draw(st.integers(0, 14))
        responded = draw(st.integers(0, invited))
        questions = {}
        for question in questions_for(respondent):
            answers = draw(st.integers(0, responded))
            questions[question.code] = {"answers": answers, "mean": 4.2 if answers else None}
        evaluations[respondent] = {
            "invited": invited,
            "responded": responded,
            "response_rate_pct": percentage(responded, invited),
            "questions": questions,
        }
    total = len(cases)
    return {
        "period": period,
        "interventions": {"school": count["school"], "neighbourhood": count["neighbourhood"], "total": total},
        "schools": len({case[5] for case in cases if case[0] == "school"}),
        "restoration_pct": percentage(restored, total),
        "care_referrals": sum(case[4] for case in cases),
        "care_reports": draw(st.integers(0, 6)),
        "top_reasons": reasons[:5],
        "parent_contact_pct": {kind: percentage(any_contact[kind], count[kind]) for kind in any_contact},
        "reasons": reasons,
        "restored": restored,
        "parent_contact": any_contact,
        "parent_contact_modes": {
            kind: modes.get(kind, dict.fromkeys(MODES, 0)) for kind in ("school", "neighbourhood")
        },
        "evaluations": evaluations,
        "quotes": {respondent: [] for respondent in Respondent.values},
    }


@st.composite
def documents(draw) -> dict:
    document = draw(year_figures("2024-2025"))
    document["scope"] = {"kind": "school", "brin": "12AB"}
    document["previous"] = draw(year_figures("2023-2024"))
    return document


@settings(max_examples=150, deadline=None)
@given(document=documents(), year_before=year_figures("2022-2023"))
def test_no_hidden_count_can_be_worked_out_from_the_csv(document, year_before):
    last_year = {**document["previous"], "scope": document["scope"], "previous": year_before}
    with translation.override("nl"):
        text, last_years_text = factsheet_csv(document=document), factsheet_csv(document=last_year)

    assert_nothing_recovered(text, document)
    # Last year in this year's CSV and in its own: shown alike, and nothing found from both.
    _this_year, seen_now = columns_of(text)
    seen_then, _before = columns_of(last_years_text)
    assert {key: seen_then.values[key] for key in seen_now.values if key in seen_then.values} == {
        key: text for key, text in seen_now.values.items() if key in seen_then.values
    }
    assert not attack([seen_then, seen_now], truth_of(document["previous"]))


@settings(max_examples=60, deadline=None)
@given(document=documents())
def test_the_json_without_the_permission_shows_what_the_csv_shows(document):
    with translation.override("nl"):
        this_year, previous = columns_of(factsheet_csv(document=document))
    suppressed = suppressed_document(document)

    for column, figures in ((this_year, suppressed), (previous, suppressed["previous"])):
        for key, text in column.values.items():
            if key.startswith("top_reasons."):
                code = key.removeprefix("top_reasons.")
                rows = {row["code"]: row["count"] for row in figures["reasons"]}
                value = rows.get(code, 0 if figures["reasons"] or not column.ranked else None)
                if not figures["reasons"] and figures["interventions"]["total"] != 0:
                    value = None  # withheld: no reason at all
            else:
                value = dig(figures, key)
            if key.endswith(".mean"):
                assert text == ("" if value is None else f"{value:.1f}"), key
            else:
                assert text == ("" if value is None else str(value)), key


# -- Through the database, the factories and the relationship manager's download -------------

_places = itertools.count(1)


def _municipality_with_cases(region, relationship_manager, cases_per_year) -> Municipality:
    """A new municipality in `region` with two schools and the given interventions."""
    number = next(_places)
    municipality = Municipality.objects.create(name=f"Kleindorp {number}", region=region)
    schools = [
        School.objects.create(
            brin=f"{number:02d}K{n}", name=f"School {number}-{n}", municipality=municipality
        )
        for n in range(2)
    ]
    relationship_manager.municipalities.add(municipality)
    for start, cases in zip((2024, 2023), cases_per_year, strict=True):
        for day, (kind, reason, modes, restored, school) in enumerate(cases):
            place = {"school": schools[school]} if kind == "school" else {"municipality": municipality}
            make_intervention(
                referral_date=dt.date(start, 10, 1) + dt.timedelta(days=day),
                status="in_progress" if restored else "new",
                restorations=["apology_letter"] if restored else [],
                parent_contacts=sorted(modes),
                reasons=[reason],
                type=kind,
                **place,
            )
    return municipality


CASES = st.lists(
    st.tuples(
        st.sampled_from(["school", "neighbourhood"]),
        st.sampled_from(REASONS[:5]),
        st.frozensets(st.sampled_from(MODES), max_size=2),
        st.booleans(),
        st.integers(0, 1),
    ),
    max_size=12,
)


@pytest.mark.django_db
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases=st.tuples(CASES, CASES))
def test_no_hidden_count_can_be_worked_out_from_a_downloaded_csv(
    client, region_a, caseworker_a, team_lead_a, relationship_manager_a, cases
):
    municipality = _municipality_with_cases(region_a, relationship_manager_a, cases)
    client.force_login(relationship_manager_a)

    texts = {
        period: client.get(
            f"/rapportages/factsheet/csv/?periode={period}&scope=gemeente&naam={municipality.name}"
        ).content.decode()
        for period in ("2024-2025", "2023-2024")
    }
    shown = {
        period: client.get(
            f"/rapportages/factsheet/json/?periode={period}&scope=gemeente&naam={municipality.name}"
        ).json()
        for period in ("2024-2025", "2023-2024")
    }

    scope = Scope.of(municipality)
    documents = {period: factsheet_document(period=SchoolYear.parse(period), scope=scope) for period in texts}
    for period, text in texts.items():
        assert_nothing_recovered(text, documents[period])
        # The relationship manager's JSON is suppressed as the CSV is.
        assert shown[period] == suppressed_document(documents[period])

    # Last year seen twice: in its own CSV, and as the previous year of this year's. Both show
    # it alike, and together they give nothing away either.
    last_year_own, _before = columns_of(texts["2023-2024"])
    _this_year, last_year_again = columns_of(texts["2024-2025"])
    for key, text in last_year_again.values.items():
        if key in last_year_own.values:
            assert last_year_own.values[key] == text, key
    found = attack([last_year_own, last_year_again], truth_of(documents["2023-2024"]))
    assert not found, found
