"""The factsheet's figures as the published formats (HTML, PDF, CSV, JSON for most) show them.

factsheet.md §5: counts from 1 to 4 are shown as "<5", a percentage whose denominator is below
10 is not shown, and no hidden figure may follow from the shown ones (suppression.py decides
which). Every published format takes its figures from `FactsheetFigures`, and the JSON for
those without the exact-figures permission from `suppressed_document`, which asks the same
suppression; only the JSON for holders of that permission carries the exact numbers.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kansrijk.core.figures import SMALLEST_SHOWN_COUNT
from kansrijk.evaluations.constants import Respondent, questions_for
from kansrijk.interventions.constants import ContactMode, InterventionType

from .suppression import (
    NOTHING,
    REASON,
    Suppression,
    dig,
    in_published_order,
    marker,
    percentages,
    suppression_of,
)

# A mean score is published only over at least this many answers.
SMALLEST_SHOWN_MEAN_ANSWERS = 5
SMALLEST_SHOWN_DENOMINATOR = 10
SMALL_COUNT = "<5"


def shown_count(value: int | None, *, hidden: bool = False) -> str:
    """A count as published: 0 and 5 or more as the number (grouped the local way), 1-4 as "<5";
    a count hidden so that another cannot be worked out as "" (the page shows "–")."""
    if value is None:
        return ""
    if 0 < value < SMALLEST_SHOWN_COUNT:
        return SMALL_COUNT
    if hidden:
        return ""
    return number_format(value, force_grouping=True)


def pct_is_shown(value: int | None, denominator: int | None) -> bool:
    return value is not None and (denominator or 0) >= SMALLEST_SHOWN_DENOMINATOR


def mean_is_shown(value: float | None, answers: int | None) -> bool:
    return value is not None and (answers or 0) >= SMALLEST_SHOWN_MEAN_ANSWERS


@dataclass(frozen=True)
class EvaluationFigures:
    """One respondent type's evaluation figures: invited, responded, response rate, means."""

    respondent: str
    label: str
    invited: Figure
    responded: Figure
    response_rate: Figure
    questions: list[Figure]
    quotes: list[str]

    @property
    def rows(self) -> list[Figure]:
        return [self.invited, self.responded, self.response_rate, *self.questions]


@dataclass(frozen=True)
class Figure:
    """One figure of the factsheet with the previous school year's value beside it."""

    key: str  # stable, e.g. "interventions.school" or "top_reasons.theft"
    label: str  # in the active language
    kind: str  # "count", "pct" or "mean" (a 1-5 score; its denominator is the number of answers)
    value: int | float | None
    previous: int | float | None
    denominator: int | None = None
    previous_denominator: int | None = None
    # Where a table's heading already says what the figure is about (the evaluation questions).
    short_label: str = ""
    # Hidden by suppression.py (a count from 1 to 4 always is).
    hidden: bool = False
    previous_hidden: bool = False

    def _shown(self, value, denominator, hidden: bool) -> str:
        if self.kind == "count":
            return shown_count(value, hidden=hidden)
        if self.kind == "mean":
            return number_format(value, 1) if mean_is_shown(value, denominator) else ""
        return f"{value}%" if pct_is_shown(value, denominator) and not hidden else ""

    @property
    def shown(self) -> str:
        """As published: "1.298", "<5", "95%", or "" for a figure that is not shown."""
        return self._shown(self.value, self.denominator, self.hidden)

    @property
    def previous_shown(self) -> str:
        return self._shown(self.previous, self.previous_denominator, self.previous_hidden)

    @property
    def is_suppressed(self) -> bool:
        return self.shown in ("", SMALL_COUNT) and self.value not in (None, 0)

    @property
    def csv_value(self) -> str:
        """For the CSV: the plain number without grouping (spreadsheets read it as a number)."""
        return self._csv(self.value, self.denominator, self.hidden)

    @property
    def csv_previous(self) -> str:
        return self._csv(self.previous, self.previous_denominator, self.previous_hidden)

    def _csv(self, value, denominator, hidden: bool) -> str:
        if value is None:
            return ""
        if self.kind == "count":
            return SMALL_COUNT if 0 < value < SMALLEST_SHOWN_COUNT else ("" if hidden else str(value))
        if self.kind == "mean":
            return f"{value:.1f}" if mean_is_shown(value, denominator) else ""
        return str(value) if pct_is_shown(value, denominator) and not hidden else ""


def _reason_count(document: dict | None, code: str) -> int | None:
    if document is None:
        return None
    for row in document.get("reasons", document.get("top_reasons", [])):
        if row["code"] == code:
            return row["count"]
    return 0


