"""The factsheet's figures as the published formats (HTML, PDF, CSV) show them.

factsheet.md: "counts from 1 to 4 are shown as "<5", and a percentage whose denominator is
below 10 is not shown". Every published format takes its figures from `FactsheetFigures`, so
the three cannot suppress differently; only the JSON for staff carries the exact numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from kansrijk.evaluations.constants import Respondent, questions_for
from kansrijk.interventions.constants import ContactMode, InterventionType

SMALLEST_SHOWN_COUNT = 5
# A mean score is published only over at least this many answers.
SMALLEST_SHOWN_MEAN_ANSWERS = 5
SMALLEST_SHOWN_DENOMINATOR = 10
SMALL_COUNT = "<5"


def shown_count(value: int | None) -> str:
    """A count as published: 0 and 5 or more as the number (grouped the local way), 1-4 as "<5"."""
    if value is None:
        return ""
    if 0 < value < SMALLEST_SHOWN_COUNT:
        return SMALL_COUNT
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

    def _shown(self, value, denominator) -> str:
        if self.kind == "count":
            return shown_count(value)
        if self.kind == "mean":
            return number_format(value, 1) if mean_is_shown(value, denominator) else ""
        return f"{value}%" if pct_is_shown(value, denominator) else ""

    @property
    def shown(self) -> str:
        """As published: "1.298", "<5", "95%", or "" for a percentage that is not shown."""
        return self._shown(self.value, self.denominator)

    @property
    def previous_shown(self) -> str:
        return self._shown(self.previous, self.previous_denominator)

    @property
    def is_suppressed(self) -> bool:
        return self.shown in ("", SMALL_COUNT) and self.value not in (None, 0)

    @property
    def csv_value(self) -> str:
        """For the CSV: the plain number without grouping (spreadsheets read it as a number)."""
        return self._csv(self.value, self.denominator)

    @property
    def csv_previous(self) -> str:
        return self._csv(self.previous, self.previous_denominator)

    def _csv(self, value, denominator) -> str:
        if value is None:
            return ""
        if self.kind == "count":
            return SMALL_COUNT if 0 < value < SMALLEST_SHOWN_COUNT else str(value)
        if self.kind == "mean":
            return f"{value:.1f}" if mean_is_shown(value, denominator) else ""
        return str(value) if pct_is_shown(value, denominator) else ""


def _dig(document: dict | None, dotted: str):
    value = document
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _reason_count(document: dict | None, code: str) -> int | None:
    if document is None:
        return None
    for row in document.get("reasons", document.get("top_reasons", [])):
        if row["code"] == code:
            return row["count"]
    return 0


class FactsheetFigures:
    """All figures of one factsheet document (compute_factsheet + `previous`), ready to show."""

    def __init__(self, document: dict):
        self.document = document
        previous = document.get("previous")
        self.period = document["period"]
        self.previous_period = previous["period"] if previous else None

        def count(key: str, label: str) -> Figure:
            return Figure(key, label, "count", _dig(document, key), _dig(previous, key))

        def pct(key: str, label: str, denominator_key: str) -> Figure:
            return Figure(
                key,
                label,
                "pct",
                _dig(document, key),
                _dig(previous, key),
                _dig(document, denominator_key),
                _dig(previous, denominator_key),
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
        self.reasons = [
            Figure(
                f"top_reasons.{row['code']}",
                row["label"],
                "count",
                row["count"],
                _reason_count(previous, row["code"]),
            )
            for row in document["top_reasons"]
        ]
        type_labels = dict(InterventionType.choices)
        self.contact_modes = {
            kind: [
                Figure(
                    f"parent_contact_modes.{kind}.{mode}",
                    _("%(type)s: parent contact %(mode)s")
                    % {"type": type_labels[kind], "mode": str(mode_label).lower()},
                    "count",
                    _dig(document, f"parent_contact_modes.{kind}.{mode}"),
                    _dig(previous, f"parent_contact_modes.{kind}.{mode}"),
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
                        _dig(document, f"{base}.questions.{question.code}.mean"),
                        _dig(previous, f"{base}.questions.{question.code}.mean"),
                        _dig(document, f"{base}.questions.{question.code}.answers"),
                        _dig(previous, f"{base}.questions.{question.code}.answers"),
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
    # The top five by code: a reason can enter or leave the top five.
    codes = [row["code"] for row in published["top_reasons"]]
    codes += [row["code"] for row in today["top_reasons"] if row["code"] not in codes]
    labels = {row["code"]: row["label"] for row in [*published.get("reasons", []), *today.get("reasons", [])]}
    for code in codes:
        old, new = shown_count(_reason_count(published, code)), shown_count(_reason_count(today, code))
        if old != new:
            result.append(Difference(labels.get(code, code), old, new))
    return result
