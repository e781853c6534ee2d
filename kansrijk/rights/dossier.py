"""Everything Kansrijk holds about one person, as an access export gives it (AVG article 15).

`young_person_dossier` and `parent_dossier` gather the person's own data, every referral,
intervention, record, consent and evaluation about them, and every audit row about those
objects, into one nested dict with English keys (the JSON export) whose values are what a
reader needs: choice labels rather than codes, dates as dates. `printable` turns that dict into
the sections of the readable PDF.

Other people stay out: parents and carers appear as "Parent or carer 1" with their relation,
victims as "Victim 1", staff and referrers by their role, and free text goes through the
`Redactor` (redaction.py). IP addresses in the audit rows are the staff's, not the person's,
and are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Field, Model, Prefetch
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.audit.events import event_label
from kansrijk.audit.models import AuditEvent
from kansrijk.evaluations.constants import Respondent
from kansrijk.evaluations.models import Evaluation
from kansrijk.interventions.models import Consent, Conversation, Intervention, ParentContact
from kansrijk.people.models import Parent, YoungPerson
from kansrijk.referrals.models import Referral

from .constants import SubjectKind
from .models import DataSubjectRequest
from .redaction import Redactor

PERSON_FIELDS = (
    "first_name",
    "last_name",
    "birth_date",
    "gender",
    "phone",
    "email",
    "address_area",
    "school_class",
    "external_id",
)
PARENT_FIELDS = ("first_name", "last_name", "relation", "has_parental_authority", "phone", "email")
REFERRAL_FIELDS = (
    "reference",
    "type",
    "status",
    "referral_date",
    "incident_date",
    "organisation",
    "referrer_kind",
    "referred_by",
    "school",
    "municipality",
    "neighbourhood",
    "description",
    "has_victim",
    "youth_informed",
    "parents_informed",
    "other_care_involved",
    "other_care_description",
    "rejection_reason",
    "rejection_note",
)
INTERVENTION_FIELDS = (
    "reference",
    "type",
    "status",
    "region",
    "municipality",
    "school",
    "neighbourhood",
    "professional",
    "referral_date",
    "accepted_at",
    "intake_planned_at",
    "intake_date",
    "end_date",
    "outcome",
    "stop_reason",
    "not_started_reason",
    "end_note",
)
# The records of a file: (key of the export, related name, fields shown).
RECORDS = (
    ("parent_contacts", "parent_contacts", ("date", "mode", "parent", "note")),
    (
        "conversations",
        "conversations",
        ("date", "kind", "place", "youth_took_part", "parents", "others", "summary"),
    ),
    ("agreements", "agreements", ("description", "due_date", "kept")),
    ("components", "components", ("kind", "status", "planned_date", "done_date", "note")),
    ("restoration_actions", "restoration_actions", ("date", "kind", "victim_involved", "note")),
    ("care_referrals", "care_referrals", ("date", "kind", "organisation", "meldcode_ground", "note")),
    ("care_reports", "care_reports", ("date", "receiving_body", "note")),
    ("notes", "notes", ("created_at", "text")),
)
EVALUATION_FIELDS = (
    "respondent",
    "invited_at",
    "answered_at",
    "score_1",
    "score_2",
    "score_3",
    "open_answer",
    "consent_to_quote",
    "quote_status",
    "quote_text",
)
CONSENT_FIELDS = ("purpose", "person", "given_on", "withdrawn_on")


class Labeller:
    """Names what the export may not show by name: people by role, objects by reference."""

    def __init__(self, parents: list[Parent], subject: Model):
        self.subject = subject
        self.parents = {
            parent.pk: _("Parent or carer %(number)d") % {"number": number}
            for number, parent in enumerate(parents, start=1)
        }

    def parent(self, parent: Parent | None) -> str:
        if parent is None:
            return ""
        if parent == self.subject:
            return _("you")
        return self.parents.get(parent.pk, _("a parent or carer"))

    def person(self, consent: Consent) -> str:
        if consent.young_person_id is not None:
            return _("you") if consent.young_person == self.subject else _("the young person")
        return self.parent(consent.parent)

    @staticmethod
    def user(user: User | None) -> str:
        if user is None:
            return ""
        return str(Role(user.role).label) if user.role in Role.values else _("employee")


def young_person_dossier(person: YoungPerson, *, request_reference: str = "") -> dict[str, Any]:
    parents = list(person.parents.all())
    labeller = Labeller(parents, person)
    referrals = list(_referrals(person))
    interventions = list(_interventions(referrals))
    evaluations = list(
        Evaluation.objects.filter(intervention__in=interventions, respondent=Respondent.YOUNG_PERSON)
    )
    texts = _free_texts(referrals, interventions, evaluations)
    redact = Redactor(names=_names_around(parents, referrals, interventions), keep=_own_names(person))
    redact = redact.with_names_held(texts)
    requests = DataSubjectRequest.objects.filter(young_person=person, subject_kind=SubjectKind.YOUNG_PERSON)
    subjects = [person, *referrals, *interventions, *evaluations, *_consents(interventions), *requests]
    return {
        "export": _heading(_("Young person"), request_reference),
        "person": _record(person, PERSON_FIELDS, redact=None),
        "parents": [
            {
                "label": labeller.parent(parent),
                **_record(parent, ("relation", "has_parental_authority"), redact=redact),
            }
            for parent in parents
        ],
        "referrals": [_referral(referral, labeller, redact) for referral in referrals],
        "interventions": [_intervention(item, labeller, redact) for item in interventions],
        "evaluations": [_record(item, EVALUATION_FIELDS, redact=redact) for item in evaluations],
        "audit": _audit(subjects, labeller, redact),
    }


def parent_dossier(parent: Parent, *, request_reference: str = "") -> dict[str, Any]:
    """A parent's own data: their details, the consents they gave, the contacts and talks with them.

    The young person's file is the young person's data; a parent with parental authority asks
    for it on the young person's behalf (a request about the young person).
    """
    person = parent.young_person
    parents = list(person.parents.all())
    labeller = Labeller(parents, parent)
    interventions = list(
        Intervention.objects.filter(referral__young_person=person).order_by("referral_date", "id")
    )
    contacts = list(
        ParentContact.objects.filter(intervention__in=interventions, parent=parent)
        .select_related("intervention")
        .order_by("date", "id")
    )
    conversations = list(
        Conversation.objects.filter(intervention__in=interventions, parents=parent)
        .select_related("intervention")
        .distinct()
    )
    consents = list(Consent.objects.filter(parent=parent).select_related("intervention"))
    evaluations = list(Evaluation.objects.filter(parent=parent))
    texts = (
        [c.note for c in contacts] + [c.place for c in conversations] + [e.open_answer for e in evaluations]
    )
    redact = Redactor(
        names=_names_around(parents, [], interventions) | _own_names(person), keep=_own_names(parent)
    )
    redact = redact.with_names_held(texts)
    audit_rows = _audit(
        [parent, *evaluations, *DataSubjectRequest.objects.filter(parent=parent)],
        labeller,
        redact,
        mentioning=str(parent.uuid),
        about=interventions,
    )
    return {
        "export": _heading(_("Parent or carer"), request_reference),
        "person": _record(parent, PARENT_FIELDS, redact=None),
        "consents": [
            {
                "intervention": consent.intervention.reference,
                **_record(consent, CONSENT_FIELDS, labeller=labeller),
            }
            for consent in consents
        ],
        "parent_contacts": [
            {"intervention": c.intervention.reference, **_record(c, ("date", "mode", "note"), redact=redact)}
            for c in contacts
        ],
        "conversations": [
            {"intervention": c.intervention.reference, **_record(c, ("date", "kind", "place"), redact=redact)}
            for c in conversations
        ],
        "evaluations": [_record(item, EVALUATION_FIELDS, redact=redact) for item in evaluations],
        "audit": audit_rows,
    }


def _heading(about: str, request_reference: str) -> dict[str, Any]:
    return {
        "generated_at": timezone.localtime(),
        "request": request_reference,
        "about": about,
        "notice": _(
            "Names of other people are replaced by their role, or by [name removed] where they "
            "stood in a text."
        ),
    }


def _referrals(person: YoungPerson):
    return (
        Referral.objects.filter(young_person=person)
        .select_related("organisation", "referred_by", "school", "municipality", "neighbourhood")
        .prefetch_related("reasons", "victims", "history__by")
        .order_by("referral_date", "id")
    )


def _interventions(referrals: list[Referral]):
    prefetches = [related for _key, related, _fields in RECORDS]
    return (
        Intervention.objects.filter(referral__in=referrals)
        .select_related("region", "municipality", "school", "neighbourhood", "professional")
        .prefetch_related(
            *prefetches,
            "parent_contacts__parent",
            "conversations__parents",
            "history__by",
            Prefetch("consents", queryset=Consent.objects.select_related("young_person", "parent")),
        )
        .order_by("referral_date", "id")
    )


def _consents(interventions: list[Intervention]) -> list[Consent]:
    return [consent for item in interventions for consent in item.consents.all()]


def _own_names(person) -> set[str]:
    return {person.first_name, person.last_name, person.full_name} - {""}


def _names_around(parents, referrals, interventions) -> set[str]:
    """The names of the other people in this person's file, whatever their capitalisation there."""
    names: set[str] = set()
    for parent in parents:
        names |= _own_names(parent)
    for referral in referrals:
        names.update(victim.name for victim in referral.victims.all())
        if referral.referred_by is not None:
            names |= _user_names(referral.referred_by)
    for item in interventions:
        if item.professional is not None:
            names |= _user_names(item.professional)
    return names


