"""Who handles data-subject requests, and the one way to fetch a request or a person for them.

Requests are the privacy officer's work (docs/process.md §3, §4): only they search people across
regions for a request, see the register and make the exports. Everyone else is refused before
anything is looked up, so an answer tells nothing about who exists. Opening a request shows
the person's data, so it writes an audit row (`request_for`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kansrijk.accounts.constants import Role
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.lookups import visible_or_404
from kansrijk.people.models import Parent, YoungPerson

from .models import DataSubjectRequest


def can_handle_requests(user) -> bool:
    return bool(
        user is not None and user.is_authenticated and user.is_active and user.role == Role.PRIVACY_OFFICER
    )


def require_handler(user) -> None:
    if not can_handle_requests(user):
        raise PermissionDenied


def request_for(user, request_uuid, *, audit: bool = True) -> DataSubjectRequest:
    """The request with this uuid for the privacy officer; 403 for anyone else, 404 if unknown."""
    require_handler(user)
    found = visible_or_404(
        DataSubjectRequest.objects.select_related("young_person", "parent__young_person"), request_uuid
    )
    if audit:
        audit_record(actor=user, event=Event.SUBJECT_REQUEST_VIEWED, subject=found)
    return found


def person_for(user, kind: str, person_uuid) -> YoungPerson | Parent:
    """A young person or parent to register a request about; their data not yet removed."""
    require_handler(user)
    if kind == "jongere":
        return visible_or_404(YoungPerson.objects.filter(birth_date__isnull=False), person_uuid)
    if kind == "ouder":
        return visible_or_404(Parent.objects.select_related("young_person"), person_uuid)
    raise Http404