def _reason_figure(
    code: str, label: str, document: dict, previous: dict | None, now: Suppression, then: Suppression
) -> Figure:
    """One reason's row; a year whose reasons are withheld shows none of them, not even a 0."""
    return Figure(
        f"top_reasons.{code}",
        label,
        "count",
        None if now.reasons_withheld else _reason_count(document, code),
        None if then.reasons_withheld else _reason_count(previous, code),
        hidden=now.hides(REASON + code),
        previous_hidden=then.hides(REASON + code),
    )


class FactsheetFigures:
    """All figures of one factsheet document (compute_factsheet + `previous`), ready to show."""

    def __init__(self, document: dict):
        self.document = document
        previous = document.get("previous")
        self.period = document["period"]
        self.previous_period = previous["period"] if previous else None
        now = suppression_of(document)
        then = suppression_of(previous) if previous else NOTHING
        self.suppression = now
        self.reasons_withheld = now.reasons_withheld

        def count(key: str, label: str) -> Figure:
            return Figure(
                key,
                label,
                "count",
                dig(document, key),
                dig(previous, key),
                hidden=now.hides(key),
                previous_hidden=then.hides(key),
            )

        def pct(key: str, label: str, denominator_key: str) -> Figure:
            return Figure(
                key,
                label,
                "pct",
                dig(document, key),
                dig(previous, key),
                dig(document, denominator_key),
                dig(previous, denominator_key),
                hidden=now.hides(key),
                previous_hidden=then.hides(key),
            )

        self.school = count("interventions.school", _("School interventions"))
        self.neighbourhood = count("interventions.neighbourhood", _("Neighbourhood interventions"))
        self.total = count("interventions.total", _("Interventions in total"))
        self.schools = count("schools", _("Schools with a school intervention"))
        self.restoration = pct(
            "restoration_pct", _("Interventions with restoration (%)"), "interventions.total"
        )
        self.care_referrals = count("care_referrals", _("Young people referred to care"))
        self.care_reports = count("care_reports", _("Care reports"))
        self.parent_contact_school = pct(
            "parent_contact_pct.school",
            _("School interventions with parent contact (%)"),
            "interventions.school",
        )
        self.parent_contact_neighbourhood = pct(
            "parent_contact_pct.neighbourhood",
            _("Neighbourhood interventions with parent contact (%)"),
            "interventions.neighbourhood",
        )
        # A year whose reasons are withheld lists none: which reasons occurred says too much.
        self.reasons = (
            []
            if now.reasons_withheld
            else [
                _reason_figure(row["code"], row["label"], document, previous, now, then)
                for row in in_published_order(document["top_reasons"], now)
            ]
        )
        type_labels = dict(InterventionType.choices)
        self.contact_modes = {
            kind: [
                count(
                    f"parent_contact_modes.{kind}.{mode}",
                    _("%(type)s: parent contact %(mode)s")
                    % {"type": type_labels[kind], "mode": str(mode_label).lower()},
                )
                for mode, mode_label in ContactMode.choices
            ]
            for kind in InterventionType.values
        }
        self.mode_labels = [str(label) for _mode, label in ContactMode.choices]

        def evaluation(respondent: str, label: str) -> EvaluationFigures:
            base = f"evaluations.{respondent}"
            return EvaluationFigures(
                respondent=respondent,
                label=label,
                invited=count(f"{base}.invited", _("%(who)s: invited to evaluate") % {"who": label}),
                responded=count(f"{base}.responded", _("%(who)s: evaluations filled in") % {"who": label}),
                response_rate=pct(
                    f"{base}.response_rate_pct",
                    _("%(who)s: response rate (%%)") % {"who": label},
                    f"{base}.invited",
                ),
                questions=[
                    Figure(
                        f"{base}.questions.{question.code}.mean",
                        _("%(who)s: %(question)s (mean 1-5)") % {"who": label, "question": question.label},
                        "mean",
                        dig(document, f"{base}.questions.{question.code}.mean"),
                        dig(previous, f"{base}.questions.{question.code}.mean"),
                        dig(document, f"{base}.questions.{question.code}.answers"),
                        dig(previous, f"{base}.questions.{question.code}.answers"),
                        short_label=str(question.label),
                    )
                    for question in questions_for(respondent)
                ],
                quotes=list((document.get("quotes") or {}).get(respondent, [])),
            )

        self.evaluations = [
            evaluation(Respondent.PROFESSIONAL, _("Professionals")),
            evaluation(Respondent.YOUNG_PERSON, _("Young people")),
            evaluation(Respondent.PARENT, _("Parents")),
        ]
        self.quotes_professional = self.evaluations[0].quotes
        self.quotes_young_and_parents = self.evaluations[1].quotes + self.evaluations[2].quotes

    @property
    def rows(self) -> list[Figure]:
        """Every figure in the order of the CSV and of the comparison table."""
        return [*self.fixed_rows, *self.reasons]

    @property
    def fixed_rows(self) -> list[Figure]:
        """The figures every factsheet has, whatever its top five reasons."""
        return [
            self.school,
            self.neighbourhood,
            self.total,
            self.schools,
            self.restoration,
            self.care_referrals,
            self.care_reports,
            self.parent_contact_school,
            self.parent_contact_neighbourhood,
            *self.contact_modes[InterventionType.SCHOOL],
            *self.contact_modes[InterventionType.NEIGHBOURHOOD],
            *(row for figures in self.evaluations for row in figures.rows),
        ]

    @property
    def mode_rows(self) -> list[dict]:
        """One row per contact mode with the school and neighbourhood figures, for the table."""
        school = self.contact_modes[InterventionType.SCHOOL]
        neighbourhood = self.contact_modes[InterventionType.NEIGHBOURHOOD]
        return [
            {"label": label, "school": s, "neighbourhood": n}
            for label, s, n in zip(self.mode_labels, school, neighbourhood, strict=True)
        ]

    @property
    def has_suppressed(self) -> bool:
        return any(figure.is_suppressed for figure in self.rows)


