"""Respondents, questions and the answer scale of the evaluations.

The question codes are stable: the factsheet reports its means under them. The texts are in
plain Dutch (B1) once translated; the young person's are written for a 12-year-old.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

LINK_VALID_FOR = dt.timedelta(days=30)
REMINDER_AFTER = dt.timedelta(days=7)
SCALE = (1, 2, 3, 4, 5)
# The factsheet shows up to this many approved quotes per respondent type.
QUOTES_PER_RESPONDENT = 2


class Respondent(models.TextChoices):
    PROFESSIONAL = "professional", _("Referring professional")
    YOUNG_PERSON = "young_person", _("Young person")
    PARENT = "parent", _("Parent or carer")


class LinkPurpose(models.TextChoices):
    EMAIL = "email", _("Invitation by e-mail")
    REMINDER = "reminder", _("Reminder by e-mail")
    PRINT = "print", _("Printed invitation")


class QuoteStatus(models.TextChoices):
    # No open answer, or no consent to quote it: never a quote, nothing to review.
    NONE = "none", _("No quote")
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not used")


@dataclass(frozen=True)
class Question:
    code: str
    text: StrOrPromise
    # The short name in the factsheet's table.
    label: StrOrPromise


QUESTIONS: dict[str, tuple[Question, ...]] = {
    Respondent.PROFESSIONAL: (
        Question(
            "cooperation",
            _("The cooperation with the Halt professional went well."),
            _("Cooperation with Halt"),
        ),
        Question(
            "communication",
            _("The Halt professional was easy to reach and communicated clearly."),
            _("Communication"),
        ),
        Question(
            "fit",
            _("The intervention suited the young person."),
            _("Fit with the young person"),
        ),
    ),
    Respondent.YOUNG_PERSON: (
        Question(
            "other_reaction",
            _("I now know how I can react differently."),
            _("Knows how to react differently"),
        ),
        Question(
            "heard",
            _("Halt listened to me."),
            _("Felt heard"),
        ),
        Question(
            "useful",
            _("The talks with Halt helped me."),
            _("The talks helped"),
        ),
    ),
    Respondent.PARENT: (
        Question(
            "fit_question",
            _("The intervention suited the help we were looking for."),
            _("Fit with the question for help"),
        ),
        Question(
            "interaction",
            _("The contact between the Halt professional and my child was pleasant."),
            _("Contact with the Halt professional"),
        ),
        Question(
            "informed",
            _("Halt kept me well informed."),
            _("Kept informed"),
        ),
    ),
}

# The five answers, worded for adults and for the young person.
SCALE_LABELS = {
    "adult": (
        _("Strongly disagree"),
        _("Disagree"),
        _("Neutral"),
        _("Agree"),
        _("Strongly agree"),
    ),
    "young": (
        _("Not true at all"),
        _("Not true"),
        _("A bit"),
        _("True"),
        _("Very true"),
    ),
}


# The evaluation's score columns: the respondent's questions in order (models.Evaluation).
SCORE_FIELDS = ("score_1", "score_2", "score_3")
assert all(len(questions) <= len(SCORE_FIELDS) for questions in QUESTIONS.values())


def questions_for(respondent: str) -> tuple[Question, ...]:
    return QUESTIONS[respondent]


def score_field(respondent: str, code: str) -> str:
    codes = [question.code for question in QUESTIONS[respondent]]
    return SCORE_FIELDS[codes.index(code)]
