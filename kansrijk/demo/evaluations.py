"""The demo's evaluations: invitations at every ending, answers, and the seed factsheet's quotes.

Written in bulk after the cases, from a generator of their own (seeded): the cases and every
figure the demo already had stay exactly as they were, and two loads give the same rows.
The quotes of 2024-2025 are the seed factsheet's (docs/process.md), approved by the team
lead of their region; a few answers in Haaglanden wait for the demo team lead's approval.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from django.utils import timezone

from kansrijk.evaluations.constants import SCORE_FIELDS, QuoteStatus, Respondent, questions_for
from kansrijk.evaluations.models import Evaluation
from kansrijk.interventions.constants import InterventionType, Status
from kansrijk.interventions.models import Intervention
from kansrijk.people.models import Parent

from . import data

SEED = 20250807
BATCH_SIZE = 2000
SEED_PERIOD = (dt.date(2024, 8, 1), dt.date(2025, 7, 31))

# Who answers, and how: referring professionals are the most positive (the seed factsheet).
RESPONSE_RATE = {Respondent.PROFESSIONAL: 0.45, Respondent.YOUNG_PERSON: 0.3, Respondent.PARENT: 0.35}
SCORE_WEIGHTS = {
    Respondent.PROFESSIONAL: (1, 3, 9, 37, 50),
    Respondent.YOUNG_PERSON: (2, 5, 18, 40, 35),
    Respondent.PARENT: (1, 4, 12, 38, 45),
}

SEED_QUOTES = {
    Respondent.PROFESSIONAL: [
        "Halt is een belangrijke partner voor onze school. Zij vormen een waardevolle tussenstap voordat "
        "er zwaardere of formele sancties nodig zijn. Door hun werkwijze zorgen zij ervoor dat leerlingen "
        "zich bewust worden van de gevolgen van hun gedrag. Halt helpt jongeren stil te staan bij hun "
        "handelingen, verantwoordelijkheid te nemen en herhaling te voorkomen.",
        "De Halt-medewerker is toegankelijk, communiceert duidelijk en sluit goed aan bij de behoeften "
        "van de school en leerlingen. Zij signaleert veel vanuit haar contacten, pakt door en betekent "
        "echt iets voor de doelgroep.",
    ],
    Respondent.YOUNG_PERSON: [
        "Ik heb geleerd dat je anders kan reageren: niet uit emotie, eerst nadenken wat en hoe je het "
        "wil doen.",
    ],
    Respondent.PARENT: [
        "De interventie sloot echt exact aan op de hulpvraag die we hadden. Ook de interactie tussen de "
        "Halt-medewerker en mijn dochter was heel prettig.",
        "Mijn zoon is zich meer bewust geworden van de risico's van zijn gedrag.",
    ],
}
# Answers written with consent but not approved yet: the demo team lead's review list.
PENDING_ANSWERS = [
    "Fijn dat de medewerker van Halt zo snel contact opnam met Daan en met ons.",
    "De gesprekken op het Zuiderlicht College hebben geholpen. De klas is rustiger.",
    "Ik vond het eerst stom, maar het gesprek met de Halt-medewerker was eigenlijk wel goed.",
]
OTHER_ANSWERS = [
    "Duidelijke afspraken en goede terugkoppeling.",
    "Prettig contact, snel geregeld.",
    "Het gesprek was fijn.",
    "Goed dat er naar ons als ouders werd geluisterd.",
]


def demo_evaluations_create(*, now: dt.datetime, team_leads: dict) -> int:
    """Evaluations for every completed or stopped demo intervention; returns how many."""
    rng = random.Random(SEED)
    tz = timezone.get_current_timezone()
    ended = list(
        Intervention.objects.filter(status__in=[Status.COMPLETED, Status.STOPPED], end_date__isnull=False)
        .order_by("reference")
        .values(
            "id",
            "type",
            "referral_date",
            "end_date",
            "region_id",
            "municipality_id",
            "school_id",
            "referral__young_person_id",
            "referral__young_person__first_name",
            "referral__young_person__email",
        )
    )
    parents: dict[int, list[Any]] = {}
    for parent in (
        Parent.objects.exclude(email="").order_by("id").values("id", "young_person_id", "first_name", "email")
    ):
        parents.setdefault(parent["young_person_id"], []).append(parent)

    evaluations = []
    for case in ended:
        assert case["end_date"] is not None  # filtered on above
        invited_at = min(dt.datetime.combine(case["end_date"], dt.time(16, 0), tz), now)
        respondents: list[tuple[Respondent, int | None, str, str]] = []
        if rng.random() < 0.85:
            first = rng.choice(data.WOMEN + data.MEN)
            respondents.append(
                (Respondent.PROFESSIONAL, None, first, f"{first.lower()}.verwijzer@example.nl")
            )
        respondents.append(
            (
                Respondent.YOUNG_PERSON,
                None,
                case["referral__young_person__first_name"],
                case["referral__young_person__email"],
            )
        )
        for parent in parents.get(case["referral__young_person_id"], []):
            respondents.append((Respondent.PARENT, parent["id"], parent["first_name"], parent["email"]))
        for respondent, parent_id, first_name, email in respondents:
            evaluation = Evaluation(
                uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                intervention_id=case["id"],
                respondent=respondent,
                parent_id=parent_id,
                first_name=first_name,
                email=email,
                referral_date=case["referral_date"],
                region_id=case["region_id"],
                municipality_id=case["municipality_id"],
                school_id=case["school_id"],
                invited_at=invited_at,
            )
            # A demo-only stash for _seed_quotes, deleted before bulk_create: not a model field.
            evaluation.demo_type = case["type"]  # type: ignore[attr-defined]
            answered = rng.random() < RESPONSE_RATE[respondent]
            delay = dt.timedelta(days=rng.choice([0, 1, 2, 3, 5, 8, 9, 12, 20]), hours=rng.randint(1, 6))
            if email and (not answered or delay.days >= 7) and invited_at + dt.timedelta(days=7) <= now:
                evaluation.reminded_at = invited_at + dt.timedelta(days=7)
            if answered and invited_at + delay <= now:
                evaluation.answered_at = invited_at + delay
                for _question, name in zip(questions_for(respondent), SCORE_FIELDS, strict=False):
                    score = rng.choices((1, 2, 3, 4, 5), weights=SCORE_WEIGHTS[respondent])[0]
                    setattr(evaluation, name, score)
                if rng.random() < 0.15:
                    evaluation.open_answer = rng.choice(OTHER_ANSWERS)
            evaluations.append(evaluation)

    _seed_quotes(evaluations, team_leads, now)
    _pending_quotes(evaluations, team_leads, now)
    for evaluation in evaluations:
        del evaluation.demo_type  # type: ignore[attr-defined]
    Evaluation.objects.bulk_create(evaluations, batch_size=BATCH_SIZE)
    return len(evaluations)


def _answered_in(evaluations, respondent, *, first_day, last_day, school_only=False):
    for evaluation in evaluations:
        if (
            evaluation.respondent == respondent
            and evaluation.answered_at is not None
            and first_day <= evaluation.referral_date <= last_day
            and not evaluation.open_answer
            and (not school_only or evaluation.demo_type == InterventionType.SCHOOL)
        ):
            yield evaluation


def _seed_quotes(evaluations, team_leads, now) -> None:
    """The seed factsheet's quotes, on answered evaluations of 2024-2025, approved in this order."""
    reviewed = min(dt.datetime(2025, 8, 25, 10, 0, tzinfo=timezone.get_current_timezone()), now)
    for respondent, quotes in SEED_QUOTES.items():
        candidates = _answered_in(
            evaluations,
            respondent,
            first_day=SEED_PERIOD[0],
            last_day=SEED_PERIOD[1],
            school_only=respondent == Respondent.PROFESSIONAL,
        )
        for quote, evaluation in zip(quotes, candidates, strict=False):
            evaluation.open_answer = quote
            evaluation.consent_to_quote = True
            evaluation.quote_status = QuoteStatus.APPROVED
            evaluation.quote_text = quote
            evaluation.quote_reviewed_by = team_leads[evaluation.region_id]
            reviewed += dt.timedelta(minutes=5)
            evaluation.quote_reviewed_at = reviewed


def _pending_quotes(evaluations, team_leads, now) -> None:
    """A few consented answers of Haaglanden, the newest first, waiting for the demo team lead."""
    haaglanden = next(
        (pk for pk, lead in team_leads.items() if lead.username == "teamlead"),
        None,
    )
    newest = sorted(
        (e for e in evaluations if e.answered_at and e.region_id == haaglanden and not e.open_answer),
        key=lambda e: (e.answered_at, str(e.uuid)),
        reverse=True,
    )
    for text, evaluation in zip(PENDING_ANSWERS, newest, strict=False):
        evaluation.open_answer = text
        evaluation.consent_to_quote = True
        evaluation.quote_status = QuoteStatus.PENDING
        evaluation.quote_text = text