@dataclass(frozen=True)
class Difference:
    label: str
    published: str
    today: str


def differences(published: dict, today: dict) -> list[Difference]:
    """Where today's figures differ from a published edition's, as both formats show them.

    Compared as published (after suppression): a change from 3 to 4 stays "<5" in both and is
    not reported, so the comparison does not reveal what the suppression hides.
    """
    then, now = FactsheetFigures(published), FactsheetFigures(today)
    result = [
        Difference(old.label, old.shown, new.shown)
        for old, new in zip(then.fixed_rows, now.fixed_rows, strict=True)
        if old.shown != new.shown
    ]
    # The top five by code: a reason can enter or leave the top five. A year whose reasons are
    # withheld names none of them.
    codes: list[str] = []
    for figures, document in ((then, published), (now, today)):
        if not figures.suppression.reasons_withheld:
            codes += [row["code"] for row in document["top_reasons"] if row["code"] not in codes]
    labels = {row["code"]: row["label"] for row in [*published.get("reasons", []), *today.get("reasons", [])]}
    for code in codes:
        old, new = (
            _reason_figure(code, "", document, None, figures.suppression, NOTHING).shown
            for figures, document in ((then, published), (now, today))
        )
        if old != new:
            result.append(Difference(labels.get(code, code), old, new))
    return result


def suppressed_document(document: dict) -> dict:
    """A copy of a factsheet document (with `previous`) as the JSON shows it to anyone without
    the exact-figures permission: the same keys, each figure hidden as the published formats
    hide it. A hidden count is "<5" from 1 to 4 and null above; a hidden percentage or mean is
    null; a year whose reasons are withheld has empty reason lists."""
    copy = deepcopy(document)
    for figures in (copy, copy.get("previous")):
        if figures:
            _suppress_year(figures)
    return copy


def _put(figures: dict, dotted: str, value) -> None:
    *path, last = dotted.split(".")
    for part in path:
        figures = figures.get(part) or {}
    if last in figures:
        figures[last] = value


def _suppress_year(figures: dict) -> None:
    suppression = suppression_of(figures)
    exact = suppression.values
    for respondent, evaluation in (figures.get("evaluations") or {}).items():
        for code, question in evaluation.get("questions", {}).items():
            answers = exact.get(f"evaluations.{respondent}.questions.{code}.answers")
            if not mean_is_shown(question.get("mean"), answers):
                question["mean"] = None
    for pct_key, _numerator, denominator in percentages(figures):
        if pct_key in suppression.hidden or not pct_is_shown(dig(figures, pct_key), exact.get(denominator)):
            _put(figures, pct_key, None)
    for key, value in exact.items():
        if not key.startswith(REASON) and key in suppression.hidden:
            _put(figures, key, marker(value))
    for list_key in ("reasons", "top_reasons"):
        if list_key not in figures:
            continue
        if suppression.reasons_withheld:
            figures[list_key] = []
            continue
        rows = [dict(row) for row in in_published_order(figures[list_key], suppression)]
        for row in rows:
            if suppression.hides(REASON + row["code"]):
                row["count"] = marker(row["count"])
        figures[list_key] = rows
