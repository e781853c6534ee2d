"""Evaluations at the end of an intervention: one per respondent, with its links.

An `Evaluation` is the invitation and, once answered, the answer. It repeats the facts the
factsheet counts it by (the intervention's referral date, region, municipality and school) on
purpose, like the intervention's own statistical remnant: the factsheet's evaluation figures
are plain aggregates over these tables alone, through indexes that start with the referral
date, and they survive when retention removes the case content (the foreign keys to the
intervention and the parent are SET_NULL for that reason). The scores are columns of the
evaluation itself (`score_1` … `score_3`, the questions of its respondent type in the order of
constants.QUESTIONS), so that one index-only scan answers invited, responded and every mean.

Links hold only a SHA-256 hash of their token, as a password store would: the token itself is
in the e-mail or on the printed page and nowhere else. An evaluation can have several links
(the invitation, the reminder, a printed page); each works until the evaluation is answered
or expires.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kansrijk.core.constraints import choices_constraint

from .constants import LINK_VALID_FOR, SCORE_FIELDS, LinkPurpose, QuoteStatus, Respondent, questions_for


class Evaluation(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    intervention = models.ForeignKey(
        "interventions.Intervention",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="evaluations",
        verbose_name=_("intervention"),
    )
    respondent = models.CharField(_("respondent"), max_length=16, choices=Respondent.choices)
    parent = models.ForeignKey(
        "people.Parent",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("parent or carer"),
    )
    # What the invitation page may show, and where the e-mails go (personal data: removed by
    # retention with the case, the figures stay).
    first_name = models.CharField(_("first name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    # The statistical remnant: copies of the intervention's reporting keys.
    referral_date = models.DateField(_("referral date"))
    region = models.ForeignKey("organisations.Region", on_delete=models.PROTECT, related_name="+")
    municipality = models.ForeignKey("organisations.Municipality", on_delete=models.PROTECT, related_name="+")
    school = models.ForeignKey(
        "organisations.School", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    invited_at = models.DateTimeField(_("invited at"))
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    # The answers on the 1-5 scale, in the order of the respondent's questions (constants.py).
    score_1 = models.PositiveSmallIntegerField(null=True, blank=True)
    score_2 = models.PositiveSmallIntegerField(null=True, blank=True)
    score_3 = models.PositiveSmallIntegerField(null=True, blank=True)

    open_answer = models.TextField(_("open answer"), blank=True)
    consent_to_quote = models.BooleanField(_("consent to quote anonymously"), default=False)
    quote_status = models.CharField(
        _("quote"), max_length=16, choices=QuoteStatus.choices, default=QuoteStatus.NONE
    )
    # The text as approved by the team lead: the open answer with names, schools and places removed.
    quote_text = models.TextField(_("quote"), blank=True)
    quote_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    quote_reviewed_at = models.DateTimeField(_("quote reviewed at"), null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "id"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        indexes = [
            # Invited and answered per respondent for a period and scope: index-only.
            models.Index(
                fields=[
                    "referral_date",
                    "respondent",
                    "region",
                    "municipality",
                    "school",
                    "answered_at",
                    "score_1",
                    "score_2",
                    "score_3",
                ],
                name="evaluation_period",
            ),
            # Approved quotes of a period, and the team lead's list of quotes to review.
            models.Index(
                fields=["quote_status", "referral_date", "respondent"],
                name="evaluation_quote",
            ),
            # The reminder run: unanswered invitations not reminded yet.
            models.Index(
                fields=["invited_at"],
                name="evaluation_to_remind",
                condition=models.Q(answered_at__isnull=True, reminded_at__isnull=True),
            ),
        ]
        constraints = [
            choices_constraint("evaluation", "respondent", Respondent),
            choices_constraint("evaluation", "quote_status", QuoteStatus),
            models.CheckConstraint(
                condition=~models.Q(quote_status="approved") | models.Q(consent_to_quote=True),
                name="evaluation_quote_needs_consent",
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{name}__isnull": True})
                    | models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                    name=f"evaluation_{name}_1_5",
                )
                for name in SCORE_FIELDS
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_respondent_display()} ({self.uuid})"

    @property
    def expires_at(self):
        # A rule, not a stored fact: every link of an evaluation ends 30 days after the invitation.
        return self.invited_at + LINK_VALID_FOR

    def has_expired(self, now) -> bool:
        return self.expires_at <= now

    @property
    def scores(self) -> dict[str, int]:
        """The answers by question code."""
        return {
            question.code: getattr(self, name)
            for question, name in zip(questions_for(self.respondent), SCORE_FIELDS, strict=False)
            if getattr(self, name) is not None
        }

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class EvaluationLink(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    purpose = models.CharField(max_length=16, choices=LinkPurpose.choices)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [choices_constraint("evaluation_link", "purpose", LinkPurpose)]
