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
integer search (`_Component.solve`): interval narrowing over the relations, then trying each count at its
true value and splitting its interval, until every count has one value. The tables are small (a
few dozen counts, a handful hidden), so it is fast; a search that would take long counts as
"derivable", which only hides more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# Counts from 1 to SMALLEST_SHOWN_COUNT - 1 are never shown.
SMALLEST_SHOWN_COUNT = 5
# Search steps per question "does another value fit?" before the answer is taken to be no.
SEARCH_BUDGET = 20_000

# Interval changes in one narrowing before the search step is given up.
MAX_STEPS = 20_000


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


class _Component:
    """Counts connected through relations, as the search works on them: the counts by index,
    each relation as constraints sum(c * x) <= limit, and per count the constraints it is in."""

    def __init__(self, keys: list[str], relations: Sequence[Relation]):
        self.keys = keys
        self.index = {key: i for i, key in enumerate(keys)}
        self.constraints: list[tuple[list[int], list[int], int]] = []
        for relation in relations:
            for sign in (1, -1) if relation.exact else (1,):
                self.constraints.append(
                    (
                        [self.index[key] for key in relation.keys],
                        [sign * coefficient for _key, coefficient in relation.terms],
                        sign * relation.constant,
                    )
                )
        self.watching: list[list[int]] = [[] for _ in keys]
        for number, (indexes, _coefficients, _limit) in enumerate(self.constraints):
            for i in indexes:
                self.watching[i].append(number)

    def narrow(self, low: list[int], high: list[int]) -> bool:
        """Narrow the intervals in place until nothing changes; False when nothing fits."""
        queue = list(range(len(self.constraints)))
        queued = [True] * len(self.constraints)
        steps = 0
        while queue:
            number = queue.pop()
            queued[number] = False
            indexes, coefficients, limit = self.constraints[number]
            least = [c * (low[i] if c > 0 else high[i]) for i, c in zip(indexes, coefficients, strict=True)]
            room_all = limit - sum(least)
            if room_all < 0:
                return False
            for i, c, own in zip(indexes, coefficients, least, strict=True):
                room = room_all + own  # c * x <= room
                if c > 0:
                    bound = room // c
                    if bound >= high[i]:
                        continue
                    high[i] = bound
                else:
                    bound = -(-room // c)
                    if bound <= low[i]:
                        continue
                    low[i] = bound
                if low[i] > high[i]:
                    return False
                steps += 1
                if steps > MAX_STEPS:  # creeping by ones towards a contradiction: give up
                    raise _OutOfBudget
                for other in self.watching[i]:
                    if not queued[other]:
                        queued[other] = True
                        queue.append(other)
        return True

    def solve(self, low: list[int], high: list[int], guide: list[int], budget: list[int]) -> list[int] | None:
        """Whole numbers within the intervals that satisfy every constraint, or None.

        Depth first; each count is tried at its `guide` value (the true one) first: the true
        values satisfy everything, so a solution that differs where it must is found soon.
        """
        stack = [(low, high)]
        while stack:
            budget[0] -= 1
            if budget[0] < 0:
                raise _OutOfBudget
            low, high = stack.pop()
            low, high = list(low), list(high)
            if not self.narrow(low, high):
                continue
            widths = [(hi - lo, i) for i, (lo, hi) in enumerate(zip(low, high, strict=True)) if lo < hi]
            if not widths:
                return low
            _width, i = min(widths)
            target = guide[i]
            if low[i] <= target <= high[i]:
                parts = [(target, target), (low[i], target - 1), (target + 1, high[i])]
            else:  # halves, the one nearer the guide first
                middle = (low[i] + high[i]) // 2
                parts = [(low[i], middle), (middle + 1, high[i])]
                if target > high[i]:
                    parts.reverse()
            for part_low, part_high in reversed(parts):
                if part_low <= part_high:
                    stack.append(
                        (
                            [*low[:i], part_low, *low[i + 1 :]],
                            [*high[:i], part_high, *high[i + 1 :]],
                        )
                    )
        return None


class _Reader:
    """What a reader can work out while more counts are hidden.

    A solution that differs from the true counts stays possible when more is hidden (each
    hidden count's interval holds its true value), so a count once shown to be open stays open.
    """

    def __init__(self, values: Mapping[str, int], relations: Sequence[Relation], hidden: set[str]):
        self.values, self.hidden = values, hidden
        self.open: set[str] = set()
        # Far above any count of the table: a value the search cannot try only makes it hide more.
        self.cap = 10 * max(values.values(), default=0) + 100
        # The components: only the counts connected to a count through relations matter to it.
        neighbours: dict[str, set[str]] = {}
        for relation in relations:
            for key in relation.keys:
                neighbours.setdefault(key, set()).update(relation.keys)
        self.component: dict[str, _Component] = {}
        for start in neighbours:
            if start in self.component:
                continue
            reach, todo = {start}, [start]
            while todo:
                for other in neighbours[todo.pop()]:
                    if other not in reach:
                        reach.add(other)
                        todo.append(other)
            component = _Component(
                sorted(reach), [relation for relation in relations if relation.keys[0] in reach]
            )
            for key in reach:
                self.component[key] = component

    def _bounds(self, component: _Component, hidden: set[str]) -> tuple[list[int], list[int]]:
        low, high = [], []
        for key in component.keys:
            value = self.values[key]
            if key not in hidden:
                interval = (value, value)
            elif value < SMALLEST_SHOWN_COUNT:
                interval = (1, SMALLEST_SHOWN_COUNT - 1)
            else:
                interval = (SMALLEST_SHOWN_COUNT, self.cap)
            low.append(interval[0])
            high.append(interval[1])
        return low, high

    def other_values(self, key: str, hidden: set[str]) -> dict[str, int] | None:
        """Counts the reader cannot tell from the true ones in which `key` differs from its true
        value (a witness that `key` stays open), or None when it can be worked out."""
        component = self.component.get(key)
        if component is None:
            return {}  # its marker alone leaves it open: 1-4, or 5 and up
        low, high = self._bounds(component, hidden)
        guide = [self.values[k] for k in component.keys]
        i, value = component.index[key], self.values[key]
        budget = [SEARCH_BUDGET]
        try:
            for part_low, part_high in ((value + 1, high[i]), (low[i], value - 1)):
                if part_low <= part_high:
                    solution = component.solve(
                        [*low[:i], part_low, *low[i + 1 :]],
                        [*high[:i], part_high, *high[i + 1 :]],
                        guide,
                        budget,
                    )
                    if solution is not None:
                        return dict(zip(component.keys, solution, strict=True))
        except _OutOfBudget:
            pass
        return None

    def exposed(self) -> list[str]:
        """The hidden counts the reader can work out, smallest first."""
        found = []
        for key in sorted(self.hidden, key=lambda k: (self.values[k], k)):
            if key in self.open:
                continue
            solution = self.other_values(key, self.hidden)
            if solution is None:
                found.append(key)
            else:
                self.open.add(key)
                self.open.update(k for k, v in solution.items() if k in self.hidden and v != self.values[k])
        return found

    def opened_by(self, candidate: str, key: str) -> bool:
        """Whether hiding `candidate` as well leaves `key` open."""
        return self.other_values(key, self.hidden | {candidate}) is not None


def derivable(values: Mapping[str, int], hidden: Iterable[str], relations: Sequence[Relation]) -> list[str]:
    """The hidden counts whose exact value follows from the shown ones, smallest first."""
    return _Reader(values, relations, set(hidden)).exposed()


def _without_needless(
    values: Mapping[str, int], relations: Sequence[Relation], small: set[str], hidden: set[str]
) -> frozenset[str]:
    """`hidden` less the counts hidden for another's sake that turned out not to be needed (a
    count hidden early can be made redundant by one hidden later); the largest are shown first."""
    hidden = set(hidden)
    for key in sorted(hidden - small, key=lambda k: (-values[k], k)):
        if not derivable(values, hidden - {key}, relations):
            hidden.discard(key)
    return frozenset(hidden)


def suppress(values: Mapping[str, int], relations: Sequence[Relation]) -> tuple[frozenset[str], list[str]]:
    """The counts to hide, and the hidden counts that still cannot be kept from the reader.

    Every count from 1 to 4 first. Then, while some hidden count can be worked out, one more
    count is hidden: among the shown counts other than 0, the smallest that shares a relation
    with it and leaves it open; failing that, the smallest that leaves it open at all; failing
    that, the smallest that shares a relation with it (and the next round goes on from there).
    Last, a count so hidden is shown again if nothing can be worked out without it.
    The second list is what remains derivable when no count is left to hide; the caller
    decides what to leave out of the table then.
    """
    small = {key for key, value in values.items() if 0 < value < SMALLEST_SHOWN_COUNT}
    reader = _Reader(values, relations, set(small))
    related = {key for relation in relations for key in relation.keys}
    while True:
        exposed = reader.exposed()
        if not exposed:
            return _without_needless(values, relations, small, reader.hidden), []
        key = exposed[0]
        near = {other for relation in relations if key in relation.keys for other in relation.keys}
        candidates = sorted(
            (other for other in related if other not in reader.hidden and values[other] > 0),
            key=lambda other: (other not in near, values[other], other),
        )
        if not candidates:
            return frozenset(reader.hidden), exposed
        choice = (
            next((c for c in candidates if c in near and reader.opened_by(c, key)), None)
            or next((c for c in candidates if c not in near and reader.opened_by(c, key)), None)
            or candidates[0]
        )
        reader.hidden.add(choice)
