"""The professionals' pages for interventions: the search list, its export and the file.

Views take four steps (docs/conventions.md, habit 3): the object through the access module, the
form, one service, the response. Reads go through `access.py` and `selectors.py` only.

Every step on the file is a small form that posts to its own address and calls one service.
With HTMX the answer replaces the timeline and, out of band, the header and the forms (a step
can change the status, and with it which steps come next); without JavaScript a step that
succeeds redirects back to the file, and one that fails shows the file with the form's errors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.errors import DomainError
from kansrijk.core.search import TextSearch
from kansrijk.core.spreadsheets import spreadsheet_response
from kansrijk.interventions import consent as consent_services
from kansrijk.interventions.constants import ConsentPurpose

from . import selectors, services
from .access import can_see_care_reports, can_see_file_viewers, get_intervention_for_user
from .forms import (
    AgreementForm,
    AssignForm,
    CareReferralForm,
    CareReportForm,
    CaseForm,
    CompleteForm,
    ComponentForm,
    ConsentForm,
    ConversationForm,
    InterventionSearchForm,
    MarkComponentForm,
    NoteForm,
    NotStartedForm,
    ParentContactForm,
    PlanIntakeForm,
    ReopenForm,
    RestorationForm,
    StartForm,
    StopForm,
    WithdrawConsentForm,
)
from .models import Intervention
from .viewers import file_views

PAGE_SIZE = 25
VIEWERS_PAGE_SIZE = 50

FILE_TEMPLATE = "interventions/intervention_detail.html"
# What an HTMX step answers with: the timeline, plus the header and the forms out of band.
UPDATE_TEMPLATE = "interventions/_file_update.html"
# The search box takes names: it posts, and the list's address carries a token instead.
SEARCH = TextSearch(list_name="interventions:list", form_class=InterventionSearchForm, text_fields=("q",))


@require_http_methods(["GET", "POST"])
@login_required
def intervention_list(request):
    user = request.user
    # The list is for Halt staff; the access module would give anyone else an empty list, but
    # an empty search page is a confusing answer to "you have no business here".
    if not user.works_on_cases:
        raise PermissionDenied
    if request.method == "POST":
        return SEARCH.redirect(request)
    data = SEARCH.data(request)
    if data is None:
        return SEARCH.forget(request)
    form = InterventionSearchForm(data, user=user)
    interventions = selectors.interventions_search(user=user, **form.filters())
    page = Paginator(interventions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "interventions/intervention_list.html",
        {"form": form, "page": page, "today": timezone.localdate()},
    )


@require_GET
@login_required
def intervention_export(request):
    """The search list, with the same filters, as CSV: for team leads, without names, audited."""
    user = request.user
    if not user.is_team_lead:
        raise PermissionDenied
    data = SEARCH.data(request)
    if data is None:
        # Without its text the export would hold more rows than the list it was asked from.
        return SEARCH.forget(request)
    form = InterventionSearchForm(data, user=user)
    filters = form.filters()
    interventions = selectors.interventions_search(user=user, **filters)
    count = interventions.count()
    # Data leaving the application is a read of case figures: one row for the whole export,
    # with what was asked for and how much went out.
    audit_record(
        actor=user,
        event=Event.INTERVENTIONS_EXPORTED,
        subject=user.region,
        new={"filters": _audit_filters(filters), "count": count},
    )
    return spreadsheet_response(
        selectors.export_rows(interventions), filename=f"interventies-{timezone.localdate():%Y-%m-%d}.csv"
    )


@require_GET
@login_required
def intervention_detail(request, uuid):
    intervention = get_intervention_for_user(request.user, uuid)
    return _respond(request, intervention)


@require_GET
@login_required
def intervention_viewers(request, uuid):
    """Who looked at this file, and when: for the assigned professional and the team leads."""
    intervention = get_intervention_for_user(request.user, uuid, audit=False)
    if not can_see_file_viewers(request.user, intervention):
        raise PermissionDenied
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
    # The service writes its own audit row for the note, so the read is not audited twice.
    intervention = get_intervention_for_user(request.user, uuid, audit=False)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.intervention_add_note(
                intervention=intervention, by=request.user, text=form.cleaned_data["text"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            if request.htmx:
                return _respond(request, _fresh(request, intervention), note_added=True)
            messages.success(request, _("The note has been added."))
            return redirect("interventions:detail", uuid=intervention.uuid)
    return _respond(request, intervention, note_form=form)


# --- the steps on the file -----------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One step on the file: its form, its one service, and what the page says about it."""

    form: type[CaseForm]
    service: Callable[..., Any]
    path: str
    title: Promise
    button: Promise
    done: Promise
    group: str = "work"  # "work", "ending" or "team": where the file shows the form


