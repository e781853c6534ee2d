"""The database itself refuses invalid interventions, whoever writes them (docs/database.md).

Each invalid row is written past the services, through SQL or QuerySet.update, and must be
refused; a valid change of the same row must still be taken, so these tests can fail.
The composite key and the trigger exist on PostgreSQL only; CI runs the suite there too.
"""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from kansrijk.interventions.models import Component, Consent, Intervention, InterventionStatusChange
from kansrijk.organisations.models import Municipality
from kansrijk.referrals.models import Referral

from .factories import make_intervention, make_referral

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="composite keys and triggers exist on PostgreSQL only"
)


def sql(statement: str, *params) -> int:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.rowcount


def refused(constraint: str, statement: str, *params) -> None:
    """The statement fails on `constraint` (both databases name it in the message)."""
    with pytest.raises(IntegrityError, match=constraint):
        sql(statement, *params)


def refused_update(constraint: str, queryset, **values) -> None:
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        queryset.update(**values)


def test_it_refuses_an_unknown_status(caseworker_a):
    intervention = make_intervention(status="new", professional=caseworker_a)

    refused(
        "intervention_status_valid",
        "UPDATE interventions_intervention SET status = 'bogus' WHERE id = %s",
        intervention.pk,
    )
    assert (
        sql("UPDATE interventions_intervention SET status = 'intake_planned' WHERE id = %s", intervention.pk)
        == 1
    )


def test_it_refuses_unknown_codes_in_the_other_choice_columns(caseworker_a):
    intervention = make_intervention(
        status="in_progress", professional=caseworker_a, components=["reflection"]
    )
    rows = Intervention.objects.filter(pk=intervention.pk)

    for column in ("type", "primary_reason"):
        refused_update(f"intervention_{column}_valid", rows, **{column: "bogus"})
    refused_update(
        "intervention_history_to_status_valid",
        InterventionStatusChange.objects.filter(intervention=intervention),
        to_status="bogus",
    )
    refused_update("component_kind_valid", Component.objects.filter(intervention=intervention), kind="bogus")
    assert rows.update(primary_reason="theft") == 1


def test_it_refuses_a_completed_intervention_with_a_bogus_outcome_and_no_end_date(caseworker_a):
    intervention = make_intervention(status="completed", professional=caseworker_a)

    refused(
        "intervention_(outcome_valid|end_date_when_ended)",
        "UPDATE interventions_intervention SET outcome = 'bogus', end_date = NULL WHERE id = %s",
        intervention.pk,
    )
    refused(
        "intervention_outcome_valid",
        "UPDATE interventions_intervention SET outcome = 'bogus' WHERE id = %s",
        intervention.pk,
    )
    refused(
        "intervention_end_date_when_ended",
        "UPDATE interventions_intervention SET end_date = NULL WHERE id = %s",
        intervention.pk,
    )
    refused(
        "intervention_outcome_when_completed",
        "UPDATE interventions_intervention SET outcome = '' WHERE id = %s",
        intervention.pk,
    )
    assert (
        sql(
            "UPDATE interventions_intervention SET outcome = 'further_support' WHERE id = %s", intervention.pk
        )
        == 1
    )


