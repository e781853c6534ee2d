"""One POSTed step on an object: its form, its one service, and the answer.

Every step on a case is a small form that posts to an address of its own (docs/conventions.md,
habit 3). The view finds the object through its access module and builds the form; the rest is
`take_step`, the same for every step of every app. Apps with a family of alike steps keep them
in a registry with one view for all of them (`interventions.views.STEPS`, `rights.views.STEPS`);
steps with an answer of their own (triage's decisions) are a view each, around the same call.

`take_step` is also where a step happens exactly once (core/once.py): a form posted again with
its one-time token is not run again but answered as the first was. And where a stale step is
shown again (core/versions.py): the form keeps what was typed and now carries the version that
was refused, so sending it again is a choice made having seen the new state.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.db import transaction
from django.http import HttpRequest, HttpResponse

from .errors import DomainError
from .once import Duplicate, FormSubmission
from .versions import StaleVersion, version_show_current

FormT = TypeVar("FormT", bound=forms.BaseForm)
ResultT = TypeVar("ResultT")


def take_step(
    request: HttpRequest,
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

    With a one-time token in the POST, the token is stored with the answer in the service's
    transaction; a POST with a token already stored runs nothing and goes where the first went.
    """
    once = FormSubmission.of(request)
    if once is not None and (earlier := once.earlier()) is not None:
        return once.again(earlier)
    if form.is_valid():
        try:
            if once is None:
                return done(run(form))
            with transaction.atomic():
                claimed = once.claim()
                response = done(run(form))
                once.answered(claimed, response)
            return response
        except Duplicate:
            # The same token, sent at the same moment, got there first: its answer is ours.
            assert once is not None
            return once.again(once.earlier())
        except DomainError as error:
            form.add_error(None, error.message)
            if isinstance(error, StaleVersion):
                version_show_current(form, error.current)
    return failed(form)
