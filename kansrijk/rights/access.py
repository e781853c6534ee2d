"""Who handles data-subject requests, and the one way to fetch a request or a person for them.

Requests are the privacy officer's work (docs/process.md §3, §4): only they search people across
regions for a request, see the register and make the exports. Everyone else is refused before
anything is looked up, so an answer tells nothing about who exists (the refusal is recorded all
the same, kansrijk/core/lookups.py). A page that shows a request or a person shows their data,
so it writes an audit row (`request_read_record`, `subject_read_record`).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from kansrijk.accounts.constants import Role
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.lookups import forbidden, visible_or_404
from kansrijk.people.models import Parent, YoungPerson

from .models import DataSubjectRequest


def can_handle_requests(user) -> bool:
    return bool(
        user is not None and user.is_authenticated and user.is_active and user.role == Role.PRIVACY_OFFICER
    )


def require_handler(user) -> None:
    if not can_handle_requests(user):
        raise PermissionDenied


def request_for(user, request_uuid) -> DataSubjectRequest:
    """The request with this uuid for the privacy officer; 403 for anyone else, 404 if unknown.

    Finding it is no look yet: the page that shows it writes the audit row.
    """
    if not can_handle_requests(user):
        raise forbidden(DataSubjectRequest, request_uuid, user=user)
    return visible_or_404(
        DataSubjectRequest.objects.select_related("young_person", "parent__young_person"),
        request_uuid,
        user=user,
    )


def person_for(user, kind: str, person_uuid) -> YoungPerson | Parent:
    """A young person or parent to register a request about; their data not yet removed."""
    models: dict[str, type[YoungPerson] | type[Parent]] = {"jongere": YoungPerson, "ouder": Parent}
    model = models.get(kind)
    if model is None:
        require_handler(user)
        raise Http404
    if not can_handle_requests(user):
        raise forbidden(model, person_uuid, user=user)
    # The privacy officer may see everybody: a person not found here is one whose data were
    # removed, which is no refusal to record (user=None).
    if model is YoungPerson:
        return visible_or_404(YoungPerson.objects.filter(birth_date__isnull=False), person_uuid, user=None)
    return visible_or_404(Parent.objects.select_related("young_person"), person_uuid, user=None)


def request_read_record(*, user, request: DataSubjectRequest) -> None:
    """The audit row of one look at a request, with the person's data it shows."""
    audit_record(actor=user, event=Event.SUBJECT_REQUEST_VIEWED, subject=request)


def subject_read_record(*, user, person: YoungPerson | Parent) -> None:
    """The audit row of one look at a person found to register a request about."""
    audit_record(actor=user, event=Event.SUBJECT_VIEWED, subject=person)
