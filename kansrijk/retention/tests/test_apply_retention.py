"""apply_retention with frozen time: exactly what is due goes, the rest stays, a second run
changes nothing, and every past factsheet is the same before and after."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from kansrijk.audit.models import AuditEvent
from kansrijk.core.dates import SchoolYear
from kansrijk.evaluations.models import Evaluation, EvaluationLink
from kansrijk.interventions import services
from kansrijk.interventions.models import CareReferral, CareReport, Intervention
from kansrijk.interventions.tests.factories import database_state, make_intervention, make_referral
from kansrijk.people.models import Parent, Victim, YoungPerson
from kansrijk.referrals.models import Referral
from kansrijk.reports.factsheet import compute_factsheet
from kansrijk.reports.scope import Scope
from kansrijk.retention.selectors import months_before
from kansrijk.retention.services import retention_apply

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
RUN_DAY = dt.date(2026, 6, 1)
# RUN_DAY minus the default periods: 24 months for ended interventions, 6 for closed referrals.
ENDED_CUTOFF = dt.date(2024, 6, 1)
CLOSED_CUTOFF = dt.date(2025, 12, 1)


def at(day: dt.date):
    return time_machine.travel(dt.datetime.combine(day, dt.time(12), tzinfo=AMSTERDAM), tick=False)


def _full_case(*, referral_date: dt.date, end_date: dt.date, **options) -> Intervention:
    """A completed intervention with every kind of case record, a victim and two parents."""
    with at(end_date):
        intervention = make_intervention(
            status="completed",
            referral_date=referral_date,
            end_date=end_date,
            intake_date=referral_date + dt.timedelta(days=3),
            parent_contacts=["phone", "face_to_face"],
            components=["reflection"],
            restorations=["apology_letter"],
            care_referrals=["youth_care"],
            care_reports=1,
            parents=[{"first_name": "Marieke", "relation": "mother"}, {"first_name": "Joost"}],
            reasons=["bullying", "theft"],
            has_victim=True,
            **options,
        )
        Victim.objects.create(referral=intervention.referral, name="Fatima B.", contact_details="06-12345678")
    return intervention


@pytest.fixture
def cases(db):
    with at(dt.date(2023, 9, 1)):
        open_long = make_intervention(status="in_progress", referral_date=dt.date(2023, 8, 20))
    cases: dict[str, Intervention | Referral] = {
        # Ended well before the cut-off, and exactly on it: both due.
        "ended_long_ago": _full_case(referral_date=dt.date(2022, 10, 3), end_date=dt.date(2022, 11, 30)),
        "ended_on_cutoff": _full_case(referral_date=dt.date(2024, 4, 2), end_date=ENDED_CUTOFF),
        # Ended one day after the cut-off, and recently: kept.
        "ended_after_cutoff": _full_case(
            referral_date=dt.date(2024, 4, 2), end_date=ENDED_CUTOFF + dt.timedelta(days=1)
        ),
        "ended_recently": _full_case(referral_date=dt.date(2025, 9, 8), end_date=dt.date(2025, 11, 3)),
        "open_long": open_long,
    }
    with at(dt.date(2023, 11, 1)):
        cases["stopped_long_ago"] = make_intervention(
            status="stopped", referral_date=dt.date(2023, 9, 12), end_date=dt.date(2023, 10, 20)
        )
        cases["not_started_long_ago"] = make_intervention(
            status="not_started", referral_date=dt.date(2023, 9, 12), end_date=dt.date(2023, 10, 2)
        )
    with at(CLOSED_CUTOFF):
        cases["rejected_on_cutoff"] = make_referral(status="rejected", referral_date=dt.date(2025, 11, 20))
    with at(CLOSED_CUTOFF + dt.timedelta(days=1)):
        cases["withdrawn_after_cutoff"] = make_referral(
            status="withdrawn", referral_date=dt.date(2025, 11, 20)
        )
    with at(dt.date(2024, 1, 15)):
        cases["withdrawn_long_ago"] = make_referral(status="withdrawn", referral_date=dt.date(2024, 1, 8))
    # One young person with a case long over and a recent one: the old case loses its content,
    # the young person and their parents stay for the recent one.
    ended_long_ago = cases["ended_long_ago"]
    assert isinstance(ended_long_ago, Intervention)
    shared = ended_long_ago.referral.young_person
    with at(dt.date(2026, 5, 1)):
        cases["shared_person_recent"] = make_intervention(
            status="in_progress", referral_date=dt.date(2026, 4, 20), young_person=shared
        )
    with at(dt.date(2023, 3, 1)):
        old = make_intervention(
            status="in_progress",
            referral_date=dt.date(2023, 1, 10),
            young_person=shared,
            care_referrals=["youth_work"],
        )
        assert old.professional is not None
        services.intervention_add_note(intervention=old, by=old.professional, text="Gesprek met Sem.")
        services.intervention_complete(
            intervention=old, by=old.professional, outcome="sufficient", end_date=dt.date(2023, 2, 20)
        )
        cases["shared_person_old"] = old
    return cases


DUE = {
    "ended_on_cutoff",
    "stopped_long_ago",
    "not_started_long_ago",
    "rejected_on_cutoff",
    "withdrawn_long_ago",
}
DUE_KEEPING_PERSON = {"ended_long_ago", "shared_person_old"}
KEPT = {"ended_after_cutoff", "ended_recently", "open_long", "withdrawn_after_cutoff", "shared_person_recent"}


def _referral(case) -> Referral:
    return Referral.objects.get(pk=case.referral_id if isinstance(case, Intervention) else case.pk)


def _factsheets() -> dict:
    return {
        str(SchoolYear(year)): compute_factsheet(period=SchoolYear(year), scope=Scope.all())
        for year in range(2021, 2026)
    }


def _case_state(case) -> dict:
    """Every row that belongs to one case, for "this case was left alone" assertions."""
    referral = _referral(case)
    state: dict[str, object] = {"referral": Referral.objects.filter(pk=referral.pk).values().get()}
    state["young_person"] = YoungPerson.objects.filter(pk=referral.young_person_id).values().get()
    state["parents"] = list(Parent.objects.filter(young_person_id=referral.young_person_id).values())
    state["victims"] = list(Victim.objects.filter(referral=referral).values())
    intervention = Intervention.objects.filter(referral=referral).first()
    if intervention is not None:
        state["intervention"] = Intervention.objects.filter(pk=intervention.pk).values().get()
        for name in (
            "parent_contacts",
            "conversations",
            "agreements",
            "components",
            "restoration_actions",
            "care_referrals",
            "care_reports",
            "notes",
            "consents",
            "history",
        ):
            state[name] = list(getattr(intervention, name).values())
    return state


def test_the_test_cases_cover_every_outcome(cases):
    assert set(cases) == DUE | DUE_KEEPING_PERSON | KEPT
    assert months_before(RUN_DAY, 24) == ENDED_CUTOFF
    assert months_before(RUN_DAY, 6) == CLOSED_CUTOFF


def test_it_removes_exactly_what_is_due_and_keeps_the_statistics(cases):
    kept_before = {name: _case_state(cases[name]) for name in KEPT}
    remnant_before = {
        case.pk: Intervention.objects.filter(pk=case.pk)
        .values(
            "referral_date",
            "primary_reason",
            "has_restoration",
            "parent_contact_face_to_face",
            "parent_contact_digital",
            "parent_contact_phone",
            "type",
            "region",
            "municipality",
            "school",
            "status",
            "outcome",
            "end_date",
        )
        .get()
        for name, case in cases.items()
        if isinstance(case, Intervention)
    }
    case_records_due = sum(
        len(_case_state(cases[name]).get(rows, []))
        for name in DUE | DUE_KEEPING_PERSON
        for rows in (
            "parent_contacts",
            "conversations",
            "agreements",
            "components",
            "restoration_actions",
            "notes",
            "consents",
        )
    )
    assert case_records_due > 10
    evaluation_ids_due = list(
        Evaluation.objects.filter(
            intervention__referral__in=[_referral(cases[name]) for name in DUE | DUE_KEEPING_PERSON]
        ).values_list("pk", flat=True)
    )
    evaluations_due = len(evaluation_ids_due)
    factsheets_before = _factsheets()
    assert factsheets_before["2022-2023"]["interventions"]["total"] == 2  # not empty years

    with at(RUN_DAY):
        result = retention_apply()

    # The cases not due are untouched, row for row.
    assert {name: _case_state(cases[name]) for name in KEPT} == kept_before
    for name in DUE | DUE_KEEPING_PERSON:
        referral = _referral(cases[name])
        assert referral.personal_data_removed_at is not None, name
        assert referral.description == "" and referral.incident_date is None, name
        assert not referral.victims.exists(), name
        assert not referral.history.exclude(reason="").exists(), name
        intervention = Intervention.objects.filter(referral=referral).first()
        if intervention is not None:
            for name_of_rows in (
                "parent_contacts",
                "conversations",
                "agreements",
                "components",
                "restoration_actions",
                "notes",
                "consents",
            ):
                assert not getattr(intervention, name_of_rows).exists(), (name, name_of_rows)
            assert not intervention.care_referrals.exclude(note="", organisation="").exists()
            assert not intervention.care_reports.exclude(note="", receiving_body="").exists()
    for name in DUE:
        person = YoungPerson.objects.get(pk=_referral(cases[name]).young_person_id)
        assert (person.first_name, person.last_name, person.birth_date, person.external_id) == (
            "",
            "",
            None,
            None,
        )
        assert not Parent.objects.filter(young_person=person).exists()
    shared = YoungPerson.objects.get(pk=_referral(cases["shared_person_recent"]).young_person_id)
    assert shared.first_name == "Sem" and shared.birth_date is not None
    assert Parent.objects.filter(young_person=shared).count() == 2

    # The statistical remnant and every past factsheet are as they were.
    for pk, before in remnant_before.items():
        assert Intervention.objects.filter(pk=pk).values(*before).get() == before
    assert _factsheets() == factsheets_before
    # The care rows the factsheet counts are still there.
    assert CareReferral.objects.count() == 5 and CareReport.objects.count() == 4

    assert result.as_dict() == {
        "referrals": 7,
        "interventions": 5,
        "young_people": 5,
        "parents": 6,  # two for the full case, one for each of the four other factory cases
        "victims": 2,
        "case_records": case_records_due,
        "care_rows_emptied": 2 + 2 + 1,  # a referral to care and a report per full case; one more
        "evaluations_emptied": evaluations_due,
        # No logins and no admin changes in this data set (test_log_retention.py has them).
        "login_attempts": 0,
        "logins": 0,
        "login_failures": 0,
        "admin_log_entries": 0,
        "submissions": 0,
    }
    # What stays of an evaluation is its scores and an approved quote, nothing that names anyone.
    assert evaluations_due > 0
    assert not Evaluation.objects.filter(pk__in=evaluation_ids_due).exclude(
        first_name="", email="", open_answer=""
    )
    assert not EvaluationLink.objects.filter(evaluation__in=evaluation_ids_due).exists()


def test_a_second_run_changes_nothing_and_every_run_is_audited(cases):
    with at(RUN_DAY):
        retention_apply()
    after_first = database_state()
    with at(RUN_DAY):
        second = retention_apply()
    after_second = database_state()
    audit = "audit.AuditEvent"
    assert {k: v for k, v in after_second.items() if k != audit} == {
        k: v for k, v in after_first.items() if k != audit
    }
    assert set(second.as_dict().values()) == {0}
    # A day later the two cases that closed one day after their cut-off are due, and only they.
    with at(RUN_DAY + dt.timedelta(days=1)):
        third = retention_apply()
    assert (third.referrals, third.interventions, third.young_people) == (2, 1, 2)
    for name in ("ended_after_cutoff", "withdrawn_after_cutoff"):
        assert _referral(cases[name]).personal_data_removed_at is not None

    runs = list(AuditEvent.objects.filter(event="retention_applied").order_by("id"))
    assert [run.new["referrals"] for run in runs] == [7, 0, 2]
    assert runs[0].actor_label == "system" and runs[0].subject_type == ""
    assert runs[0].new["today"] == "2026-06-01" and runs[0].new["ended_months"] == 24


def test_a_dry_run_counts_and_changes_nothing(cases):
    before = database_state()
    with at(RUN_DAY):
        counted = retention_apply(dry_run=True)
    assert database_state() == before
    with at(RUN_DAY):
        applied = retention_apply()
    assert counted == applied


def test_the_periods_come_from_the_settings(cases, settings):
    settings.RETENTION_ENDED_MONTHS = 120
    settings.RETENTION_REJECTED_MONTHS = 120
    with at(RUN_DAY):
        assert retention_apply().referrals == 0


def test_the_command_prints_counts_and_no_names(cases):
    out = io.StringIO()
    with at(RUN_DAY):
        call_command("apply_retention", "--dry-run", stdout=out)
    text = out.getvalue()
    assert text.startswith("Zou worden verwijderd (proefdraai):")
    assert "Sem" not in text and "de Vries" not in text and "Fatima" not in text
    assert "aanmeldingen (met hun interventies): 7" in text
    assert Referral.objects.filter(personal_data_removed_at__isnull=False).count() == 0
    with at(RUN_DAY):
        call_command("apply_retention", stdout=io.StringIO())
    assert Referral.objects.filter(personal_data_removed_at__isnull=False).count() == 7
