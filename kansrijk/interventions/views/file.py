"""The intervention file and every post on it.

Every step on the file is a small form that posts to its own address and calls one service.
With HTMX the answer replaces the timeline and, out of band, the header and the forms (a step
can change the status, and with it which steps come next); without JavaScript a step that
succeeds redirects back to the file, and one that fails shows the file with the form's errors.
Every answer that shows the file writes one audit row for the read, where the file is built
(`selectors.intervention_file`), so no view can forget it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.lookups import forbidden, visible_or_404
from kansrijk.core.steps import take_step
from kansrijk.interventions import consent as consent_services
from kansrijk.interventions.constants import ConsentPurpose

from .. import selectors, services
from ..access import can_see_file_viewers, get_intervention_for_user
from ..forms import (
    MarkComponentForm,
    NoteForm,
    WithdrawConsentForm,
)
from ..models import Intervention
from ..viewers import file_views
from ..workflow import INTERVENTION_WORKFLOW
from .steps import STEPS

VIEWERS_PAGE_SIZE = 50

FILE_TEMPLATE = "interventions/intervention_detail.html"
# What an HTMX step answers with: the timeline, plus the header and the forms out of band.
UPDATE_TEMPLATE = "interventions/_file_update.html"


@require_GET
@login_required
def intervention_detail(request, uuid):
    intervention = get_intervention_for_user(request.user, uuid)
    return _respond(request, intervention)


@require_GET
@login_required
def intervention_viewers(request, uuid):
    """Who looked at this file, and when: for the assigned professional and the team leads."""
    intervention = get_intervention_for_user(request.user, uuid)
    if not can_see_file_viewers(request.user, intervention):
        raise forbidden(Intervention, intervention.uuid, user=request.user)
    # Looking at who looked is a look at the file too, and shows in this list itself.
    audit_record(actor=request.user, event=Event.INTERVENTION_VIEWERS_VIEWED, subject=intervention)
    page = Paginator(file_views(intervention=intervention), VIEWERS_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request, "interventions/intervention_viewers.html", {"intervention": intervention, "page": page}
    )


@require_POST
@login_required
def intervention_add_note(request, uuid):
    # The service writes the note's audit row; a page with the file writes the read's.
    intervention = get_intervention_for_user(request.user, uuid)

    def done(_note):
        if request.htmx:
            return _respond(request, _fresh(request, intervention), note_added=True)
        messages.success(request, _("The note has been added."))
        return redirect("interventions:detail", uuid=intervention.uuid)

    return take_step(
        request,
        NoteForm(request.POST),
        lambda form: services.intervention_add_note(
            intervention=intervention, by=request.user, text=form.cleaned_data["text"]
        ),
        done=done,
        failed=lambda form: _respond(request, intervention, note_form=form),
    )


@require_POST
@login_required
def intervention_step(request, uuid, step: str):
    spec = STEPS[step]
    # The service writes the step's audit row; a page with the file writes the read's.
    intervention = get_intervention_for_user(request.user, uuid)
    # A step on content the user may not see (care reports) is an address they have no business
    # with. Other refusals (role, status) come from the workflow, through the service, on the page.
    if INTERVENTION_WORKFLOW.forbidden(request.user, intervention, step):
        raise forbidden(Intervention, intervention.uuid, user=request.user)
    return take_step(
        request,
        spec.form(request.POST, intervention=intervention),
        lambda form: spec.service(intervention=intervention, by=request.user, **form.arguments()),
        done=lambda _result: _done(request, intervention, spec.done),
        failed=lambda form: _respond(request, intervention, bound=(step, form)),
    )


@require_POST
@login_required
def intervention_mark_component(request, uuid, component_uuid):
    intervention = get_intervention_for_user(request.user, uuid)
    component = visible_or_404(intervention.components.all(), component_uuid, user=request.user)
    return take_step(
        request,
        MarkComponentForm(request.POST, component=component),
        lambda form: services.intervention_mark_component(
            component=component, by=request.user, **form.arguments()
        ),
        done=lambda _result: _done(request, intervention, gettext_lazy("The component has been marked.")),
        failed=lambda form: _respond(request, intervention, bound=("mark_component", form)),
    )


_WITHDRAWN = gettext_lazy("The withdrawal of the consent has been recorded.")


@require_POST
@login_required
def intervention_withdraw_consent(request, uuid, consent_uuid):
    # Withdrawal must take effect on ended files too, so it is not a step of the workflow table.
    intervention = get_intervention_for_user(request.user, uuid)
    consent = visible_or_404(intervention.consents.all(), consent_uuid, user=request.user)
    return take_step(
        request,
        WithdrawConsentForm(request.POST, consent=consent),
        lambda form: consent_services.consent_withdraw(
            consent=consent, by=request.user, withdrawn_on=form.cleaned_data["withdrawn_on"]
        ),
        done=lambda _result: _done(request, intervention, _WITHDRAWN),
        failed=lambda form: _respond(request, intervention, withdraw_form=form),
    )


# --- responses -----------------------------------------------------------------------------


@dataclass
class StepForm:
    """A step as the file shows it: heading, form, where it posts, and whether it is opened."""

    key: str
    title: Any
    button: Any
    url: str
    form: forms.Form
    open: bool = False


def _done(request, intervention: Intervention, message):
    if request.htmx:
        return _respond(request, _fresh(request, intervention), done=message)
    messages.success(request, message)
    return redirect("interventions:detail", uuid=intervention.uuid)


def _fresh(request, intervention: Intervention) -> Intervention:
    # A service re-reads the intervention under a lock, which drops the related rows the access
    # module fetched with it; read it again rather than fetch them one by one.
    return get_intervention_for_user(request.user, intervention.uuid)


def _respond(
    request,
    intervention: Intervention,
    *,
    bound=None,
    note_form=None,
    note_added=False,
    done="",
    withdraw_form=None,
):
    """The file page, or with HTMX its changing parts; `bound` is a posted (step, form)."""
    file = selectors.intervention_file(user=request.user, intervention=intervention)
    steps, marks, refused = _step_forms(intervention, file, bound)
    consents = _consent_rows(file, withdraw_form)
    return render(
        request,
        UPDATE_TEMPLATE if request.htmx else FILE_TEMPLATE,
        {
            "file": file,
            "intervention": intervention,
            "note_form": note_form or NoteForm(),
            "note_added": note_added,
            "steps": steps,
            "marks": marks,
            "refused": refused,
            "done": done,
            "consents": consents,
            "consent_purposes": ConsentPurpose.choices,
            # Ended files show who was invited to evaluate (one query, only for ended files).
            "evaluations": list(intervention.evaluations.all()) if intervention.is_closed else [],
            "now": timezone.now(),
        },
    )


@dataclass
class ConsentRow:
    consent: Any
    # The withdrawal form with its address, for an active consent the user may withdraw.
    form: forms.Form | None = None
    url: str = ""


def _consent_rows(file, withdraw_form) -> list[ConsentRow]:
    rows = []
    for consent in file.consents:
        row = ConsentRow(consent)
        if file.can_withdraw_consent and consent.withdrawn_on is None:
            posted = withdraw_form is not None and withdraw_form.consent.pk == consent.pk
            row.form = withdraw_form if posted else WithdrawConsentForm(consent=consent)
            row.url = reverse("interventions:withdraw_consent", args=[file.intervention.uuid, consent.uuid])
        rows.append(row)
    return rows


def _step_forms(intervention: Intervention, file, bound):
    """The forms of the steps the user may take now, the posted one with its input and errors.

    A posted step the file no longer offers (the file was closed meanwhile, or the step was
    forced) comes back as `refused`, so that its error is still shown.
    """
    bound_key, bound_form = bound or (None, None)
    steps: dict[str, list[StepForm]] = {"work": [], "ending": [], "team": []}
    shown = False
    for key, spec in STEPS.items():
        if key not in file.actions:
            continue
        posted = key == bound_key
        shown = shown or posted
        form = (
            bound_form
            if posted and bound_form is not None
            else spec.form(intervention=intervention, parents=file.parents)
        )
        url = reverse(f"interventions:{key}", args=[intervention.uuid])
        steps[spec.group].append(StepForm(key, spec.title, spec.button, url, form, open=posted))
    marks = []
    if "mark_component" in file.actions:
        for component in file.planned_components:
            posted = (
                bound_key == "mark_component"
                and bound_form is not None
                and bound_form.component.pk == component.pk
            )
            shown = shown or posted
            form = bound_form if posted and bound_form is not None else MarkComponentForm(component=component)
            url = reverse("interventions:mark_component", args=[intervention.uuid, component.uuid])
            marks.append(StepForm("mark_component", component.get_kind_display(), "", url, form, open=posted))
    return steps, marks, (bound_form if bound_form is not None and not shown else None)