def _user_names(user: User) -> set[str]:
    return {user.first_name, user.last_name, user.get_full_name(), user.get_username()} - {""}


def _free_texts(referrals, interventions, evaluations) -> list[str]:
    texts = []
    for referral in referrals:
        texts += [referral.description, referral.other_care_description, referral.rejection_note]
        texts += [change.reason for change in referral.history.all()]
    for item in interventions:
        texts += [item.end_note] + [change.reason for change in item.history.all()]
        for _key, related, fields in RECORDS:
            for record in getattr(item, related).all():
                texts += [getattr(record, name) for name in fields if isinstance(getattr(record, name), str)]
    texts += [evaluation.open_answer for evaluation in evaluations]
    texts += [evaluation.quote_text for evaluation in evaluations]
    return texts


def _referral(referral: Referral, labeller: Labeller, redact: Redactor) -> dict[str, Any]:
    return {
        **_record(referral, REFERRAL_FIELDS, redact=redact, labeller=labeller),
        "reasons": [str(reason.get_code_display()) for reason in referral.reasons.all()],
        "victims": [
            {
                "label": _("Victim %(number)d") % {"number": number},
                **_record(victim, ("is_organisation",)),
            }
            for number, victim in enumerate(referral.victims.all(), start=1)
        ],
        "history": [_change(change, labeller, redact) for change in referral.history.all()],
    }


