"""The only write path for evaluations: inviting, reminding, answering and reviewing quotes.

Invitations are created by the intervention's ending services (complete, stop) in their own
transaction; the e-mails go out once that transaction commits, so a rolled-back ending sends
nothing. Tokens exist in memory only until they are in the e-mail or on the printed page.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kansrijk.accounts.models import User
from kansrijk.accounts.policy import TEAM_LEAD_OF_REGION
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record, audit_values
from kansrijk.core.errors import DomainError
from kansrijk.core.tokens import new_token, token_hash
from kansrijk.interventions.consent import consent_in_effect
from kansrijk.interventions.constants import ConsentPurpose
from kansrijk.outbox.constants import MailKind
from kansrijk.outbox.services import mail_enqueue

from .constants import (
    LINK_VALID_FOR,
    REMINDER_AFTER,
    SCALE,
    SCORE_FIELDS,
    LinkPurpose,
    QuoteStatus,
    Respondent,
    questions_for,
)
from .models import Evaluation, EvaluationLink

# E-mails to respondents are in Dutch: they are not Kansrijk users with a language of their own.
MAIL_LANGUAGE = "nl"
logger = logging.getLogger(__name__)
QUOTE_MAX_LENGTH = 600


@transaction.atomic
def invite_on_ending(sender, *, intervention, by: User | None, **kwargs) -> None:
    """The receiver of `intervention_ended`: invite the respondents of the ended intervention."""
    evaluations_invite(intervention=intervention, by=by)


def evaluations_invite(*, intervention, by: User | None, now: dt.datetime | None = None) -> list[Evaluation]:
    """Invite the referring professional, the young person and each parent with an e-mail address.

    The young person is always invited: without an e-mail address the professional hands over
    a printed invitation. A respondent invited before (an intervention ended, reopened and ended
    again) is not invited twice. Returns the new evaluations.

    The referrer is invited only while the consent to share feedback with the referrer is in
    effect: an invitation tells that the intervention ended, and even that is feedback.
    """
    now = now or timezone.now()
    referral = intervention.referral
    young_person = referral.young_person
    wanted: list[dict] = []
    referrer = referral.referred_by
    if (
        referrer is not None
        and referrer.email
        and consent_in_effect(intervention=intervention, purpose=ConsentPurpose.SHARE_WITH_REFERRER)
    ):
        wanted.append(
            {
                "respondent": Respondent.PROFESSIONAL,
                "first_name": referrer.first_name,
                "email": referrer.email,
            }
        )
    wanted.append(
        {
            "respondent": Respondent.YOUNG_PERSON,
            "first_name": young_person.first_name,
            "email": young_person.email,
        }
    )
    for parent in young_person.parents.all():
        if parent.email:
            wanted.append(
                {
                    "respondent": Respondent.PARENT,
                    "parent": parent,
                    "first_name": parent.first_name,
                    "email": parent.email,
                }
            )
    existing = set(intervention.evaluations.values_list("respondent", "parent_id"))
    created = []
    for fields in wanted:
        parent = fields.get("parent")
        if (fields["respondent"], parent.pk if parent else None) in existing:
            continue
        evaluation = Evaluation.objects.create(
            intervention=intervention,
            referral_date=intervention.referral_date,
            region_id=intervention.region_id,
            municipality_id=intervention.municipality_id,
            school_id=intervention.school_id,
            invited_at=now,
            **fields,
        )
        created.append(evaluation)
        if evaluation.email:
            token = _link(evaluation, LinkPurpose.EMAIL, now)
            _mail(evaluation, token, reminder=False)
    if created:
        audit_record(
            actor=by,
            event=Event.EVALUATIONS_INVITED,
            subject=intervention,
            new=audit_values(evaluations=created, respondents=[e.respondent for e in created]),
        )
    return created


@transaction.atomic
def evaluation_print_link(*, evaluation: Evaluation, by: User, now: dt.datetime | None = None) -> str:
    """A new link for a printed invitation; returns its token (shown once, on the page)."""
    now = now or timezone.now()
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.is_answered:
        raise DomainError(_("This evaluation has already been filled in."), code="answered")
    if evaluation.has_expired(now):
        raise DomainError(_("This invitation has expired."), code="expired")
    token = _link(evaluation, LinkPurpose.PRINT, now)
    audit_record(
        actor=by,
        event=Event.EVALUATION_PRINTED,
        subject=evaluation.intervention,
        new=audit_values(evaluation=evaluation),
    )
    return token


def evaluations_remind(*, now: dt.datetime | None = None) -> int:
    """Send the one reminder to every invitation unanswered after 7 days; returns how many.

    Idempotent: an evaluation is reminded once (reminded_at), so running this hourly or daily
    sends each reminder once. Each reminder is its own short transaction that marks the
    evaluation reminded and writes the message to the outbox: no row lock is held while a mail
    server is talked to (the outbox worker does that), so an answer arriving meanwhile is stored.
    """
    now = now or timezone.now()
    due = Evaluation.objects.filter(
        answered_at__isnull=True,
        reminded_at__isnull=True,
        invited_at__lte=now - REMINDER_AFTER,
        invited_at__gt=now - LINK_VALID_FOR,
    ).exclude(email="")
    sent = 0
    for pk in due.values_list("pk", flat=True).order_by("pk"):
        with transaction.atomic():
            evaluation = Evaluation.objects.select_for_update().get(pk=pk)
            if evaluation.reminded_at is not None or evaluation.answered_at is not None:
                continue
            token = _link(evaluation, LinkPurpose.REMINDER, now)
            evaluation.reminded_at = now
            evaluation.save(update_fields=["reminded_at"])
            audit_record(actor=None, event=Event.EVALUATION_REMINDED, subject=evaluation)
            _mail(evaluation, token, reminder=True)
        sent += 1
    return sent


@transaction.atomic
def evaluation_answer(
    *,
    evaluation: Evaluation,
    scores: Mapping[str, int],
    open_answer: str = "",
    consent_to_quote: bool = False,
    now: dt.datetime | None = None,
) -> Evaluation:
    """Store the answer: once, before the link expires, with a score for every question."""
    now = now or timezone.now()
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.is_answered:
        raise DomainError(_("This evaluation has already been filled in."), code="answered")
    if evaluation.has_expired(now):
        raise DomainError(_("This invitation has expired."), code="expired")
    codes = [question.code for question in questions_for(evaluation.respondent)]
    if set(scores) != set(codes):
        raise DomainError(_("Answer every question."), code="scores_required")
    if any(scores[code] not in SCALE for code in codes):
        raise DomainError(_("Choose an answer from 1 to 5."), code="invalid_score")
    open_answer = (open_answer or "").strip()
    for question, name in zip(questions_for(evaluation.respondent), SCORE_FIELDS, strict=False):
        setattr(evaluation, name, scores[question.code])
    evaluation.answered_at = now
    evaluation.open_answer = open_answer
    evaluation.consent_to_quote = bool(consent_to_quote)
    # Without consent an open answer is never a quote: it is not even offered for review.
    quotable = bool(open_answer) and evaluation.consent_to_quote
    evaluation.quote_status = QuoteStatus.PENDING if quotable else QuoteStatus.NONE
    evaluation.quote_text = open_answer if quotable else ""
    evaluation.save(
        update_fields=[
            "answered_at",
            "open_answer",
            "consent_to_quote",
            "quote_status",
            "quote_text",
            *SCORE_FIELDS,
        ]
    )
    audit_record(
        actor=None,
        event=Event.EVALUATION_ANSWERED,
        subject=evaluation,
        new=audit_values(consent_to_quote=evaluation.consent_to_quote, quote_status=evaluation.quote_status),
    )
    return evaluation


@transaction.atomic
def evaluation_quote_approve(*, evaluation: Evaluation, by: User, text: str) -> Evaluation:
    """A team lead of the region approves the quote, in the anonymised wording `text`."""
    evaluation = _lock_for_review(evaluation, by)
    text = (text or "").strip()
    if not text:
        raise DomainError(_("The quote is empty."), code="text_required")
    if len(text) > QUOTE_MAX_LENGTH:
        raise DomainError(_("The quote is too long (at most 600 characters)."), code="text_too_long")
    old = audit_values(quote_status=evaluation.quote_status)
    evaluation.quote_status = QuoteStatus.APPROVED
    evaluation.quote_text = text
    evaluation.quote_reviewed_by = by
    evaluation.quote_reviewed_at = timezone.now()
    evaluation.save(update_fields=["quote_status", "quote_text", "quote_reviewed_by", "quote_reviewed_at"])
    audit_record(
        actor=by,
        event=Event.EVALUATION_QUOTE_APPROVED,
        subject=evaluation,
        old=old,
        new=audit_values(quote_status=evaluation.quote_status, edited=text != evaluation.open_answer),
    )
    return evaluation


@transaction.atomic
def evaluation_quote_reject(*, evaluation: Evaluation, by: User) -> Evaluation:
    """A team lead of the region decides the quote is not used (nor shown again for review)."""
    evaluation = _lock_for_review(evaluation, by)
    old = audit_values(quote_status=evaluation.quote_status)
    evaluation.quote_status = QuoteStatus.REJECTED
    evaluation.quote_reviewed_by = by
    evaluation.quote_reviewed_at = timezone.now()
    evaluation.save(update_fields=["quote_status", "quote_reviewed_by", "quote_reviewed_at"])
    audit_record(
        actor=by,
        event=Event.EVALUATION_QUOTE_REJECTED,
        subject=evaluation,
        old=old,
        new=audit_values(quote_status=evaluation.quote_status),
    )
    return evaluation


# --- helpers -------------------------------------------------------------------------------


def _lock_for_review(evaluation: Evaluation, by: User) -> Evaluation:
    evaluation = Evaluation.objects.select_for_update().get(pk=evaluation.pk)
    TEAM_LEAD_OF_REGION.require(by, evaluation)
    if not evaluation.consent_to_quote or not evaluation.open_answer:
        raise DomainError(_("This answer may not be quoted."), code="no_consent")
    if evaluation.quote_status not in (QuoteStatus.PENDING, QuoteStatus.APPROVED, QuoteStatus.REJECTED):
        raise DomainError(_("This answer may not be quoted."), code="no_consent")
    return evaluation


def _link(evaluation: Evaluation, purpose: str, now: dt.datetime) -> str:
    token = new_token()
    EvaluationLink.objects.create(
        evaluation=evaluation, token_hash=token_hash(token), purpose=purpose, created_at=now
    )
    return token


def evaluation_url(evaluation: Evaluation, token: str) -> str:
    """The absolute address of the answer page (for e-mails and the QR code)."""
    path = reverse("evaluations:answer", args=[evaluation.uuid, token])
    return settings.SITE_URL.rstrip("/") + path


def _mail(evaluation: Evaluation, token: str, *, reminder: bool) -> None:
    """The invitation or the reminder, to the outbox in the caller's transaction.

    It addresses the respondent by their role, never by name: the names were typed by a
    referrer or a partner system, and an e-mail carries no text from outside (docs/security.md).
    """
    context = {
        "respondent": evaluation.respondent,
        "url": evaluation_url(evaluation, token),
        "expires_at": evaluation.expires_at,
        "reminder": reminder,
    }
    mail_enqueue(
        to=[evaluation.email],
        kind=MailKind.EVALUATION_REMINDER if reminder else MailKind.EVALUATION_INVITATION,
        subject=_("Reminder: how was Halt?") if reminder else _("How was Halt? Tell us in two minutes"),
        template="evaluations/invitation_email.txt",
        context=context,
        region_id=evaluation.region_id,
        reference=evaluation.intervention.reference if evaluation.intervention is not None else "",
        language=MAIL_LANGUAGE,
    )
