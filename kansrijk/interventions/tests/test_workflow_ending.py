"""Ending an intervention: completed needs an intake and an outcome, every end needs a sound date
and, when stopped or not started, a reason. A refused ending changes nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from kansrijk.core.errors import DomainError
from kansrijk.interventions import services
from kansrijk.interventions.models import Intervention

from .factories import database_state, make_intervention


def _refused(call, code):
    before = database_state()
    with pytest.raises(DomainError) as refused:
        call()
    assert refused.value.code == code
    assert database_state() == before
    return refused.value


def test_it_refuses_to_complete_an_intervention_without_an_intake(caseworker_a):
    intervention = make_intervention(status="intake_planned", professional=caseworker_a)

    error = _refused(
        lambda: services.intervention_complete(
            intervention=intervention, by=caseworker_a, outcome="sufficient", end_date=timezone.localdate()
        ),
        "no_intake",
    )

    assert "intake" in str(error)


def test_it_refuses_to_complete_an_imported_file_in_progress_that_has_no_intake_date(caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    # The old registration did not always keep the intake date (interchange.md: optional).
    Intervention.objects.filter(pk=intervention.pk).update(intake_date=None)

    _refused(
        lambda: services.intervention_complete(
            intervention=intervention, by=caseworker_a, outcome="sufficient", end_date=timezone.localdate()
        ),
        "no_intake",
    )


@pytest.mark.parametrize(("outcome", "code"), [("", "outcome_required"), ("great", "unknown_code")])
def test_it_refuses_to_complete_without_a_valid_outcome(caseworker_a, outcome, code):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)

    _refused(
        lambda: services.intervention_complete(
            intervention=intervention, by=caseworker_a, outcome=outcome, end_date=timezone.localdate()
        ),
        code,
    )

    intervention.refresh_from_db()
    assert intervention.status == "in_progress"


@pytest.mark.parametrize(
    ("days_after_intake", "code"),
    [(-1, "date_too_early"), (None, "date_in_future")],
)
def test_it_refuses_an_end_date_before_the_intake_or_in_the_future(caseworker_a, days_after_intake, code):
    today = timezone.localdate()
    intervention = make_intervention(
        status="in_progress", professional=caseworker_a, intake_date=today - dt.timedelta(days=5)
    )
    if days_after_intake is None:
        end_date = today + dt.timedelta(days=1)
    else:
        assert intervention.intake_date is not None
        end_date = intervention.intake_date + dt.timedelta(days=days_after_intake)

    _refused(
        lambda: services.intervention_complete(
            intervention=intervention, by=caseworker_a, outcome="sufficient", end_date=end_date
        ),
        code,
    )


def test_it_completes_on_the_day_of_the_intake(caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)
    assert intervention.intake_date is not None

    services.intervention_complete(
        intervention=intervention,
        by=caseworker_a,
        outcome="further_support",
        end_date=intervention.intake_date,
    )

    intervention.refresh_from_db()
    assert (intervention.status, intervention.outcome) == ("completed", "further_support")
    assert intervention.end_date == intervention.intake_date


def test_it_stops_an_intervention_with_the_reason_and_explanation_in_the_history(caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)

    services.intervention_stop(
        intervention=intervention,
        by=caseworker_a,
        reason="parents_withdrew",
        end_date=timezone.localdate(),
        note="The family moved abroad.",
    )

    intervention.refresh_from_db()
    assert intervention.status == "stopped"
    assert intervention.stop_reason == "parents_withdrew"
    assert intervention.end_note == "The family moved abroad."
    last = intervention.history.last()
    assert last is not None
    assert (last.from_status, last.to_status, last.by) == ("in_progress", "stopped", caseworker_a)
    assert "parents_withdrew" in last.reason and "The family moved abroad." in last.reason


@pytest.mark.parametrize(("reason", "code"), [("", "reason_required"), ("bored", "unknown_code")])
def test_it_refuses_to_stop_without_a_valid_reason(caseworker_a, reason, code):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)

    _refused(
        lambda: services.intervention_stop(
            intervention=intervention, by=caseworker_a, reason=reason, end_date=timezone.localdate()
        ),
        code,
    )


def test_it_closes_an_intervention_that_never_started_with_its_reason(caseworker_a):
    intervention = make_intervention(status="intake_planned", professional=caseworker_a)

    services.intervention_not_started(
        intervention=intervention, by=caseworker_a, reason="no_consent", end_date=timezone.localdate()
    )

    intervention.refresh_from_db()
    assert (intervention.status, intervention.not_started_reason) == ("not_started", "no_consent")
    assert intervention.end_date == timezone.localdate()
    last = intervention.history.last()
    assert last is not None
    assert last.reason == "no_consent"


@pytest.mark.parametrize(("reason", "code"), [("", "reason_required"), ("weather", "unknown_code")])
def test_it_refuses_not_started_without_a_valid_reason(caseworker_a, reason, code):
    intervention = make_intervention(status="new", professional=caseworker_a)

    _refused(
        lambda: services.intervention_not_started(
            intervention=intervention, by=caseworker_a, reason=reason, end_date=timezone.localdate()
        ),
        code,
    )


def test_it_refuses_a_not_started_end_date_before_the_referral(caseworker_a):
    intervention = make_intervention(status="new", professional=caseworker_a)

    _refused(
        lambda: services.intervention_not_started(
            intervention=intervention,
            by=caseworker_a,
            reason="no_contact",
            end_date=intervention.referral_date - dt.timedelta(days=1),
        ),
        "date_too_early",
    )