def _intervention(item: Intervention, labeller: Labeller, redact: Redactor) -> dict[str, Any]:
    result = _record(item, INTERVENTION_FIELDS, redact=redact, labeller=labeller)
    result["history"] = [_change(change, labeller, redact) for change in item.history.all()]
    for key, related, fields in RECORDS:
        result[key] = [
            _record(record, (*fields, "recorded_by"), redact=redact, labeller=labeller)
            for record in getattr(item, related).all()
        ]
    result["consents"] = [
        _record(consent, CONSENT_FIELDS, labeller=labeller) for consent in item.consents.all()
    ]
    return result


def _change(change, labeller: Labeller, redact: Redactor) -> dict[str, Any]:
    return {
        "at": timezone.localtime(change.at),
        "from_status": str(change.get_from_status_display()) if change.from_status else "",
        "to_status": str(change.get_to_status_display()),
        "by": labeller.user(change.by),
        "reason": redact(change.reason),
    }


def _record(
    instance: Model,
    fields: tuple[str, ...],
    *,
    redact: Redactor | None = None,
    labeller: Labeller | None = None,
) -> dict[str, Any]:
    """`fields` of `instance` as a reader sees them: labels for choices, roles for people."""
    result: dict[str, Any] = {}
    for name in fields:
        if name == "person":  # a consent's giver
            assert labeller is not None and isinstance(instance, Consent)
            result[name] = labeller.person(instance)
            continue
        model_field = instance._meta.get_field(name)
        if model_field.many_to_many:
            assert labeller is not None
            result[name] = [labeller.parent(parent) for parent in getattr(instance, name).all()]
        elif model_field.is_relation:
            related = getattr(instance, name)
            if isinstance(related, User):
                assert labeller is not None
                result[name] = labeller.user(related)
            elif isinstance(related, Parent):
                assert labeller is not None
                result[name] = labeller.parent(related)
            else:
                result[name] = str(related) if related is not None else ""
        elif isinstance(model_field, Field) and model_field.choices:
            value = getattr(instance, name)
            result[name] = str(getattr(instance, f"get_{name}_display")()) if value else ""
        else:
            value = getattr(instance, name)
            if isinstance(value, str) and redact is not None:
                value = redact(value)
            elif isinstance(value, dt.datetime):
                value = timezone.localtime(value)
            result[name] = value
    return result


