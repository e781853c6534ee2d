"""One POSTed step on an object: its form, its one service, and the answer.

Every step on a case is a small form that posts to an address of its own (docs/conventions.md,
habit 3). The view finds the object through its access module and builds the form; the rest is
`take_step`, the same for every step of every app. Apps with a family of alike steps keep them
in a registry with one view for all of them (`interventions.views.STEPS`, `rights.views.STEPS`);
steps with an answer of their own (triage's decisions) are a view each, around the same call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.http import HttpResponse

from .errors import DomainError

FormT = TypeVar("FormT", bound=forms.BaseForm)
ResultT = TypeVar("ResultT")


def take_step(
    form: FormT,
    run: Callable[[FormT], ResultT],
    *,
    done: Callable[[ResultT], HttpResponse],
    failed: Callable[[FormT], HttpResponse],
) -> HttpResponse:
    """Validate the posted `form`, `run` the step's service with it, and answer.

    A valid form that the service lets through is answered by `done` with the service's result.
    An invalid form, or one whose step the service refuses (its `DomainError` becomes the
    form's non-field error), goes to `failed`, which shows the page again with the form.
    """
    if form.is_valid():
        try:
            result = run(form)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return done(result)
    return failed(form)
