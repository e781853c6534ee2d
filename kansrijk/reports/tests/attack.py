"""A reader who tries to work out the hidden figures of a published factsheet CSV.

Written apart from the suppression it attacks (kansrijk/core/figures.py, reports/suppression.py):
it reads only the CSV text and what docs/factsheet.md says about it, and asks by exhaustive
search whether a hidden count has one possible value. What the reader uses:

- the markers: "<5" is 1 to 4; an empty count is 5 or more (0 and 1-4 are written as such),
  or anything at all for a reason in a column where every reason is empty (a year whose reasons
  are withheld);
- total = school + neighbourhood; this year's listed reasons are its top five (ties ranked by
  code; the hidden ones are listed by code, so their order says nothing): fewer than five rows
  add up to the total, and five rows leave for each unlisted reason at most what any listed one
  has; a year's listed reasons never add up to more than its total;
- a part is at most its whole: schools, contact modes, restoration, care referrals, responses;
  the interventions with parent contact lie between any one mode and all modes together;
- a shown percentage with its denominator: 100 * numerator / denominator rounds half up to it;
- several CSVs that show the same school year (this year's column, next year's previous-year
  column): everything each of them shows.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from kansrijk.interventions.constants import ContactMode, InterventionType
from kansrijk.referrals.constants import Reason

TYPES = tuple(InterventionType.values)
MODES = tuple(ContactMode.values)
CODES = sorted(Reason.values)
SEARCH_LIMIT = 200_000


@dataclass
class Column:
    """One year's column of a factsheet CSV."""

    values: dict[str, str]
    reasons: list[str]  # the codes of the top_reasons rows, in their order in the CSV
    ranked: bool  # this year's own column: the rows are ranked by these counts


def columns_of(text: str) -> tuple[Column, Column]:
    """This year's column and the previous year's of a factsheet CSV."""
    rows = list(csv.reader(io.StringIO(text)))[1:]
    rows = [row for row in rows if not row[0].startswith("quotes.")]
    reasons = [row[0].removeprefix("top_reasons.") for row in rows if row[0].startswith("top_reasons.")]
    this_year = Column({row[0]: row[2] for row in rows}, reasons, ranked=True)
    previous = Column({row[0]: row[3] for row in rows}, reasons, ranked=False)
    return this_year, previous


def _is_count(key: str) -> bool:
    return not (key.endswith("_pct") or "_pct." in key or key.endswith(".mean"))


# sum(coefficient * value) == constant ("=") or <= constant ("<=")
Relation = tuple[tuple[tuple[str, int], ...], str, int]


@dataclass
class Knowledge:
    """What a reader knows of one school year: intervals for the counts, and relations."""

    domains: dict[str, tuple[int, int]] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    published: dict[str, str] = field(default_factory=dict)

    def relate(self, terms: dict[str, int], op: str, constant: int) -> None:
        if all(key in self.domains for key in terms):
            self.relations.append((tuple(terms.items()), op, constant))


