"""The access export of a request: the JSON document, the readable PDF, and the page's summary."""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kansrijk.evaluations.models import Evaluation
from kansrijk.interventions.models import (
    Agreement,
    CareReferral,
    CareReport,
    Component,
    Consent,
    Conversation,
    Intervention,
    InterventionStatusChange,
    Note,
    ParentContact,
    RestorationAction,
)
from kansrijk.people.models import Parent, Victim, YoungPerson
from kansrijk.referrals.models import Referral

from .constants import SubjectKind
from .dossier import parent_dossier, printable, young_person_dossier
from .models import DataSubjectRequest

# Models whose field names label the export's keys, first match winning for a shared name.
LABELLED = (
    YoungPerson,
    Parent,
    Referral,
    Intervention,
    ParentContact,
    Conversation,
    Agreement,
    Component,
    RestorationAction,
    CareReferral,
    CareReport,
    Note,
    Consent,
    Evaluation,
    Victim,
    InterventionStatusChange,
)


def dossier_for(dsr: DataSubjectRequest) -> dict[str, Any]:
    # The callers check first that the person's data have not been removed.
    if dsr.subject_kind == SubjectKind.PARENT:
        assert dsr.parent is not None
        return parent_dossier(dsr.parent, request_reference=dsr.reference)
    assert dsr.young_person is not None
    return young_person_dossier(dsr.young_person, request_reference=dsr.reference)


def labels() -> dict[str, str]:
    result: dict[str, str] = {
        "label": _("Who"),
        "reasons": _("Reasons"),
        "victims": _("Victims"),
        "history": _("Status history"),
        "parent_contacts": _("Contacts with parents"),
        "conversations": _("Conversations"),
        "agreements": _("Agreements"),
        "components": _("Components"),
        "restoration_actions": _("Restorative actions"),
        "care_referrals": _("Referrals to care"),
        "care_reports": _("Care reports"),
        "notes": _("Notes"),
        "consents": _("Consents"),
        "person": _("Given by"),
        "intervention": _("Intervention"),
        "recorded_by": _("Recorded by"),
        "created_at": _("Recorded at"),
        "by": _("By"),
        "reason": _("Reason"),
        "at": _("When"),
        "from_status": _("Previous status"),
        "to_status": _("New status"),
        "score_1": _("Score 1"),
        "score_2": _("Score 2"),
        "score_3": _("Score 3"),
    }
    for model in LABELLED:
        for field in (*model._meta.concrete_fields, *model._meta.many_to_many):
            result.setdefault(field.name, capfirst(str(field.verbose_name)))
    return result


def field_labels(person, names: list[str]) -> list[str]:
    return [str(person._meta.get_field(name).verbose_name) for name in names]


def summary(dsr: DataSubjectRequest) -> dict[str, int]:
    """How much the export holds, for the request's page: counts, no content."""
    dossier = dossier_for(dsr)
    return {
        "referrals": len(dossier.get("referrals", [])),
        "interventions": len(dossier.get("interventions", [])),
        "audit": len(dossier["audit"]),
    }


def dossier_html(dsr: DataSubjectRequest, dossier: dict[str, Any]) -> str:
    return render_to_string(
        "rights/access_export.html",
        {"dsr": dsr, "dossier": dossier, "sections": printable(dossier, labels()), "audit": dossier["audit"]},
    )


def dossier_pdf(dsr: DataSubjectRequest, dossier: dict[str, Any]) -> bytes:
    import weasyprint  # imported here: loading Pango costs time every other request can skip

    return weasyprint.HTML(string=dossier_html(dsr, dossier)).write_pdf()
