"""Who may review which evaluation quote: team leads of the evaluation's region (habit 4).

A quote someone may not review answers 404, like one that does not exist. The public answer
pages need no login: the link's token is the access decision (selectors.evaluation_for_link).
"""

from __future__ import annotations

from django.db.models import QuerySet

from kansrijk.accounts.constants import Role
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.lookups import visible_or_404

from .models import Evaluation


def evaluations_reviewable_by(user) -> QuerySet[Evaluation]:
    if user is None or not user.is_authenticated or not user.is_active:
        return Evaluation.objects.none()
    if user.role == Role.TEAM_LEAD and user.region_id is not None:
        return Evaluation.objects.filter(region_id=user.region_id)
    return Evaluation.objects.none()


def get_evaluation_for_reviewer(user, evaluation_uuid) -> Evaluation:
    evaluation = visible_or_404(evaluations_reviewable_by(user), evaluation_uuid, user=user)
    audit_record(actor=user, event=Event.EVALUATION_VIEWED, subject=evaluation)
    return evaluation


def printable_evaluation_for_user(user, intervention, evaluation_uuid) -> Evaluation:
    """The young person's evaluation of an intervention the user may see (checked by the caller)."""
    return visible_or_404(intervention.evaluations.all(), evaluation_uuid, user=user)
