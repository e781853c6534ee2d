"""The professionals' pages for interventions: the search list and the file.

Views take four steps (conventions.md, habit 3): the object through the access module, the
form, one service, the response. Reads go through `access.py` and `selectors.py` only.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kansrijk.core.errors import DomainError

from . import selectors, services
from .access import get_intervention_for_user
from .forms import InterventionSearchForm, NoteForm

PAGE_SIZE = 25


@require_GET
@login_required
def intervention_list(request):
    user = request.user
    # The list is for Halt staff; the access module would give anyone else an empty list, but
    # an empty search page is a confusing answer to "you have no business here".
    if not user.works_on_cases:
        raise PermissionDenied
    form = InterventionSearchForm(request.GET, user=user)
    interventions = selectors.interventions_search(user=user, **form.filters())
    page = Paginator(interventions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "interventions/intervention_list.html",
        {"form": form, "page": page, "today": timezone.localdate()},
    )


@require_GET
@login_required
def intervention_detail(request, uuid):
    intervention = get_intervention_for_user(request.user, uuid)
    return _render_file(request, intervention, NoteForm())


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
                return _render_file(
                    request, intervention, NoteForm(), template="interventions/_timeline.html", added=True
                )
            messages.success(request, _("The note has been added."))
            return redirect("interventions:detail", uuid=intervention.uuid)
    if request.htmx:
        return _render_file(request, intervention, form, template="interventions/_timeline.html")
    return _render_file(request, intervention, form)


def _render_file(
    request, intervention, note_form, *, template="interventions/intervention_detail.html", added=False
):
    file = selectors.intervention_file(user=request.user, intervention=intervention)
    return render(
        request,
        template,
        {"file": file, "intervention": intervention, "note_form": note_form, "note_added": added},
    )
