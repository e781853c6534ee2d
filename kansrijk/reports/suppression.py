"""Which figures of one school year's factsheet the published formats hide (docs/factsheet.md §5).

The counts of a year and what a reader knows links them (`_relations`):

- `interventions.total` = school + neighbourhood, and = the sum of every reason's count;
- the top five reasons (ties ranked by code) have each at least as many as any other reason,
  and more than one whose code sorts before theirs; the order within the top five is not
  known, as the published formats list the hidden counts by code (`in_published_order`);
- a part is at most its whole: schools and the contact modes at most the interventions of their
  type, the interventions with parent contact between any one mode and all modes together,
  restoration and young people referred to care at most the total, those who responded to an
  evaluation at most those invited, the answers to a question at most those who responded.

`core.figures.suppress` hides every count from 1 to 4 and then the fewest further counts that
keep each hidden count open. A percentage is hidden with its numerator or its denominator
(shown, both would give the count). The suppression of a year depends on that year's figures
alone, and covers every reason, not only the top five: the previous-year column of next year's
factsheet and this year's own column hide the same cells.

Should a hidden count still follow from the rest with nothing left to hide (a factsheet of four
interventions for four reasons: four times "<5" adding up to a total below 5), the year's
reasons are withheld altogether: no list, and no reason count for that year anywhere.
(Ranking the hidden counts by count instead would do that often: for 23 interventions, "<5"
rows ranked 4, 3, 3, 2, 1 with codes that break ties tell their exact values.)
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from kansrijk.core.figures import (
    SMALLEST_SHOWN_COUNT,
    Relation,
    adds_up,
    at_most,
    at_most_sum,
    suppress,
)
from kansrijk.interventions.constants import ContactMode, InterventionType

TYPES = tuple(InterventionType.values)
MODES = tuple(ContactMode.values)
TOP = 5  # the length of top_reasons
REASON = "reasons."  # the prefix of a reason's count among the keys here, e.g. "reasons.theft"


@dataclass(frozen=True)
class Suppression:
    """What one school year's published figures hide."""

    values: dict[str, int]  # every count, by its dotted JSON path ("reasons.<code>" for a reason)
    hidden: frozenset[str]  # hidden counts and percentages
    reasons_withheld: bool = False

    def hides(self, key: str) -> bool:
        if key.startswith(REASON) and self.reasons_withheld:
            return True
        return key in self.hidden


NOTHING = Suppression({}, frozenset())


def dig(figures: dict | None, dotted: str):
    """The value at a dotted JSON path, or None."""
    value = figures
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def percentages(figures: dict) -> list[tuple[str, str, str]]:
    """Each percentage of a year with the counts it is made of: (key, numerator, denominator)."""
    found = [
        ("restoration_pct", "restored", "interventions.total"),
        *(
            (f"parent_contact_pct.{kind}", f"parent_contact.{kind}", f"interventions.{kind}")
            for kind in TYPES
        ),
    ]
    for respondent in (figures.get("evaluations") or {}).keys():
        base = f"evaluations.{respondent}"
        found.append((f"{base}.response_rate_pct", f"{base}.responded", f"{base}.invited"))
    return found


def _numerator(figures: dict, key: str, pct_key: str, denominator_key: str) -> int:
    """The count behind a percentage. Documents from before it was a key of its own (published
    editions) have the percentage only: the count is taken back from it."""
    value = dig(figures, key)
    if value is not None:
        return value
    pct, denominator = dig(figures, pct_key), dig(figures, denominator_key) or 0
    return 0 if pct is None else int(pct * denominator / 100 + 0.5)


def _counts(figures: dict) -> dict[str, int]:
    keys = [
        *(f"interventions.{kind}" for kind in (*TYPES, "total")),
        "schools",
        "care_referrals",
        "care_reports",
        *(f"parent_contact_modes.{kind}.{mode}" for kind in TYPES for mode in MODES),
    ]
    for respondent, evaluation in (figures.get("evaluations") or {}).items():
        keys += [f"evaluations.{respondent}.invited", f"evaluations.{respondent}.responded"]
        keys += [f"evaluations.{respondent}.questions.{q}.answers" for q in evaluation.get("questions", {})]
    values = {key: dig(figures, key) for key in keys}
    for pct_key, key, denominator_key in percentages(figures):
        if not key.startswith("evaluations."):
            values[key] = _numerator(figures, key, pct_key, denominator_key)
    for row in figures.get("reasons", figures.get("top_reasons", [])):
        values[REASON + row["code"]] = row["count"]
    return {key: value for key, value in values.items() if isinstance(value, int)}