def knowledge_of(columns: list[Column], *, cap: int) -> Knowledge:
    """What the reader knows of one school year from these columns (of one or more CSVs)."""
    known = Knowledge()
    for column in columns:
        for key, text in column.values.items():
            if _is_count(key) and (known.published.get(key, "") == "" or text.isdigit()):
                known.published[key] = text
    for column in columns:
        withheld = bool(column.reasons) and all(
            column.values[f"top_reasons.{code}"] == "" for code in column.reasons
        )
        for key, text in column.values.items():
            if not _is_count(key):
                continue
            text = known.published[key]
            if text.isdigit():
                known.domains[key] = (int(text), int(text))
            elif text == "<5":
                known.domains[key] = (1, 4)
            elif key.startswith("top_reasons.") and withheld:
                known.domains.setdefault(key, (0, cap))
            else:
                known.domains[key] = (5, cap)
    for key in ("restored", *(f"parent_contact.{kind}" for kind in TYPES)):
        known.domains[key] = (0, cap)

    total = "interventions.total"
    known.relate({total: -1, **{f"interventions.{kind}": 1 for kind in TYPES}}, "=", 0)
    known.relate({"schools": 1, "interventions.school": -1}, "<=", 0)
    known.relate({"care_referrals": 1, total: -1}, "<=", 0)
    known.relate({"restored": 1, total: -1}, "<=", 0)
    for kind in TYPES:
        any_mode, modes = f"parent_contact.{kind}", [f"parent_contact_modes.{kind}.{mode}" for mode in MODES]
        known.relate({any_mode: 1, f"interventions.{kind}": -1}, "<=", 0)
        known.relate({any_mode: 1, **{mode: -1 for mode in modes}}, "<=", 0)
        for mode in modes:
            known.relate({mode: 1, any_mode: -1}, "<=", 0)
    respondents = {key.split(".")[1] for key in known.domains if key.startswith("evaluations.")}
    for respondent in respondents:
        base = f"evaluations.{respondent}"
        known.relate({f"{base}.responded": 1, f"{base}.invited": -1}, "<=", 0)

    for column in columns:
        _reason_relations(known, column)
    for column in columns:
        _percentage_relations(known, column, respondents)
    return known


def _reason_relations(known: Knowledge, column: Column) -> None:
    total = "interventions.total"
    rows = [f"top_reasons.{code}" for code in column.reasons]
    if not column.ranked:
        known.relate({total: -1, **dict.fromkeys(rows, 1)}, "<=", 0)
        return
    if not rows:
        return  # no interventions, or the year's reasons are withheld: nothing to go on
    if len(rows) < 5:
        known.relate({total: -1, **dict.fromkeys(rows, 1)}, "=", 0)
        return
    # Five rows: the unlisted reasons have together what the five leave of the total, and each
    # of them at most what any listed one has (less if its code sorts before, or it would have
    # been listed on a tie).
    known.relate({total: -1, **dict.fromkeys(rows, 1)}, "<=", 0)
    unlisted = [code for code in CODES if code not in column.reasons]
    for code, row in zip(column.reasons, rows, strict=True):
        less = sum(1 for other in unlisted if other < code)
        known.relate({total: 1, **dict.fromkeys(rows, -1), row: -1 - len(unlisted)}, "<=", -less)


def _percentage_relations(known: Knowledge, column: Column, respondents: set[str]) -> None:
    made_of = [
        ("restoration_pct", "restored", "interventions.total"),
        *(
            (f"parent_contact_pct.{kind}", f"parent_contact.{kind}", f"interventions.{kind}")
            for kind in TYPES
        ),
        *(
            (f"evaluations.{r}.response_rate_pct", f"evaluations.{r}.responded", f"evaluations.{r}.invited")
            for r in respondents
        ),
    ]
    for pct_key, numerator, denominator in made_of:
        text = column.values.get(pct_key, "")
        if not text.isdigit():
            continue
        pct = int(text)
        # pct - 0.5 <= 100 n / d < pct + 0.5, i.e. (2 pct - 1) d <= 200 n < (2 pct + 1) d
        known.relate({denominator: 2 * pct - 1, numerator: -200}, "<=", 0)
        known.relate({numerator: 200, denominator: -(2 * pct + 1)}, "<=", -1)


class SearchTooLong(AssertionError):
    pass


