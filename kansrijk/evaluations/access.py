"""Who may review which evaluation quote: team leads of the evaluation's region (habit 4).

A quote someone may not review answers 404, like one that does not exist. The public answer
pages need no login: the link's token is the access decision (selectors.evaluation_for_link).
"""

from __future__ import annotations

import uuid as uuid_module

from django.db.models import QuerySet
from django.http import Http404

from kansrijk.accounts.constants import Role
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record

from .models import Evaluation


def evaluations_reviewable_by(user) -> QuerySet[Evaluation]:
    if user is None or not user.is_authenticated or not user.is_active:
        return Evaluation.objects.none()
    if user.role == Role.TEAM_LEAD and user.region_id is not None:
        return Evaluation.objects.filter(region_id=user.region_id)
    return Evaluation.objects.none()


def get_evaluation_for_reviewer(user, evaluation_uuid) -> Evaluation:
    try:
        key = uuid_module.UUID(str(evaluation_uuid))
    except ValueError:
        raise Http404 from None
    evaluation = evaluations_reviewable_by(user).filter(uuid=key).first()
    if evaluation is None:
        raise Http404
    audit_record(actor=user, event=Event.EVALUATION_VIEWED, subject=evaluation)
    return evaluation


def printable_evaluation_for_user(user, intervention, evaluation_uuid) -> Evaluation:
    """The young person's evaluation of an intervention the user may see (checked by the caller)."""
    try:
        key = uuid_module.UUID(str(evaluation_uuid))
    except ValueError:
        raise Http404 from None
    evaluation = intervention.evaluations.filter(uuid=key).first()
    if evaluation is None:
        raise Http404
    return evaluation
