"""Loads the demo data set: one seeded plan, written in bulk inside one transaction."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from django.apps import apps
from django.db import DatabaseError, transaction
from django.db.models import Model, ProtectedError, RestrictedError
from django.utils import timezone

from kansrijk.accounts.models import User
from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import audit_record
from kansrijk.core.models import ReferenceCounter
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Municipality, ReferrerOrganisation, Region, School
from kansrijk.people.models import YoungPerson
from kansrijk.privacy.models import PrivacyStatement
from kansrijk.referrals.models import Referral

from .cases import CaseWriter
from .evaluations import demo_evaluations_create
from .plan import Planner
from .world import world_create

SEED = 20250801


@dataclass(frozen=True)
class DemoSummary:
    regions: int
    municipalities: int
    schools: int
    organisations: int
    users: int
    young_people: int
    referrals: int
    interventions: int


# Rows load_demo would collide with or overwrite: cases, accounts and the organisations the
# demo creates under fixed names.
DATA_MODELS = (Intervention, Referral, YoungPerson, User, Region, Municipality, School, ReferrerOrganisation)


def database_has_data() -> bool:
    return any(model.objects.exists() for model in DATA_MODELS)


def demo_load(*, wipe: bool = False, today: dt.date | None = None) -> DemoSummary:
    """Fill the database with the demo data set; with `wipe`, remove everything first.

    The content depends only on the seed and on `today` (default: the local date), which decides
    which cases are still open; nothing is dated after today.
    """
    today = today or timezone.localdate()
    now = timezone.now()
    rng = random.Random(SEED)
    with transaction.atomic():
        if wipe:
            demo_wipe()
            # Audit rows are never deleted: the log keeps that everything was replaced here.
            audit_record(actor=None, event=Event.DEMO_DATA_REPLACED_ALL)
        world, users = world_create(rng=rng)
        cases = Planner(rng=rng, world=world, today=today).plan()
        CaseWriter(
            rng=rng, today=today, now=now, referrer=users["verwijzer"], team_leads=world.team_leads
        ).write(cases)
        demo_evaluations_create(now=now, team_leads=world.team_leads)
        _reference_counters(
            [case.reference for case in cases]
            + [case.intervention_reference for case in cases if case.accepted]
        )
    return DemoSummary(
        regions=Region.objects.count(),
        municipalities=Municipality.objects.count(),
        schools=School.objects.count(),
        organisations=ReferrerOrganisation.objects.count(),
        users=User.objects.count(),
        young_people=YoungPerson.objects.count(),
        referrals=Referral.objects.count(),
        interventions=Intervention.objects.count(),
    )


def _reference_counters(references: list[str]) -> None:
    """Move the yearly counters past the demo references, so new referrals get fresh numbers."""
    last: dict[tuple[str, int], int] = {}
    for reference in references:
        prefix, year_text, number_text = reference.split("-")
        last[(prefix, int(year_text))] = max(last.get((prefix, int(year_text)), 0), int(number_text))
    for (prefix, year), number in sorted(last.items()):
        ReferenceCounter.objects.update_or_create(prefix=prefix, year=year, defaults={"last": number})


def demo_wipe() -> None:
    """Delete every row of Kansrijk's own models: cases, people, organisations, accounts.

    The audit log stays: it is append-only, down to database triggers. Its rows keep the
    actor's name (actor_label), so removing the accounts changes none of them.

    Tables are emptied referrers-first. A table nothing else points at any more is emptied with
    one plain DELETE; the others go through Django's delete, which cascades and refuses
    (PROTECT) as the models say. A refusal (a model added later, linked in an unexpected
    direction) is retried once the other tables are empty.
    """
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        # The audit log is append-only; the privacy statements are not demo data but the
        # installation's published texts, which stay.
        if model.__module__.startswith("kansrijk.") and model not in (AuditEvent, PrivacyStatement)
    ]
    pending, emptied = _referrers_first(models), set[type[Model]]()
    for _ in range(len(pending)):
        refused = []
        for model in pending:
            try:
                with transaction.atomic():
                    rows = model._base_manager.all()
                    if _referrers(model) <= emptied:
                        rows._raw_delete(rows.db)
                    else:
                        rows.delete()
                emptied.add(model)
            except (ProtectedError, RestrictedError, DatabaseError):
                refused.append(model)
        if not refused:
            return
        pending = refused
    names = ", ".join(model._meta.label for model in pending)
    raise RuntimeError(f"could not empty {names}")


def _referrers(model) -> set:
    """The models with a foreign key to `model`."""
    return {
        relation.related_model
        for relation in model._meta.get_fields(include_hidden=True)
        if relation.auto_created
        and not relation.concrete
        and relation.is_relation
        and (relation.one_to_many or relation.one_to_one)
    }


def _referrers_first(models: list) -> list:
    """Order models so that a model comes before every model it points to."""
    targets = {
        model: {
            field.related_model
            for field in model._meta.get_fields()
            if field.concrete
            and field.is_relation
            and field.related_model in models
            and field.related_model != model
        }
        for model in models
    }
    ordered, left = [], list(models)
    while left:
        free = [m for m in left if not any(m in targets[other] for other in left if other is not m)]
        batch = free or left[:1]  # a cycle: break it anywhere, the retry loop sorts it out
        ordered += batch
        left = [m for m in left if m not in batch]
    return ordered