# The keys are the workflow table's action names (`INTERVENTION_WORKFLOW.offered`); the order is
# the order on the page, roughly the order of the work.
STEPS: dict[str, Step] = {
    "plan_intake": Step(
        PlanIntakeForm,
        services.intervention_plan_intake,
        "intake-plannen",
        gettext_lazy("Plan the intake"),
        gettext_lazy("Plan intake"),
        gettext_lazy("The intake has been planned."),
    ),
    "start": Step(
        StartForm,
        services.intervention_start,
        "intake",
        gettext_lazy("Record the intake"),
        gettext_lazy("Record intake"),
        gettext_lazy("The intake has been recorded; the intervention is in progress."),
    ),
    "record_parent_contact": Step(
        ParentContactForm,
        services.intervention_record_parent_contact,
        "oudercontact",
        gettext_lazy("Record a parent contact"),
        gettext_lazy("Record contact"),
        gettext_lazy("The parent contact has been recorded."),
    ),
    "record_conversation": Step(
        ConversationForm,
        services.intervention_record_conversation,
        "gesprek",
        gettext_lazy("Record a follow-up or closing conversation"),
        gettext_lazy("Record conversation"),
        gettext_lazy("The conversation has been recorded."),
    ),
    "record_agreement": Step(
        AgreementForm,
        services.intervention_record_agreement,
        "afspraak",
        gettext_lazy("Record an agreement"),
        gettext_lazy("Record agreement"),
        gettext_lazy("The agreement has been recorded."),
    ),
    "plan_component": Step(
        ComponentForm,
        services.intervention_plan_component,
        "onderdeel",
        gettext_lazy("Plan a component"),
        gettext_lazy("Plan component"),
        gettext_lazy("The component has been planned."),
    ),
    "record_restoration": Step(
        RestorationForm,
        services.intervention_record_restoration,
        "herstel",
        gettext_lazy("Record a restoration action"),
        gettext_lazy("Record restoration"),
        gettext_lazy("The restoration action has been recorded."),
    ),
    "record_consent": Step(
        ConsentForm,
        consent_services.consent_record,
        "toestemming",
        gettext_lazy("Record consent"),
        gettext_lazy("Record consent"),
        gettext_lazy("The consent has been recorded."),
    ),
    "record_care_referral": Step(
        CareReferralForm,
        services.intervention_record_care_referral,
        "doorverwijzing",
        gettext_lazy("Record a referral to care"),
        gettext_lazy("Record referral"),
        gettext_lazy("The referral to care has been recorded."),
    ),
    "record_care_report": Step(
        CareReportForm,
        services.intervention_record_care_report,
        "zorgmelding",
        gettext_lazy("Record a care report"),
        gettext_lazy("Record care report"),
        gettext_lazy("The care report has been recorded."),
    ),
    "complete": Step(
        CompleteForm,
        services.intervention_complete,
        "afronden",
        gettext_lazy("Complete the intervention"),
        gettext_lazy("Complete"),
        gettext_lazy("The intervention has been completed."),
        group="ending",
    ),
    "stop": Step(
        StopForm,
        services.intervention_stop,
        "stoppen",
        gettext_lazy("Stop early"),
        gettext_lazy("Stop intervention"),
        gettext_lazy("The intervention has been stopped."),
        group="ending",
    ),
    "not_start": Step(
        NotStartedForm,
        services.intervention_not_started,
        "niet-gestart",
        gettext_lazy("Close as not started"),
        gettext_lazy("Close as not started"),
        gettext_lazy("The intervention has been closed as not started."),
        group="ending",
    ),
    "assign": Step(
        AssignForm,
        services.intervention_assign,
        "toewijzen",
        gettext_lazy("Assign to another professional"),
        gettext_lazy("Assign"),
        gettext_lazy("The intervention has been assigned."),
        group="team",
    ),
    "reopen": Step(
        ReopenForm,
        services.intervention_reopen,
        "heropenen",
        gettext_lazy("Reopen the file"),
        gettext_lazy("Reopen"),
        gettext_lazy("The file has been reopened."),
        group="team",
    ),
}


@require_POST
@login_required
def intervention_step(request, uuid, step: str):
    spec = STEPS[step]
    # The service writes its own audit row, so the read is not audited twice.
    intervention = get_intervention_for_user(request.user, uuid, audit=False)
    # Care reports are shown only to the assigned professional and team leads (the access
    # module): to anyone else the care-report step is an address they have no business with.
    # Other refusals (role, status) come from the workflow, through the service, on the page.
    if step == "record_care_report" and not can_see_care_reports(request.user, intervention):
        raise PermissionDenied
    form = spec.form(request.POST, intervention=intervention)
    if form.is_valid():
        try:
            spec.service(intervention=intervention, by=request.user, **form.arguments())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return _done(request, intervention, spec.done)
    return _respond(request, intervention, bound=(step, form))


@require_POST
@login_required
def intervention_mark_component(request, uuid, component_uuid):
    intervention = get_intervention_for_user(request.user, uuid, audit=False)
    component = intervention.components.filter(uuid=component_uuid).first()
    if component is None:
        raise Http404
    form = MarkComponentForm(request.POST, component=component)
    if form.is_valid():
        try:
            services.intervention_mark_component(component=component, by=request.user, **form.arguments())
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return _done(request, intervention, gettext_lazy("The component has been marked."))
    return _respond(request, intervention, bound=("mark_component", form))


_WITHDRAWN = gettext_lazy("The withdrawal of the consent has been recorded.")


@require_POST
@login_required
def intervention_withdraw_consent(request, uuid, consent_uuid):
    # Withdrawal must take effect on ended files too, so it is not a step of the workflow table.
    intervention = get_intervention_for_user(request.user, uuid, audit=False)
    consent = intervention.consents.filter(uuid=consent_uuid).first()
    if consent is None:
        raise Http404
    form = WithdrawConsentForm(request.POST, consent=consent)
    if form.is_valid():
        try:
            consent_services.consent_withdraw(
                consent=consent, by=request.user, withdrawn_on=form.cleaned_data["withdrawn_on"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return _done(request, intervention, _WITHDRAWN)
    return _respond(request, intervention, withdraw_form=form)


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
    return get_intervention_for_user(request.user, intervention.uuid, audit=False)


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


# --- the export ----------------------------------------------------------------------------


def _audit_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """The filters as the audit row stores them: codes and ids, never a name typed into the search."""
    stored: dict[str, Any] = {}
    for name, value in filters.items():
        if name == "query":
            # Audit rows outlive retention; the search text may be a young person's name.
            stored["query_given"] = bool(value)
        elif hasattr(value, "pk"):
            stored[name] = value.pk
        elif value:
            stored[name] = str(value)
    return stored
