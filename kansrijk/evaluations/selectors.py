"""Reads of evaluations: the link behind a token, the quotes to review, the factsheet figures."""

from __future__ import annotations

import hmac
import uuid as uuid_module
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Aggregate, Avg, Count, Q, QuerySet
from django.utils import timezone

from kansrijk.core.figures import percentage
from kansrijk.core.tokens import token_hash

from .constants import QUOTES_PER_RESPONDENT, SCORE_FIELDS, QuoteStatus, Respondent, questions_for
from .models import Evaluation, EvaluationLink

VALID, ANSWERED, EXPIRED, UNKNOWN = "valid", "answered", "expired", "unknown"


@dataclass(frozen=True)
class LinkState:
    state: str
    evaluation: Evaluation | None = None


def evaluation_for_link(*, evaluation_uuid, token: str, now=None) -> LinkState:
    """What a link leads to: a valid invitation, one already answered or expired, or nothing.

    The token must be one of this evaluation's links: a token of another evaluation (another
    intervention, another respondent) is unknown here. Only a matching token reveals anything
    about the evaluation, so a guessed address says nothing about what exists.
    """
    now = now or timezone.now()
    try:
        key = uuid_module.UUID(str(evaluation_uuid))
    except ValueError:
        return LinkState(UNKNOWN)
    link = (
        EvaluationLink.objects.select_related("evaluation").filter(token_hash=token_hash(token or "")).first()
    )
    if link is None or not hmac.compare_digest(str(link.evaluation.uuid), str(key)):
        return LinkState(UNKNOWN)
    evaluation = link.evaluation
    if evaluation.is_answered:
        return LinkState(ANSWERED, evaluation)
    if evaluation.has_expired(now):
        return LinkState(EXPIRED, evaluation)
    return LinkState(VALID, evaluation)


def quotes_to_review(evaluations: QuerySet[Evaluation]) -> QuerySet[Evaluation]:
    return evaluations.filter(quote_status=QuoteStatus.PENDING, consent_to_quote=True).order_by(
        "answered_at", "id"
    )


def quotes_reviewed(evaluations: QuerySet[Evaluation], *, limit: int = 20) -> QuerySet[Evaluation]:
    return evaluations.filter(
        quote_status__in=[QuoteStatus.APPROVED, QuoteStatus.REJECTED], consent_to_quote=True
    ).order_by("-quote_reviewed_at", "-id")[:limit]


def evaluation_figures(*, period, scope) -> dict:
    """The factsheet's `evaluations` and `quotes` for a school year and scope.

    Plain aggregates over the evaluation tables alone, filtered on their own copies of the
    referral date and scope (indexes `evaluation_period`, `evaluation_score_period`): no join
    to the interventions or any case content. Means are exact here (one decimal); the
    published formats hide a mean of fewer than 5 answers.
    """
    in_period = Q(scope.filter(), referral_date__gte=period.first_day, referral_date__lte=period.last_day)
    # Count a column of the index, not the primary key: the scan then stays index-only.
    per_score: dict[str, Aggregate] = {}
    for name in SCORE_FIELDS:
        per_score[f"{name}_answers"] = Count(name)
        per_score[f"{name}_mean"] = Avg(name)
    rows = {
        row["respondent"]: row
        for row in Evaluation.objects.filter(in_period)
        .order_by()
        .values("respondent")
        .annotate(invited=Count("respondent"), responded=Count("answered_at"), **per_score)
    }
    evaluations = {}
    for respondent in Respondent.values:
        row = rows.get(respondent, {})
        questions = {}
        for question, name in zip(questions_for(respondent), SCORE_FIELDS, strict=False):
            answers = row.get(f"{name}_answers", 0)
            mean = row.get(f"{name}_mean")
            questions[question.code] = {
                "answers": answers,
                "mean": _one_decimal(mean) if answers else None,
            }
        invited, responded = row.get("invited", 0), row.get("responded", 0)
        evaluations[respondent] = {
            "invited": invited,
            "responded": responded,
            "response_rate_pct": percentage(responded, invited),
            "questions": questions,
        }
    quotes: dict[str, list[str]] = {respondent: [] for respondent in Respondent.values}
    # The earliest approved first: a quote approved later does not push out one already published.
    approved = Evaluation.objects.filter(
        in_period, quote_status=QuoteStatus.APPROVED, consent_to_quote=True
    ).order_by("quote_reviewed_at", "id")
    for respondent in Respondent.values:
        quotes[respondent] = list(
            approved.filter(respondent=respondent).values_list("quote_text", flat=True)[
                :QUOTES_PER_RESPONDENT
            ]
        )
    return {"evaluations": evaluations, "quotes": quotes}


def _one_decimal(value) -> float:
    return float(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