def _relations(figures: dict, values: dict[str, int]) -> list[Relation]:
    relations = [adds_up("interventions.total", [f"interventions.{kind}" for kind in TYPES])]
    relations += _reason_relations(figures)
    relations += [
        at_most("schools", "interventions.school"),
        at_most("restored", "interventions.total"),
        at_most("care_referrals", "interventions.total"),
    ]
    for kind in TYPES:
        any_mode, modes = f"parent_contact.{kind}", [f"parent_contact_modes.{kind}.{mode}" for mode in MODES]
        relations += [at_most(mode, any_mode) for mode in modes]
        relations += [at_most(any_mode, f"interventions.{kind}"), at_most_sum(any_mode, modes)]
    for respondent, evaluation in (figures.get("evaluations") or {}).items():
        base = f"evaluations.{respondent}"
        relations.append(at_most(f"{base}.responded", f"{base}.invited"))
        relations += [
            at_most(f"{base}.questions.{q}.answers", f"{base}.responded")
            for q in evaluation.get("questions", {})
        ]
    return [relation for relation in relations if set(relation.keys) <= values.keys()]


def _reason_relations(figures: dict) -> list[Relation]:
    total = "interventions.total"
    if "reasons" not in figures:  # an old document: its top five need not be all its reasons
        parts = [REASON + row["code"] for row in figures.get("top_reasons", [])]
        return [Relation(((total, -1), *((part, 1) for part in parts)), 0, exact=False)] if parts else []
    codes = [row["code"] for row in figures["reasons"]]
    if not codes:
        return []
    relations = [adds_up(total, [REASON + code for code in codes])]
    # Being in the top five: at least as many as any other reason, more than one whose code
    # sorts before it (ties are ranked by code). The order within the top five is not a
    # relation: the published formats list hidden counts by code (`in_published_order`).
    for top, other in itertools.product(codes[:TOP], codes[TOP:]):
        relations.append(at_most(REASON + other, REASON + top, less_by=int(other < top)))
    return relations


def in_published_order(rows: list[dict], suppression: Suppression) -> list[dict]:
    """Reason rows as published: those shown by count (as ranked), then the hidden ones by code,
    so that the order gives away nothing about a hidden count."""
    shown = [row for row in rows if not suppression.hides(REASON + row["code"])]
    hidden = [row for row in rows if suppression.hides(REASON + row["code"])]
    return shown + sorted(hidden, key=lambda row: row["code"])


def suppression_of(figures: dict | None) -> Suppression:
    """The suppression of one year's factsheet figures (compute_factsheet's document)."""
    if not figures:
        return NOTHING
    values = _counts(figures)
    relations = _relations(figures, values)
    hidden, exposed = suppress(values, relations)
    withheld = False
    if exposed:
        # Nothing left to hide and still derivable: leave the reasons out, and try again.
        withheld = True
        values = {key: value for key, value in values.items() if not key.startswith(REASON)}
        relations = [r for r in relations if not any(key.startswith(REASON) for key in r.keys)]
        hidden, _exposed = suppress(values, relations)
    hidden_pcts = {
        pct_key
        for pct_key, numerator, denominator in percentages(figures)
        if numerator in hidden or denominator in hidden
    }
    return Suppression(values, frozenset(hidden | hidden_pcts), withheld)


def marker(value: int | None) -> str | None:
    """A hidden count as the JSON has it: "<5" for 1 to 4, null for one hidden for another's sake."""
    return "<5" if value is not None and 0 < value < SMALLEST_SHOWN_COUNT else None


__all__ = [
    "NOTHING",
    "REASON",
    "Suppression",
    "dig",
    "in_published_order",
    "marker",
    "percentages",
    "suppression_of",
]
