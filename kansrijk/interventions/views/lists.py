"""The search list of interventions and its CSV export for team leads."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.search import TextSearch
from kansrijk.core.spreadsheets import spreadsheet_response

from .. import selectors
from ..forms import (
    InterventionSearchForm,
)

PAGE_SIZE = 25
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
    filters = form.filters()
    interventions = selectors.interventions_search(user=user, **filters)
    page = Paginator(interventions, PAGE_SIZE).get_page(request.GET.get("page"))
    if filters["query"]:
        # A search by name is a look for a person: who searched, and how many files it found and
        # showed (each page of the results is a row); never what was typed, which is a name.
        audit_record(
            actor=user,
            event=Event.INTERVENTIONS_SEARCHED,
            subject=user.region,
            new={"results": page.paginator.count, "shown": len(page.object_list)},
        )
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