def _tighten(box: dict[str, tuple[int, int]], relations: list[Relation]) -> dict | None:
    """The box shrunk by what each relation leaves each count (the reader's "total minus the
    shown parts"), over and over; None when a relation cannot hold in it."""
    box = dict(box)
    for _round in range(100):
        before = dict(box)
        for terms, op, constant in relations:
            for sign in (1, -1) if op == "=" else (1,):
                signed = [(k, sign * c) for k, c in terms]
                least = {k: c * (box[k][0] if c > 0 else box[k][1]) for k, c in signed}
                floor = sum(least.values())
                for k, c in signed:
                    room = sign * constant - (floor - least[k])  # c * x <= room
                    lo, hi = box[k]
                    lo, hi = (lo, min(hi, room // c)) if c > 0 else (max(lo, -(room // -c)), hi)
                    if lo > hi:
                        return None
                    box[k] = (lo, hi)
        if box == before:
            return box
    return box


def _fits(domains: dict[str, tuple[int, int]], relations: list[Relation], budget: list[int]) -> bool:
    """Whether whole numbers within the domains satisfy the relations: tighten, then split the
    widest domain in two, until each holds one number."""
    stack = [domains]
    while stack:
        budget[0] -= 1
        if budget[0] < 0:
            raise SearchTooLong
        box = _tighten(stack.pop(), relations)
        if box is None:
            continue
        width, key = max((hi - lo, key) for key, (lo, hi) in box.items())
        if width == 0:
            if all(_holds(box, relation) for relation in relations):
                return True
            continue
        lo, hi = box[key]
        middle = (lo + hi) // 2
        stack.append({**box, key: (middle + 1, hi)})
        stack.append({**box, key: (lo, middle)})
    return False


def _holds(box: dict[str, tuple[int, int]], relation: Relation) -> bool:
    terms, op, constant = relation
    value = sum(c * box[k][0] for k, c in terms)
    return value == constant if op == "=" else value <= constant


def recovered(known: Knowledge, truth: dict[str, int], targets: list[str]) -> dict[str, int]:
    """The targets whose exact value the reader can work out, with that value."""
    found = {}
    for key in targets:
        # Only what is connected to `key` through the relations counts.
        reach, todo = {key}, [key]
        while todo:
            current = todo.pop()
            for terms, _op, _constant in known.relations:
                keys = [k for k, _c in terms]
                if current in keys:
                    for other in keys:
                        if other not in reach:
                            reach.add(other)
                            todo.append(other)
        relations = [r for r in known.relations if all(k in reach for k, _c in r[0])]
        domains = {k: d for k, d in known.domains.items() if k in reach}
        value, (low, high) = truth[key], domains[key]
        assert low <= value <= high, f"{key}: {value} outside what the reader assumes, {low}-{high}"
        budget = [SEARCH_LIMIT]
        if not any(
            part[0] <= part[1] and _fits({**domains, key: part}, relations, budget)
            for part in ((low, value - 1), (value + 1, high))
        ):
            found[key] = value
    return found


def truth_of(figures: dict | None) -> dict[str, int]:
    """The exact counts of one year under the CSV's keys (and the counts behind percentages)."""
    if not figures:
        return {}
    truth: dict[str, int] = {}

    def walk(value, path):
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{path}.{key}" if path else key)
        elif isinstance(value, int) and not isinstance(value, bool):
            truth[path] = value

    walk({key: value for key, value in figures.items() if key not in ("reasons", "top_reasons")}, "")
    for code in CODES:
        truth[f"top_reasons.{code}"] = 0
    for row in figures.get("reasons", figures.get("top_reasons", [])):
        truth[f"top_reasons.{row['code']}"] = row["count"]
    return truth


def attack(columns: list[Column], truth: dict[str, int]) -> dict[str, int]:
    """Every hidden count of these columns (of one school year) that the reader works out,
    and every count from 1 to 4 behind a percentage, with its value."""
    cap = 10 * max([*truth.values(), 1]) + 100
    known = knowledge_of(columns, cap=cap)
    targets = [
        key
        for key, text in known.published.items()
        if text in ("<5", "") and key in known.domains and truth.get(key) is not None
    ]
    targets += [
        key
        for key in ("restored", *(f"parent_contact.{kind}" for kind in TYPES))
        if 0 < truth.get(key, 0) < 5
    ]
    return recovered(known, truth, targets)
