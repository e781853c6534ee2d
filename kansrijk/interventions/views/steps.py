"""The steps on the file: one form, one service and one address each (`STEPS`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from kansrijk.interventions import consent as consent_services

from .. import services
from ..forms import (
    AgreementForm,
    AssignForm,
    CareReferralForm,
    CareReportForm,
    CaseForm,
    CompleteForm,
    ComponentForm,
    ConsentForm,
    ConversationForm,
    NotStartedForm,
    ParentContactForm,
    PlanIntakeForm,
    ReopenForm,
    RestorationForm,
    StartForm,
    StopForm,
)


@dataclass(frozen=True)
class Step:
    """One step on the file: its form, its one service, and what the page says about it."""

    form: type[CaseForm]
    service: Callable[..., Any]
    path: str
    title: Promise
    button: Promise
    done: Promise
    group: str = "work"  # "work", "ending" or "team": where the file shows the form


# The keys are the workflow table's action names (`INTERVENTION_WORKFLOW.offered`); the order is
# the order on the page, roughly the order of the work.
STEPS: dict[str, Step] = {
    "plan_intake": Step(
        PlanIntakeForm,
        services.intervention_plan_intake,
        "intake-plannen",
        gettext_lazy("Plan the intake"),
        gettext_lazy("Plan intake"),
        gettext_lazy("The intake has been planned."),
    ),
    "start": Step(
        StartForm,
        services.intervention_start,
        "intake",
        gettext_lazy("Record the intake"),
        gettext_lazy("Record intake"),
        gettext_lazy("The intake has been recorded; the intervention is in progress."),
    ),
    "record_parent_contact": Step(
        ParentContactForm,
        services.intervention_record_parent_contact,
        "oudercontact",
        gettext_lazy("Record a parent contact"),
        gettext_lazy("Record contact"),
        gettext_lazy("The parent contact has been recorded."),
    ),
    "record_conversation": Step(
        ConversationForm,
        services.intervention_record_conversation,
        "gesprek",
        gettext_lazy("Record a follow-up or closing conversation"),
        gettext_lazy("Record conversation"),
        gettext_lazy("The conversation has been recorded."),
    ),
    "record_agreement": Step(
        AgreementForm,
        services.intervention_record_agreement,
        "afspraak",
        gettext_lazy("Record an agreement"),
        gettext_lazy("Record agreement"),
        gettext_lazy("The agreement has been recorded."),
    ),
    "plan_component": Step(
        ComponentForm,
        services.intervention_plan_component,
        "onderdeel",
        gettext_lazy("Plan a component"),
        gettext_lazy("Plan component"),
        gettext_lazy("The component has been planned."),
    ),
    "record_restoration": Step(
        RestorationForm,
        services.intervention_record_restoration,
        "herstel",
        gettext_lazy("Record a restoration action"),
        gettext_lazy("Record restoration"),
        gettext_lazy("The restoration action has been recorded."),
    ),
    "record_consent": Step(
        ConsentForm,
        consent_services.consent_record,
        "toestemming",
        gettext_lazy("Record consent"),
        gettext_lazy("Record consent"),
        gettext_lazy("The consent has been recorded."),
    ),
    "record_care_referral": Step(
        CareReferralForm,
        services.intervention_record_care_referral,
        "doorverwijzing",
        gettext_lazy("Record a referral to care"),
        gettext_lazy("Record referral"),
        gettext_lazy("The referral to care has been recorded."),
    ),
    "record_care_report": Step(
        CareReportForm,
        services.intervention_record_care_report,
        "zorgmelding",
        gettext_lazy("Record a care report"),
        gettext_lazy("Record care report"),
        gettext_lazy("The care report has been recorded."),
    ),
    "complete": Step(
        CompleteForm,
        services.intervention_complete,
        "afronden",
        gettext_lazy("Complete the intervention"),
        gettext_lazy("Complete"),
        gettext_lazy("The intervention has been completed."),
        group="ending",
    ),
    "stop": Step(
        StopForm,
        services.intervention_stop,
        "stoppen",
        gettext_lazy("Stop early"),
        gettext_lazy("Stop intervention"),
        gettext_lazy("The intervention has been stopped."),
        group="ending",
    ),
    "not_start": Step(
        NotStartedForm,
        services.intervention_not_started,
        "niet-gestart",
        gettext_lazy("Close as not started"),
        gettext_lazy("Close as not started"),
        gettext_lazy("The intervention has been closed as not started."),
        group="ending",
    ),
    "assign": Step(
        AssignForm,
        services.intervention_assign,
        "toewijzen",
        gettext_lazy("Assign to another professional"),
        gettext_lazy("Assign"),
        gettext_lazy("The intervention has been assigned."),
        group="team",
    ),
    "reopen": Step(
        ReopenForm,
        services.intervention_reopen,
        "heropenen",
        gettext_lazy("Reopen the file"),
        gettext_lazy("Reopen"),
        gettext_lazy("The file has been reopened."),
        group="team",
    ),
}
