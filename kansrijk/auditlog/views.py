"""The privacy officer's audit log: a search over every row, and its export as CSV.

Only the privacy officer gets here (`access.can_read_audit_log`); everyone else is refused
before anything is looked up. Exporting the log is itself a read that leaves the application,
so it writes an audit row of its own: which filters, how many rows.
"""

from __future__ import annotations

import json
import uuid as uuid_module
from collections.abc import Iterator
from itertools import islice

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from kansrijk.accounts.models import User
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.search import TextSearch
from kansrijk.core.spreadsheets import spreadsheet_response

from . import selectors
from .access import can_read_audit_log
from .forms import AuditSearchForm

PAGE_SIZE = 50
EXPORT_CHUNK = 2000
# The user and object boxes take whatever is typed, a name too: they post, and the address
# carries a token instead.
SEARCH = TextSearch(list_name="audit:log", form_class=AuditSearchForm, text_fields=("actor", "subject"))


@require_http_methods(["GET", "POST"])
@login_required
def audit_log(request):
    if not can_read_audit_log(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return SEARCH.redirect(request)
    data = SEARCH.data(request)
    if data is None:
        return SEARCH.forget(request)
    form = AuditSearchForm(data)
    rows = selectors.audit_events_search(**form.filters())
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    references = selectors.subject_references(page.object_list)
    shown = [(row, references.get((row.subject_type, row.subject_id), "")) for row in page.object_list]
    return render(request, "auditlog/audit_log.html", {"form": form, "page": page, "rows": shown})


@require_GET
@login_required
def audit_export(request):
    user = request.user
    if not can_read_audit_log(user):
        raise PermissionDenied
    data = SEARCH.data(request)
    if data is None:
        return SEARCH.forget(request)
    form = AuditSearchForm(data)
    filters = form.filters()
    rows = selectors.audit_events_search(**filters)
    count = rows.count()
    audit_record(
        actor=user,
        event=Event.AUDIT_LOG_EXPORTED,
        subject=None,
        new={"filters": _audit_filters(filters), "count": count},
    )
    return spreadsheet_response(_export_rows(rows), filename=f"auditlog-{timezone.localdate():%Y-%m-%d}.csv")


# The columns: words for people first (in the language of the page, Dutch by default), the
# stored codes beside them for whoever filters or counts in a spreadsheet.
def _header() -> list[str]:
    return [
        str(_("When")),
        str(_("User")),
        str(_("Event")),
        str(_("Event code")),
        str(_("Kind of object")),
        str(_("Kind of object (code)")),
        str(_("Object id")),
        str(_("Reference")),
        str(_("Address")),
        str(_("Old values")),
        str(_("New values")),
    ]


def _export_rows(rows) -> Iterator[list[str]]:
    yield _header()
    stream = rows.iterator(chunk_size=EXPORT_CHUNK)
    zone = timezone.get_current_timezone()
    while chunk := list(islice(stream, EXPORT_CHUNK)):
        references = selectors.subject_references(chunk)
        for row in chunk:
            yield (
                [
                    row.at.astimezone(zone).isoformat(timespec="seconds"),
                    row.actor_display,
                    row.event_display,
                    row.event,
                    row.subject_type_display if row.subject_type else "",
                    row.subject_type,
                    row.subject_id,
                    references.get((row.subject_type, row.subject_id), ""),
                    row.ip_address or "",
                    "" if row.old is None else json.dumps(row.old, sort_keys=True),
                    "" if row.new is None else json.dumps(row.new, sort_keys=True),
                ]
            )


def _audit_filters(filters: dict) -> dict:
    """The filters as the export's own audit row keeps them: no free text.

    A user name is kept when it is somebody's, an object when it is a uuid or a known
    reference; anything else typed there (it could be a young person's name) is recorded only
    as "given".
    """
    stored = {}
    for name, value in filters.items():
        if name == "actor":
            known = User.objects.filter(username=value).exists()
            stored[name if known else "actor_given"] = value if known else True
        elif name == "subject":
            stored[name if _is_identifier(value) else "subject_given"] = (
                value if _is_identifier(value) else True
            )
        else:
            stored[name] = str(value)
    return stored


def _is_identifier(value: str) -> bool:
    try:
        uuid_module.UUID(value)
    except ValueError:
        return bool(selectors.subject_ids_for_reference(value))
    return True
