from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .constants import SCALE, SCALE_LABELS, Respondent, questions_for
from .services import QUOTE_MAX_LENGTH

OPEN_ANSWER_MAX_LENGTH = 2000


class EvaluationAnswerForm(forms.Form):
    """The questionnaire of one respondent: a 1-5 answer per question, an open answer, consent."""

    def __init__(self, *args, respondent: str, **kwargs):
        super().__init__(*args, **kwargs)
        young = respondent == Respondent.YOUNG_PERSON
        labels = SCALE_LABELS["young" if young else "adult"]
        choices = [(str(value), f"{value} · {label}") for value, label in zip(SCALE, labels, strict=True)]
        self.question_codes = []
        for question in questions_for(respondent):
            self.fields[f"q_{question.code}"] = forms.TypedChoiceField(
                label=question.text,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose an answer.") if not young else _("Pick one answer."),
                },
            )
            self.question_codes.append(question.code)
        self.fields["open_answer"] = forms.CharField(
            label=_("What do you want to tell Halt?")
            if young
            else _("What went well, and what could be better?"),
            required=False,
            max_length=OPEN_ANSWER_MAX_LENGTH,
            widget=forms.Textarea(attrs={"rows": 5}),
            help_text=_("Please do not write any names.")
            if not young
            else _("You do not have to write anything. Please do not write any names."),
        )
        self.fields["consent_to_quote"] = forms.BooleanField(
            label=_("Halt may use my answer in a report, without my name.")
            if young
            else _("Halt may quote my answer in a report, without names of people, schools or places."),
            required=False,
        )

    @property
    def scores(self) -> dict[str, int]:
        return {code: self.cleaned_data[f"q_{code}"] for code in self.question_codes}

    @property
    def question_fields(self):
        return [self[f"q_{code}"] for code in self.question_codes]


class QuoteReviewForm(forms.Form):
    text = forms.CharField(
        label=_("Quote as it will appear in the factsheet"),
        max_length=QUOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Remove names of people, schools and places before you approve."),
        error_messages={"required": _("The quote is empty.")},
    )