def test_it_refuses_completing_without_an_outcome(caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    rows = Intervention.objects.filter(pk=intervention.pk)
    end = intervention.intake_date

    refused_update("intervention_outcome_when_completed", rows, status="completed", end_date=end)
    refused_update("intervention_end_date_when_ended", rows, status="completed", outcome="sufficient")
    assert rows.update(status="completed", outcome="sufficient", end_date=end) == 1


def test_it_refuses_a_stopped_intervention_without_a_stop_reason(caseworker_a):
    stopped = make_intervention(status="stopped", professional=caseworker_a)
    in_progress = make_intervention(status="in_progress", professional=caseworker_a)
    end = in_progress.intake_date

    refused(
        "intervention_stop_reason_when_stopped",
        "UPDATE interventions_intervention SET stop_reason = '' WHERE id = %s",
        stopped.pk,
    )
    refused(
        "intervention_end_date_when_ended",
        "UPDATE interventions_intervention SET end_date = NULL WHERE id = %s",
        stopped.pk,
    )
    refused(
        "intervention_stop_reason_when_stopped",
        "UPDATE interventions_intervention SET status = 'stopped', end_date = %s WHERE id = %s",
        end,
        in_progress.pk,
    )
    assert (
        sql(
            "UPDATE interventions_intervention"
            " SET status = 'stopped', end_date = %s, stop_reason = 'parents_withdrew' WHERE id = %s",
            end,
            in_progress.pk,
        )
        == 1
    )


def test_it_refuses_a_not_started_intervention_without_its_reason(caseworker_a):
    intervention = make_intervention(status="not_started", professional=caseworker_a)
    rows = Intervention.objects.filter(pk=intervention.pk)

    refused_update("intervention_not_started_reason_when_not_started", rows, not_started_reason="")
    refused_update("intervention_not_started_reason_valid", rows, not_started_reason="bogus")
    assert rows.update(not_started_reason="no_consent") == 1


def test_it_refuses_an_ending_on_an_open_intervention_and_a_second_reason(caseworker_a):
    open_file = make_intervention(status="in_progress", professional=caseworker_a)
    completed = make_intervention(status="completed", professional=caseworker_a)
    open_rows = Intervention.objects.filter(pk=open_file.pk)
    completed_rows = Intervention.objects.filter(pk=completed.pk)

    refused_update("intervention_end_date_when_ended", open_rows, end_date=open_file.intake_date)
    refused_update("intervention_outcome_when_completed", open_rows, outcome="sufficient")
    refused_update(
        "intervention_not_started_reason_when_not_started", open_rows, not_started_reason="no_contact"
    )
    refused_update("intervention_stop_reason_when_stopped", completed_rows, stop_reason="youth_withdrew")
    assert open_rows.update(status="intake_planned") == 1


def test_it_refuses_an_end_date_before_the_referral_date(caseworker_a):
    intervention = make_intervention(status="completed", professional=caseworker_a)
    day_before = intervention.referral_date - dt.timedelta(days=1)

    refused(
        "intervention_end_date_after_referral",
        "UPDATE interventions_intervention SET end_date = %s WHERE id = %s",
        day_before,
        intervention.pk,
    )
    refused(
        "intervention_intake_date_after_referral",
        "UPDATE interventions_intervention SET intake_date = %s WHERE id = %s",
        day_before,
        intervention.pk,
    )
    assert (
        sql(
            "UPDATE interventions_intervention SET end_date = %s, intake_date = %s WHERE id = %s",
            intervention.referral_date,
            intervention.referral_date,
            intervention.pk,
        )
        == 1
    )


def test_it_refuses_a_done_component_without_its_day(caseworker_a):
    intervention = make_intervention(
        status="in_progress", professional=caseworker_a, components=["role_play"]
    )
    rows = Component.objects.filter(intervention=intervention)

    refused_update("component_done_date_when_done", rows, status="done")
    refused_update("component_done_date_when_done", rows, done_date=intervention.intake_date)
    assert rows.update(status="done", done_date=intervention.intake_date) == 1


@postgres_only
def test_it_refuses_a_region_that_is_not_the_municipalitys(caseworker_a, region_b, municipality_b):
    intervention = make_intervention(status="new", professional=caseworker_a)

    refused(
        "intervention_region_of_municipality",
        "UPDATE interventions_intervention SET region_id = %s WHERE id = %s",
        region_b.pk,
        intervention.pk,
    )
    refused(
        "intervention_region_of_municipality",
        "UPDATE interventions_intervention SET municipality_id = %s WHERE id = %s",
        municipality_b.pk,
        intervention.pk,
    )
    assert (
        sql(
            "UPDATE interventions_intervention SET municipality_id = %s, region_id = %s WHERE id = %s",
            municipality_b.pk,
            region_b.pk,
            intervention.pk,
        )
        == 1
    )


@postgres_only
def test_it_moves_the_interventions_with_their_municipality(caseworker_a, region_b):
    intervention = make_intervention(status="new", professional=caseworker_a)

    Municipality.objects.filter(pk=intervention.municipality_id).update(region=region_b)

    intervention.refresh_from_db()
    intervention.referral.refresh_from_db()
    assert (intervention.region_id, intervention.referral.region_id) == (region_b.pk, region_b.pk)


@postgres_only
def test_it_refuses_rejecting_a_referral_that_has_an_intervention(caseworker_a):
    intervention = make_intervention(status="new", professional=caseworker_a)

    refused(
        "referral_rejected_has_no_intervention",
        "UPDATE referrals_referral SET status = 'rejected', rejection_reason = 'other' WHERE id = %s",
        intervention.referral_id,
    )
    assert Referral.objects.get(pk=intervention.referral_id).status == "accepted"


@postgres_only
def test_it_refuses_an_intervention_for_a_rejected_referral(caseworker_a, team_lead_a):
    intervention = make_intervention(status="new", professional=caseworker_a)
    rejected = make_referral(status="rejected", team_lead=team_lead_a)
    submitted = make_referral(status="submitted", team_lead=team_lead_a)
    rows = Intervention.objects.filter(pk=intervention.pk)

    refused_update("intervention_referral_not_rejected", rows, referral=rejected)
    refused(
        "intervention_referral_not_rejected",
        "INSERT INTO interventions_intervention"
        " (uuid, reference, referral_id, type, status, region_id, municipality_id,"
        " referral_date, primary_reason, has_restoration, parent_contact_face_to_face,"
        " parent_contact_digital, parent_contact_phone, is_repeat, outcome, stop_reason,"
        " not_started_reason, end_note, created_at, updated_at)"
        " SELECT gen_random_uuid(), 'HLT-TEST', id, type, 'new', region_id, municipality_id,"
        " referral_date, 'theft', false, false, false, false, false, '', '', '', '', now(), now()"
        " FROM referrals_referral WHERE id = %s",
        rejected.pk,
    )
    assert rows.update(referral=submitted) == 1


def test_it_refuses_a_second_consent_in_effect_for_the_same_person_and_purpose(caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    young_person = intervention.referral.young_person
    today = dt.date.today()
    given = Consent.objects.create(
        intervention=intervention, purpose="care_referral", young_person=young_person, given_on=today
    )
    withdrawn = Consent.objects.create(
        intervention=intervention,
        purpose="care_referral",
        young_person=young_person,
        given_on=today,
        withdrawn_on=today,
    )

    # Taking back the withdrawal of the second would put two in effect (SQLite names the
    # columns, PostgreSQL the constraint).
    with pytest.raises(IntegrityError, match="consent_one_in_effect|people_consent"), transaction.atomic():
        Consent.objects.filter(pk=withdrawn.pk).update(withdrawn_on=None)
    # With the first withdrawn, the second may be in effect.
    Consent.objects.filter(pk=given.pk).update(withdrawn_on=today)
    assert Consent.objects.filter(pk=withdrawn.pk).update(withdrawn_on=None) == 1
