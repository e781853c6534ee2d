"""The one policy: may this user take this step on this object now?

Every object with a life cycle (a referral, an intervention) has one table in its own app's
`workflow.py`: a `Workflow` of `Transition`s. A transition names the statuses it may start
from, the status it leads to, who may take it (`Who`: a role and a relation to the object, such
as "a team lead of the file's region") and any condition on the object itself (`Condition`:
"the intake has taken place"). This module answers every question about those tables, so that
the answer is the same wherever it is asked:

- the services call `Workflow.check` before they write anything; it raises `DomainError` with
  the first reason the step is refused, in a sentence the user can read;
- the pages ask `Workflow.offered` for the steps to show, and `may` for a single step; the
  views answer 403 to a user `Workflow.entitled` or `Workflow.forbidden` rules out;
- the tests walk every role, status and action through `Workflow.refusal`.

The order of the reasons is fixed: who may take the step; a closed object ("this file has
ended"); the conditions; then the statuses the step starts from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from .errors import DomainError


@dataclass(frozen=True)
class Who:
    """Who may take a step: a test of the (active) user against the object, and the refusal."""

    test: Callable[[Any, Any], bool]
    refusal: Promise
    name: str = ""

    def allows(self, user, subject) -> bool:
        if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
            return False
        return bool(self.test(user, subject))

    def require(self, user, subject) -> None:
        """DomainError("forbidden") with the refusal unless `user` is one of these."""
        if not self.allows(user, subject):
            raise DomainError(self.refusal, code="forbidden")


@dataclass(frozen=True)
class Condition:
    """Something the object itself must satisfy before the step, whatever its status."""

    holds: Callable[[Any], bool]
    refusal: Promise
    code: str


@dataclass(frozen=True)
class Transition:
    """One step: from which statuses, to which status, by whom, on which conditions.

    `target` is the status after the step: a status, a function of the object (a step that
    returns to where the work was), or None for a step that records work without moving it.
    `refusal` is shown when the status is not one of `sources`. A `private` step is about content
    that only `who` may see (care reports): to anybody else it is forbidden, not refused.
    """

    sources: frozenset[str]
    target: str | Callable[[Any], str] | None
    refusal: Promise
    who: Who
    conditions: tuple[Condition, ...] = ()
    private: bool = False


@dataclass
class Workflow:
    """The table of one kind of object, and the answers drawn from it."""

    model: type
    transitions: dict[str, Transition]
    # Statuses of an object that has ended: any step not meant for them gets `closed` as reason.
    ended: frozenset[str]
    closed: Promise
    status_field: str = "status"

    def __post_init__(self) -> None:
        _REGISTRY[self.model] = self

    def status_of(self, subject) -> str:
        return getattr(subject, self.status_field)

    def refusal(self, user, subject, action: str) -> DomainError | None:
        """The first reason `user` may not take `action` on `subject` now; None when they may.

        An unknown action is a programming error (KeyError), not a refusal.
        """
        transition = self.transitions[action]
        if not transition.who.allows(user, subject):
            return DomainError(transition.who.refusal, code="forbidden")
        return self.state_refusal(subject, action)

    def state_refusal(self, subject, action: str) -> DomainError | None:
        """The first reason the object's state refuses `action`, whoever asks."""
        transition = self.transitions[action]
        status = self.status_of(subject)
        if status not in transition.sources and status in self.ended:
            # One sentence for every step on a closed object: the user needs to know it has
            # ended, not which step an ended object would have allowed.
            return DomainError(self.closed, code="closed")
        for condition in transition.conditions:
            if not condition.holds(subject):
                return DomainError(condition.refusal, code=condition.code)
        if status not in transition.sources:
            return DomainError(transition.refusal, code="invalid_transition")
        return None

    def entitled(self, user, subject, action: str) -> bool:
        """Whether `user` is among those who may take `action` on `subject` at all, whatever its
        state now: a page answers 403 to somebody who is not, and shows the refusal to one who is."""
        return self.transitions[action].who.allows(user, subject)

    def forbidden(self, user, subject, action: str) -> bool:
        """Whether `action` is none of `user`'s business: a private step, and `user` not among those
        who may take it. A page answers 403 to that; any other refusal it shows on the page."""
        return self.transitions[action].private and not self.entitled(user, subject, action)

    def allows(self, user, subject, action: str) -> bool:
        return self.refusal(user, subject, action) is None

    def check(self, user, subject, action: str) -> str:
        """The status `subject` has after `action`; DomainError when `user` may not take it now."""
        refused = self.refusal(user, subject, action)
        if refused is not None:
            raise refused
        return self.next_status(subject, action)

    def next_status(self, subject, action: str) -> str:
        """The status after `action` (which the caller has checked)."""
        target = self.transitions[action].target
        if target is None:
            return self.status_of(subject)
        if callable(target):
            return target(subject)
        return target

    def offered(self, user, subject, actions: Iterable[str] | None = None) -> frozenset[str]:
        """The actions `user` may take on `subject` now: exactly those `check` would let through."""
        names = self.transitions if actions is None else actions
        return frozenset(action for action in names if self.refusal(user, subject, action) is None)


_REGISTRY: dict[type, Workflow] = {}


def workflow_for(subject) -> Workflow:
    """The workflow of `subject`'s kind; TypeError for an object without a life cycle."""
    for model, workflow in _REGISTRY.items():
        if isinstance(subject, model):
            return workflow
    raise TypeError(f"no workflow for {type(subject).__name__}")


def may(user, action: str, subject) -> bool:
    """Whether `user` may take `action` on `subject` now: the one question, for any object."""
    return workflow_for(subject).allows(user, subject, action)
