"""Registering and handling data-subject requests (docs/process.md §4, Rights; AVG articles 12–17).

Every step writes one audit row about the request, in the same transaction as the change. The
rows hold codes, dates and counts, never the person's data: the log outlives an erasure.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.db.models import CharField, Max, TextField
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record, audit_values
from kansrijk.core.dates import add_months
from kansrijk.core.errors import DomainError
from kansrijk.core.rules import check_day
from kansrijk.evaluations.constants import QuoteStatus
from kansrijk.evaluations.models import Evaluation, EvaluationLink
from kansrijk.interventions.models import Intervention, InterventionStatusChange
from kansrijk.people.models import Parent, Victim, YoungPerson
from kansrijk.referrals.models import Referral, ReferralStatusChange
from kansrijk.retention.services import CASE_ROWS, RetentionResult, referrals_strip, young_people_strip

from .access import require_handler
from .constants import Decision, Requester, RequestKind, RequestStatus, SubjectKind
from .dossier import PARENT_FIELDS, PERSON_FIELDS
from .models import DataSubjectRequest
from .redaction import Redactor
from .selectors import open_cases

# AVG article 12(3): one month, extendable by two further months where necessary.
ANSWER_MONTHS = 1
MAX_EXTENSION_MONTHS = 2
# What a correction may change, per kind of person: the details a person can tell us are wrong.
CORRECTABLE: dict[str, tuple[str, ...]] = {
    # The pseudonymous id comes from the interchange file, not from the person.
    SubjectKind.YOUNG_PERSON: tuple(name for name in PERSON_FIELDS if name != "external_id"),
    SubjectKind.PARENT: PARENT_FIELDS,
}


def _open(request: DataSubjectRequest) -> DataSubjectRequest:
    """Re-read the request under a row lock; a handled request takes no further steps."""
    locked = DataSubjectRequest.objects.select_for_update().get(pk=request.pk)
    if not locked.is_open:
        raise DomainError(_("This request has already been handled."), code="request_handled")
    return locked


def _next_reference(received_on: dt.date) -> str:
    prefix = f"AVG-{received_on.year}-"
    last = DataSubjectRequest.objects.filter(reference__startswith=prefix).aggregate(last=Max("reference"))[
        "last"
    ]
    number = int(last.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:04d}"


@transaction.atomic
def request_register(
    *,
    by: User,
    kind: str,
    person: YoungPerson | Parent,
    requester: str,
    received_on: dt.date | None,
) -> DataSubjectRequest:
    require_handler(by)
    if kind not in RequestKind.values:
        raise DomainError(_("Unknown kind of request."), code="unknown_code")
    if requester not in Requester.values:
        raise DomainError(_("Say who made the request."), code="unknown_code")
    if received_on is None:
        raise DomainError(_("Give the date the request was received."), code="date_required")
    check_day(received_on, in_future=_("The date cannot be in the future."))
    is_parent = isinstance(person, Parent)
    if is_parent and requester == Requester.PARENT:
        raise DomainError(
            _("A parent asking about their own data makes the request themselves."), code="invalid_requester"
        )
    request = DataSubjectRequest.objects.create(
        reference=_next_reference(received_on),
        kind=kind,
        subject_kind=SubjectKind.PARENT if is_parent else SubjectKind.YOUNG_PERSON,
        young_person=person.young_person if isinstance(person, Parent) else person,
        parent=person if isinstance(person, Parent) else None,
        requester=requester,
        received_on=received_on,
        due_on=add_months(received_on, ANSWER_MONTHS),
        registered_by=by,
    )
    audit_record(
        actor=by,
        event=Event.SUBJECT_REQUEST_REGISTERED,
        subject=request,
        new=audit_values(kind=kind, person=person, requester=requester, received_on=received_on),
    )
    return request


@transaction.atomic
def request_extend(*, request: DataSubjectRequest, by: User, months: int, reason: str) -> DataSubjectRequest:
    """Extend the answer period (at most two months in all), saying why: the person is told so."""
    require_handler(by)
    request = _open(request)
    if not reason.strip():
        raise DomainError(_("Say why the answer takes longer."), code="reason_required")
    latest = add_months(request.received_on, ANSWER_MONTHS + MAX_EXTENSION_MONTHS)
    due_on = min(add_months(request.due_on, months), latest) if months > 0 else request.due_on
    if months <= 0 or due_on == request.due_on:
        raise DomainError(
            _("The answer period can be extended by at most two months in all."), code="extension_limit"
        )
    old = audit_values(due_on=request.due_on)
    request.due_on = due_on
    request.extension_reason = reason.strip()
    request.save(update_fields=["due_on", "extension_reason"])
    audit_record(
        actor=by,
        event=Event.SUBJECT_REQUEST_EXTENDED,
        subject=request,
        old=old,
        new=audit_values(due_on=due_on),
    )
    return request


@transaction.atomic
def request_handle(
    *, request: DataSubjectRequest, by: User, decision: str, handled_on: dt.date | None, handling: str
) -> DataSubjectRequest:
    """Record the answer: the decision, the day it was sent, and what was done or why not."""
    require_handler(by)
    request = _open(request)
    if decision not in Decision.values:
        raise DomainError(_("Choose a decision."), code="unknown_code")
    if handled_on is None:
        raise DomainError(_("Give the date the answer was sent."), code="date_required")
    check_day(
        handled_on,
        earliest=request.received_on,
        too_early=_("The answer cannot be sent before the request was received."),
        in_future=_("The date cannot be in the future."),
    )
    if decision != Decision.GRANTED and not handling.strip():
        raise DomainError(
            _("Explain why the request was not (fully) granted: the person must be told."),
            code="reason_required",
        )
    request.status = RequestStatus.HANDLED
    request.decision = decision
    request.handled_on = handled_on
    request.handling = handling.strip()
    request.handled_by = by
    request.save(update_fields=["status", "decision", "handled_on", "handling", "handled_by"])
    audit_record(
        actor=by,
        event=Event.SUBJECT_REQUEST_HANDLED,
        subject=request,
        new=audit_values(decision=decision, handled_on=handled_on, late=handled_on > request.due_on),
    )
    return request


def subject_of(request: DataSubjectRequest) -> YoungPerson | Parent | None:
    if request.subject_kind == SubjectKind.PARENT:
        return request.parent
    return request.young_person


@transaction.atomic
def access_export_record(*, request: DataSubjectRequest, by: User, fmt: str) -> None:
    """One audit row per access export made: it is a read of everything about the person."""
    require_handler(by)
    if request.kind != RequestKind.ACCESS:
        raise DomainError(_("Exports are made for access requests."), code="wrong_kind")
    if subject_of(request) is None or data_removed(request):
        raise DomainError(_("The data of this person have been removed."), code="data_removed")
    audit_record(actor=by, event=Event.SUBJECT_ACCESS_EXPORTED, subject=request, new={"format": fmt})


def data_removed(request: DataSubjectRequest) -> bool:
    person = subject_of(request)
    young_person = person.young_person if isinstance(person, Parent) else person
    return young_person is None or young_person.birth_date is None


@transaction.atomic
def subject_correct(*, request: DataSubjectRequest, by: User, changes: dict[str, Any]) -> list[str]:
    """Apply a granted correction to the person's details; returns the names of the fields changed.

    The audit row names the fields, not their old or new values: those are the personal data
    themselves, and the log is never emptied.
    """
    require_handler(by)
    request = _open(request)
    if request.kind != RequestKind.CORRECTION:
        raise DomainError(_("Details are corrected for a correction request."), code="wrong_kind")
    person = subject_of(request)
    if person is None or data_removed(request):
        raise DomainError(_("The data of this person have been removed."), code="data_removed")
    allowed = CORRECTABLE[request.subject_kind]
    changed = []
    for name, value in changes.items():
        if name not in allowed:
            raise DomainError(_("This detail cannot be corrected here."), code="invalid_field")
        if getattr(person, name) != value:
            setattr(person, name, value)
            changed.append(name)
    if isinstance(person, YoungPerson) and person.birth_date is None:
        raise DomainError(_("The date of birth is required."), code="date_required")
    if not changed:
        raise DomainError(_("Nothing was changed."), code="nothing_changed")
    person.save(update_fields=changed)
    audit_record(actor=by, event=Event.SUBJECT_CORRECTED, subject=request, new={"fields": changed})
    return changed


@transaction.atomic
def subject_erase(*, request: DataSubjectRequest, by: User) -> RetentionResult:
    """Erase the person's data as retention would, at once; the statistics stay as they were.

    A young person: every referral and intervention about them is emptied to the anonymous
    remnant (retention/services.py), their parents' rows go, their own row keeps no details.
    A parent: their row goes (with the consents they gave), their evaluations are emptied and
    their name is struck from the free text of the young person's file.
    Refused while a referral about the young person awaits triage or an intervention runs.
    """
    require_handler(by)
    request = _open(request)
    if request.kind != RequestKind.ERASURE:
        raise DomainError(_("Data are erased for an erasure request."), code="wrong_kind")
    person = subject_of(request)
    if person is None or data_removed(request):
        raise DomainError(_("The data of this person have already been removed."), code="data_removed")
    young_person = person.young_person if isinstance(person, Parent) else person
    running = open_cases(young_person)
    if running:
        raise DomainError(
            _("End these cases first (or reject or withdraw the referral): %(references)s.")
            % {"references": ", ".join(running)},
            code="cases_open",
        )
    result = RetentionResult()
    if isinstance(person, Parent):
        _parent_erase(person, result)
    else:
        referral_ids = list(
            Referral.objects.filter(young_person=person).order_by("pk").values_list("pk", flat=True)
        )
        result.referrals = len(referral_ids)
        result.young_people = 1
        referrals_strip(referral_ids, result, dry_run=False)
        young_people_strip([person.pk], result, dry_run=False)
    audit_record(actor=by, event=Event.SUBJECT_ERASED, subject=request, new=result.as_dict())
    return result


def _parent_erase(parent: Parent, result: RetentionResult) -> None:
    young_person = parent.young_person
    redact = Redactor(names=_names(parent), keep=_names(young_person))
    evaluations = Evaluation.objects.filter(parent=parent)
    result.evaluations_emptied = evaluations.count()
    EvaluationLink.objects.filter(evaluation__in=evaluations).delete()
    evaluations.exclude(quote_status=QuoteStatus.APPROVED).update(quote_text="")
    evaluations.update(first_name="", email="", open_answer="", parent=None)
    referrals = Referral.objects.filter(young_person=young_person)
    interventions = Intervention.objects.filter(referral__in=referrals)
    for rows in (
        referrals,
        interventions,
        ReferralStatusChange.objects.filter(referral__in=referrals),
        InterventionStatusChange.objects.filter(intervention__in=interventions),
        Victim.objects.filter(referral__in=referrals),
        *(model.objects.filter(intervention__in=interventions) for model in CASE_ROWS),
    ):
        result.case_records += _strike(rows, redact)
    result.parents = 1
    parent.delete()


def _strike(rows, redact: Redactor) -> int:
    """Strike the names `redact` knows from every free-text field of `rows`; how many rows changed."""
    fields = [
        field.name
        for field in rows.model._meta.concrete_fields
        if isinstance(field, CharField | TextField) and not field.choices
    ]
    changed_rows = 0
    for record in rows:
        changed = [name for name in fields if redact(getattr(record, name)) != getattr(record, name)]
        for name in changed:
            setattr(record, name, redact(getattr(record, name)))
        if changed:
            record.save(update_fields=changed)
            changed_rows += 1
    return changed_rows


def _names(person) -> set[str]:
    return {person.first_name, person.last_name, person.full_name} - {""}
