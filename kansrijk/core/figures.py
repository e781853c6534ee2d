"""The rules of published figures: the percentage rule, and which counts a table must hide.

Small-cell suppression: a count from 1 to 4 could point at one child, so a published table shows
it as "<5" (primary suppression). That alone is not enough. A reader who knows that the parts add
up to a shown total works the hidden part out; two hidden parts of a total of 6 where one is
"<5" and the other at least 5 can only be 1 and 5. `suppress` therefore hides more counts, one at
a time (secondary suppression), until no hidden count follows from what is shown.

What the reader is assumed to know (`_reader_bounds`):
- a shown count exactly;
- that a count shown as "<5" lies from 1 to 4, and that a count hidden for another's sake lies
  from 5 up (0 and 1-4 would have been shown as such);
- every relation between the counts the table states or implies (`Relation`): parts that add up to
  a total, a part that is at most its whole, the order of a ranked list.

A hidden count is safe when at least two whole numbers fit all of that. Deciding it is a small
integer search (`_fits`): interval narrowing over the relations, then splitting an interval in
two until every count has one value. The tables are small (a few dozen counts, a handful
hidden), so it is fast; a search that would take long counts as "derivable", which only hides
more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Counts from 1 to SMALLEST_SHOWN_COUNT - 1 are never shown.
SMALLEST_SHOWN_COUNT = 5
# Search steps per question "does another value fit?" before the answer is taken to be no.
SEARCH_BUDGET = 20_000

# Rounds of narrowing before a search step is given up.
MAX_PASSES = 200

Bounds = dict[str, tuple[int, int]]


def percentage(numerator: int, denominator: int) -> int | None:
    """100 * numerator / denominator rounded half up to a whole number; None for 0/0."""
    if not denominator:
        return None
    exact = Decimal(100 * numerator) / Decimal(denominator)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Relation:
    """What a reader knows about some counts: sum(coefficient * count) == constant, or <= it."""

    terms: tuple[tuple[str, int], ...]
    constant: int = 0
    exact: bool = True

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(key for key, _coefficient in self.terms)


def adds_up(total: str, parts: Iterable[str]) -> Relation:
    """The parts add up to the total."""
    return Relation(((total, -1), *((part, 1) for part in parts)))


def at_most(part: str, whole: str, *, less_by: int = 0) -> Relation:
    """part <= whole - less_by (a ranked list: the next is at most the one before)."""
    return Relation(((part, 1), (whole, -1)), -less_by, exact=False)


def at_most_sum(part: str, wholes: Iterable[str]) -> Relation:
    """part <= the sum of the wholes."""
    return Relation(((part, 1), *((whole, -1) for whole in wholes)), 0, exact=False)


class _OutOfBudget(Exception):
    pass


def _narrow(bounds: Bounds, relations: Sequence[Relation]) -> Bounds | None:
    """The bounds narrowed by the relations until nothing changes; None when nothing fits."""
    bounds = dict(bounds)
    changed, passes = True, 0
    while changed:
        changed, passes = False, passes + 1
        if passes > MAX_PASSES:  # creeping by ones towards a contradiction: give up
            raise _OutOfBudget
        for relation in relations:
            for sign in (1, -1) if relation.exact else (1,):
                # sign * sum(c * x) <= sign * constant
                terms = [(key, sign * coefficient) for key, coefficient in relation.terms]
                limit = sign * relation.constant
                for key, coefficient in terms:
                    rest = sum(c * (bounds[k][0] if c > 0 else bounds[k][1]) for k, c in terms if k != key)
                    room = limit - rest  # coefficient * x <= room
                    low, high = bounds[key]
                    if coefficient > 0:
                        high = min(high, room // coefficient)
                    else:
                        low = max(low, -(-room // coefficient))
                    if low > high:
                        return None
                    if (low, high) != bounds[key]:
                        bounds[key] = (low, high)
                        changed = True
    return bounds


def _fits(bounds: Bounds, relations: Sequence[Relation], budget: list[int]) -> bool:
    """Whether whole numbers within `bounds` satisfy every relation (depth first, by halving)."""
    stack = [bounds]
    while stack:
        budget[0] -= 1
        if budget[0] < 0:
            raise _OutOfBudget
        narrowed = _narrow(stack.pop(), relations)
        if narrowed is None:
            continue
        open_keys = [(high - low, key) for key, (low, high) in narrowed.items() if low < high]
        if not open_keys:
            return True
        _width, key = min(open_keys)
        low, high = narrowed[key]
        middle = (low + high) // 2
        stack.append({**narrowed, key: (middle + 1, high)})
        stack.append({**narrowed, key: (low, middle)})
    return False


def _reader_bounds(values: Mapping[str, int], hidden: set[str], cap: int) -> Bounds:
    bounds = {}
    for key, value in values.items():
        if key not in hidden:
            bounds[key] = (value, value)
        elif value < SMALLEST_SHOWN_COUNT:
            bounds[key] = (1, SMALLEST_SHOWN_COUNT - 1)
        else:
            bounds[key] = (SMALLEST_SHOWN_COUNT, cap)
    return bounds


def _derivable(key: str, values: Mapping[str, int], hidden: set[str], relations: Sequence[Relation]) -> bool:
    """Whether the reader can work out the exact value of the hidden count `key`."""
    linked = [relation for relation in relations if key in relation.keys]
    if not linked:
        return False  # its marker alone leaves it open: 1-4, or 5 and up
    # Only the counts connected to `key` through relations matter.
    reach, todo = {key}, [key]
    while todo:
        current = todo.pop()
        for relation in relations:
            if current in relation.keys:
                for other in relation.keys:
                    if other not in reach:
                        reach.add(other)
                        todo.append(other)
    relevant = [relation for relation in relations if set(relation.keys) <= reach]
    # Far above any count of the table: a value the search cannot try only makes it hide more.
    cap = 10 * max(values.values(), default=0) + 100
    bounds = {k: b for k, b in _reader_bounds(values, hidden, cap).items() if k in reach}
    value, (low, high) = values[key], bounds[key]
    budget = [SEARCH_BUDGET]
    try:
        for other in ((low, value - 1), (value + 1, high)):
            if other[0] <= other[1] and _fits({**bounds, key: other}, relevant, budget):
                return False
    except _OutOfBudget:
        pass
    return True


def derivable(values: Mapping[str, int], hidden: Iterable[str], relations: Sequence[Relation]) -> list[str]:
    """The hidden counts whose exact value follows from the shown ones, smallest first."""
    shown_hidden = set(hidden)
    return [
        key
        for key in sorted(shown_hidden, key=lambda k: (values[k], k))
        if _derivable(key, values, shown_hidden, relations)
    ]


def suppress(values: Mapping[str, int], relations: Sequence[Relation]) -> tuple[frozenset[str], list[str]]:
    """The counts to hide, and the hidden counts that still cannot be kept from the reader.

    Every count from 1 to 4 first. Then, while some hidden count can be worked out, one more
    count is hidden: among the shown counts other than 0, the smallest that shares a relation
    with it and leaves it open; failing that, the smallest that leaves it open at all; failing
    that, the smallest that shares a relation with it (and the next round goes on from there).
    The second list is what remains derivable when no count is left to hide; the caller
    decides what to leave out of the table then.
    """
    hidden = {key for key, value in values.items() if 0 < value < SMALLEST_SHOWN_COUNT}
    related = {key for relation in relations for key in relation.keys}
    while True:
        exposed = derivable(values, hidden, relations)
        if not exposed:
            return frozenset(hidden), []
        key = exposed[0]
        near = {other for relation in relations if key in relation.keys for other in relation.keys}
        candidates = sorted(
            (other for other in related if other not in hidden and values[other] > 0),
            key=lambda other: (other not in near, values[other], other),
        )
        if not candidates:
            return frozenset(hidden), exposed

        def opens(candidate: str, key: str = key) -> bool:
            return not _derivable(key, values, hidden | {candidate}, relations)

        choice = (
            next((c for c in candidates if c in near and opens(c)), None)
            or next((c for c in candidates if c not in near and opens(c)), None)
            or candidates[0]
        )
        hidden.add(choice)
