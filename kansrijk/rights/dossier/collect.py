"""Gathering one person's dossier: their data and everything about them, as one nested dict.

`young_person_dossier` and `parent_dossier` collect the person's own data, every referral,
intervention, record, consent and evaluation about them, and every audit row about those
objects (audit.py), with each object given as its reader sees it (values.py).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.accounts.models import User
from kansrijk.evaluations.constants import Respondent
from kansrijk.evaluations.models import Evaluation
from kansrijk.interventions.models import Consent, Conversation, Intervention, ParentContact
from kansrijk.people.models import Parent, YoungPerson
from kansrijk.referrals.models import Referral

from ..constants import SubjectKind
from ..models import DataSubjectRequest
from ..redaction import Redactor
from .audit import audit_entries
from .fields import (
    CONSENT_FIELDS,
    EVALUATION_FIELDS,
    INTERVENTION_FIELDS,
    PARENT_FIELDS,
    PERSON_FIELDS,
    RECORDS,
    REFERRAL_FIELDS,
)
from .values import Labeller, record_values, status_change


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
        "person": record_values(person, PERSON_FIELDS, redact=None),
        "parents": [
            {
                "label": labeller.parent(parent),
                **record_values(parent, ("relation", "has_parental_authority"), redact=redact),
            }
            for parent in parents
        ],
        "referrals": [_referral(referral, labeller, redact) for referral in referrals],
        "interventions": [_intervention(item, labeller, redact) for item in interventions],
        "evaluations": [record_values(item, EVALUATION_FIELDS, redact=redact) for item in evaluations],
        "audit": audit_entries(subjects, labeller, redact),
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
    audit_rows = audit_entries(
        [parent, *evaluations, *DataSubjectRequest.objects.filter(parent=parent)],
        labeller,
        redact,
        mentioning=str(parent.uuid),
        about=interventions,
    )
    return {
        "export": _heading(_("Parent or carer"), request_reference),
        "person": record_values(parent, PARENT_FIELDS, redact=None),
        "consents": [
            {
                "intervention": consent.intervention.reference,
                **record_values(consent, CONSENT_FIELDS, labeller=labeller),
            }
            for consent in consents
        ],
        "parent_contacts": [
            {
                "intervention": c.intervention.reference,
                **record_values(c, ("date", "mode", "note"), redact=redact),
            }
            for c in contacts
        ],
        "conversations": [
            {
                "intervention": c.intervention.reference,
                **record_values(c, ("date", "kind", "place"), redact=redact),
            }
            for c in conversations
        ],
        "evaluations": [record_values(item, EVALUATION_FIELDS, redact=redact) for item in evaluations],
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
        **record_values(referral, REFERRAL_FIELDS, redact=redact, labeller=labeller),
        "reasons": [str(reason.get_code_display()) for reason in referral.reasons.all()],
        "victims": [
            {
                "label": _("Victim %(number)d") % {"number": number},
                **record_values(victim, ("is_organisation",)),
            }
            for number, victim in enumerate(referral.victims.all(), start=1)
        ],
        "history": [status_change(change, labeller, redact) for change in referral.history.all()],
    }


def _intervention(item: Intervention, labeller: Labeller, redact: Redactor) -> dict[str, Any]:
    result = record_values(item, INTERVENTION_FIELDS, redact=redact, labeller=labeller)
    result["history"] = [status_change(change, labeller, redact) for change in item.history.all()]
    for key, related, fields in RECORDS:
        result[key] = [
            record_values(record, (*fields, "recorded_by"), redact=redact, labeller=labeller)
            for record in getattr(item, related).all()
        ]
    result["consents"] = [
        record_values(consent, CONSENT_FIELDS, labeller=labeller) for consent in item.consents.all()
    ]
    return result
