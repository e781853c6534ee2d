"""The privacy officer's register of data-subject requests: find the person, register, handle.

Every page is refused to anyone but the privacy officer before anything is looked up
(`access.require_handler`). Names typed into the search travel in a POST body, never in an
address; the addresses hold the uuids of requests and people only.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.dates import add_months
from kansrijk.core.errors import DomainError
from kansrijk.core.steps import take_step

from . import export, selectors, services
from .access import person_for, request_for, request_read_record, require_handler, subject_read_record
from .constants import RequestKind, SubjectKind
from .forms import (
    EraseForm,
    ExtendForm,
    HandleForm,
    PersonSearchForm,
    RegisterForm,
    StepForm,
    correction_form_class,
)

PAGE_SIZE = 50


@require_GET
@login_required
def request_list(request):
    require_handler(request.user)
    page = Paginator(selectors.requests_register(), PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(item, selectors.overdue(item)) for item in page.object_list]
    return render(request, "rights/request_list.html", {"page": page, "rows": rows})


@require_http_methods(["GET", "POST"])
@login_required
def person_search(request):
    require_handler(request.user)
    form = PersonSearchForm(request.POST if request.method == "POST" else None)
    found = None
    if request.method == "POST" and form.is_valid():
        found = selectors.people_matching(**form.cleaned_data)
        # Who searched, and how many people it showed; not what was typed (that is a name).
        audit_record(actor=request.user, event=Event.SUBJECT_SEARCH, new={"results": len(found)})
    return render(
        request,
        "rights/person_search.html",
        {"form": form, "found": found, "limit": selectors.SEARCH_LIMIT},
    )


@require_http_methods(["GET", "POST"])
@login_required
def request_register(request, kind: str, uuid):
    person = person_for(request.user, kind, uuid)
    subject_kind = SubjectKind.PARENT if kind == "ouder" else SubjectKind.YOUNG_PERSON

    def page(form):
        # The page shows the person's name and date of birth: a look at their data.
        subject_read_record(user=request.user, person=person)
        return render(
            request,
            "rights/request_register.html",
            {"form": form, "person": person, "subject_kind": subject_kind, "open_cases": _open_cases(person)},
        )

    def done(registered):
        messages.success(
            request, _("Request %(reference)s has been registered.") % {"reference": registered.reference}
        )
        return redirect("rights:detail", uuid=registered.uuid)

    if request.method != "POST":
        return page(RegisterForm(subject_kind=subject_kind))
    return take_step(
        request,
        RegisterForm(request.POST, subject_kind=subject_kind),
        lambda form: services.request_register(by=request.user, person=person, **form.cleaned_data),
        done=done,
        failed=page,
    )


def _open_cases(person) -> list[str]:
    young_person = getattr(person, "young_person", None) or person
    return selectors.open_cases(young_person)


def _detail(request, dsr, *, status: int = 200, **forms):
    """The request's page, also after a refused step; every answer that shows it writes one
    audit row for the read, here rather than in each view."""
    request_read_record(user=request.user, request=dsr)
    person = services.subject_of(dsr)
    removed = person is None or services.data_removed(dsr)
    summary = None if removed else export.summary(dsr)
    context = {
        # A refused step's message, also where its form is not on the page (any more).
        "step_errors": [error for form in forms.values() for error in form.non_field_errors()],
        "dsr": dsr,
        "person": None if removed else person,
        "removed": removed,
        "summary": summary,
        "overdue": selectors.overdue(dsr),
        "open_cases": [] if removed else _open_cases(person),
        "handle_form": forms.get("handle_form") or HandleForm(),
        "extend_form": forms.get("extend_form") or ExtendForm(),
        "erase_form": forms.get("erase_form") or EraseForm(),
        "correction_form": None,
        "extension_possible": dsr.due_on < add_months(dsr.received_on, 3),
    }
    if dsr.kind == RequestKind.CORRECTION and not removed:
        context["correction_form"] = forms.get("correction_form") or correction_form_class(dsr.subject_kind)(
            instance=person
        )
    return render(request, "rights/request_detail.html", context, status=status)


@require_GET
@login_required
def request_detail(request, uuid):
    return _detail(request, request_for(request.user, uuid))


def _export_response(request, uuid, fmt: str) -> HttpResponse:
    dsr = request_for(request.user, uuid)
    try:
        services.access_export_record(request=dsr, by=request.user, fmt=fmt)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("rights:detail", uuid=dsr.uuid)
    dossier = export.dossier_for(dsr)
    if fmt == "json":
        body = json.dumps(dossier, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(export.dossier_pdf(dsr, dossier), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="inzage-{dsr.reference}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@login_required
def export_json(request, uuid):
    return _export_response(request, uuid, "json")


@require_GET
@login_required
def export_pdf(request, uuid):
    return _export_response(request, uuid, "pdf")


@dataclass(frozen=True)
class Step:
    """One step on a request: its form, its one service, its address, what is said when done."""

    form: type[StepForm]
    service: Callable[..., Any]
    path: str
    done: Promise


# The keys are the URL names; the posted form is shown on the request's page as `<key>_form`.
STEPS: dict[str, Step] = {
    "extend": Step(
        ExtendForm,
        services.request_extend,
        "verlengen",
        gettext_lazy("The answer period has been extended."),
    ),
    "handle": Step(
        HandleForm,
        services.request_handle,
        "afhandelen",
        gettext_lazy("The request has been recorded as handled."),
    ),
    "erase": Step(
        EraseForm,
        services.subject_erase,
        "wissen",
        gettext_lazy("The personal data have been erased. Record the answer to the person below."),
    ),
}


@require_POST
@login_required
def request_step(request, uuid, step: str):
    """One POSTed step on a request: valid and allowed, a message and back; else the page with errors."""
    spec = STEPS[step]
    dsr = request_for(request.user, uuid)
    return take_step(
        request,
        spec.form(request.POST),
        lambda form: spec.service(request=dsr, by=request.user, **form.arguments()),
        done=lambda _result: _back(request, dsr, spec.done),
        failed=lambda form: _detail(request, dsr, status=400, **{f"{step}_form": form}),
    )


def _back(request, dsr, message) -> HttpResponse:
    messages.success(request, message)
    return redirect("rights:detail", uuid=dsr.uuid)


@require_POST
@login_required
def request_correct(request, uuid):
    dsr = request_for(request.user, uuid)
    person = services.subject_of(dsr)
    if dsr.kind != RequestKind.CORRECTION or person is None:
        messages.error(request, _("Details are corrected for a correction request."))
        return redirect("rights:detail", uuid=dsr.uuid)
    form_class = correction_form_class(dsr.subject_kind)
    # A fresh copy as the form's instance: validation writes into it, the service saves.
    return take_step(
        request,
        form_class(request.POST, instance=type(person).objects.get(pk=person.pk)),
        lambda form: services.subject_correct(request=dsr, by=request.user, changes=form.cleaned_data),
        done=lambda changed: _back(
            request,
            dsr,
            _("Corrected: %(fields)s.") % {"fields": ", ".join(export.field_labels(person, changed))},
        ),
        failed=lambda form: _detail(request, dsr, status=400, correction_form=form),
    )