def _audit(
    subjects: list[Model],
    labeller: Labeller,
    redact: Redactor,
    *,
    mentioning: str = "",
    about: Sequence[Intervention] = (),
) -> list[dict[str, Any]]:
    """The audit rows about `subjects`, and those about `about` whose values mention `mentioning`."""
    keys = {(obj._meta.label_lower, str(getattr(obj, "uuid", obj.pk))) for obj in subjects}
    rows = list(AuditEvent.objects.filter(subject_id__in={key for _type, key in keys}).order_by("at", "id"))
    rows = [row for row in rows if (row.subject_type, row.subject_id) in keys]
    if mentioning and about:
        about_ids = [str(obj.uuid) for obj in about]
        for row in AuditEvent.objects.filter(subject_id__in=about_ids).order_by("at", "id"):
            if mentioning in str(row.old) or mentioning in str(row.new):
                rows.append(row)
        rows.sort(key=lambda row: (row.at, row.id))
    actors = User.objects.in_bulk({row.actor_id for row in rows if row.actor_id})
    names = {
        (obj._meta.label_lower, str(getattr(obj, "uuid", obj.pk))): _object_name(obj, labeller)
        for obj in [*subjects, *about]
    }
    return [
        {
            "at": timezone.localtime(row.at),
            "event": str(event_label(row.event)),
            "event_code": row.event,
            "by": labeller.user(actors.get(row.actor_id)) or pgettext("audit actor", "the system"),
            "object": names.get((row.subject_type, row.subject_id), ""),
            "old": redact.scrub(row.old),
            "new": redact.scrub(row.new),
        }
        for row in rows
    ]


def _object_name(obj: Model, labeller: Labeller) -> str:
    if isinstance(obj, Referral):
        return _("referral %(reference)s") % {"reference": obj.reference}
    if isinstance(obj, Intervention):
        return _("intervention %(reference)s") % {"reference": obj.reference}
    if isinstance(obj, Evaluation):
        return _("evaluation")
    if isinstance(obj, Consent):
        return _("consent")
    if isinstance(obj, DataSubjectRequest):
        return _("privacy request %(reference)s") % {"reference": obj.reference}
    if isinstance(obj, Parent):
        return labeller.parent(obj)
    if obj == labeller.subject:
        return _("your details")
    return str(capfirst(obj._meta.verbose_name))


@dataclass
class Group:
    title: str
    records: list[list[tuple[str, Any]]] = field(default_factory=list)


@dataclass
class Section:
    title: str
    fields: list[tuple[str, Any]] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)


def printable(dossier: dict[str, Any], labels: dict[str, str]) -> list[Section]:
    """The dossier as the PDF's sections: each object a list of (label, value), nested one deep."""
    sections = [Section(_("Your details"), _pairs(dossier["person"], labels))]
    for key, title in (
        ("parents", _("Parents and carers")),
        ("consents", _("Consents you gave")),
        ("parent_contacts", _("Contacts with you")),
        ("conversations", _("Conversations you took part in")),
        ("evaluations", _("Evaluations")),
    ):
        if dossier.get(key):
            sections.append(
                Section(title, groups=[Group("", [_pairs(item, labels) for item in dossier[key]])])
            )
    for key, title in (
        ("referrals", _("Referral %(reference)s")),
        ("interventions", _("Intervention %(reference)s")),
    ):
        for item in dossier.get(key, []):
            flat = {
                name: value
                for name, value in item.items()
                if not isinstance(value, list) or name == "reasons"
            }
            section = Section(title % {"reference": item["reference"]}, _pairs(flat, labels))
            for name, value in item.items():
                if isinstance(value, list) and name != "reasons" and value:
                    section.groups.append(
                        Group(labels.get(name, name), [_pairs(row, labels) for row in value])
                    )
            sections.append(section)
    return sections


def _pairs(item: dict[str, Any], labels: dict[str, str]) -> list[tuple[str, Any]]:
    return [(labels.get(name, capfirst(name.replace("_", " "))), value) for name, value in item.items()]
