"""The management figures (reports/dashboard.py): lead times as medians, outcomes, repeat
referrals, per month and per region, and the open caseload per professional."""

import datetime as dt

import pytest

from kansrijk.interventions.tests.factories import make_intervention
from kansrijk.reports.dashboard import management_figures, median_of

from .helpers import PERIOD


@pytest.mark.parametrize(
    "distribution,median",
    [
        ({}, None),
        ({5: 1}, 5),
        ({1: 1, 3: 1}, 2),
        ({1: 2, 10: 1}, 1),
        ({0: 1, 4: 2, 9: 1}, 4),
        ({2: 1, 7: 3}, 7),
    ],
)
def test_the_median_is_read_off_the_distribution(distribution, median):
    assert median_of(distribution) == median


@pytest.fixture
def cases(school_a, caseworker_a, caseworker_a2, region_b):
    october, november = dt.date(2024, 10, 1), dt.date(2024, 11, 4)
    first = make_intervention(
        school=school_a,
        referral_date=october,
        professional=caseworker_a,
        parent_contacts=["phone"],  # contact on the referral day: 0 days
        intake_date=october + dt.timedelta(days=6),
        end_date=october + dt.timedelta(days=30),
        status="completed",
        outcome="sufficient",
    )
    make_intervention(  # the intake is the first contact: 10 days; stopped after 20
        school=school_a,
        referral_date=october,
        professional=caseworker_a,
        intake_date=october + dt.timedelta(days=10),
        end_date=october + dt.timedelta(days=20),
        status="stopped",
    )
    make_intervention(
        school=school_a, referral_date=october, professional=caseworker_a2, status="not_started"
    )
    # The same young person again a month later: a repeat referral, still open.
    make_intervention(
        school=school_a,
        referral_date=november,
        professional=caseworker_a2,
        young_person=first.referral.young_person,
        status="in_progress",
        intake_date=november + dt.timedelta(days=2),
    )
    make_intervention(school=school_a, referral_date=november, professional=caseworker_a, status="new")


def _figures(region):
    return management_figures(period=PERIOD, region_ids=[region.pk], intervention_type=None)


def test_it_gives_the_median_lead_times(cases, region_a):
    total = _figures(region_a).total

    assert total.counts["referred"] == 5
    assert total.first_contact == 2  # days 0, 2, 10 (not started and new have no contact)
    assert total.intake == 6  # days 2, 6, 10
    assert total.end == 20  # days 14 (not started), 20, 30


def test_it_counts_outcomes_early_stops_and_repeat_referrals(cases, region_a):
    total = _figures(region_a).total

    assert total.counts["sufficient"] == 1
    assert total.counts["stopped"] == 1
    assert total.counts["not_started"] == 1
    assert total.counts["open"] == 2
    assert total.counts["repeat"] == 1


def test_it_splits_the_figures_per_month_and_per_region(cases, region_a):
    figures = _figures(region_a)

    by_month = {row.key: row for row in figures.months}
    assert len(figures.months) == 12
    assert figures.months[0].key == dt.date(2024, 8, 1)
    assert by_month[dt.date(2024, 10, 1)].counts["referred"] == 3
    assert by_month[dt.date(2024, 11, 1)].counts["referred"] == 2
    assert by_month[dt.date(2024, 11, 1)].counts["repeat"] == 1
    assert by_month[dt.date(2024, 10, 1)].intake == 8  # days 6 and 10
    assert [(row.label, row.counts["referred"]) for row in figures.regions] == [("Haaglanden", 5)]


def test_the_open_caseload_is_per_professional(cases, region_a, caseworker_a, caseworker_a2):
    caseload = {row["name"]: row for row in _figures(region_a).caseload}

    assert caseload[caseworker_a.get_username()]["new"] == 1
    assert caseload[caseworker_a.get_username()]["total"] == 1
    assert caseload[caseworker_a2.get_username()]["in_progress"] == 1


def test_other_regions_and_types_stay_out(cases, region_a, region_b):
    assert _figures(region_b).total.counts["referred"] == 0
    neighbourhood = management_figures(
        period=PERIOD, region_ids=[region_a.pk], intervention_type="neighbourhood"
    )
    assert neighbourhood.total.counts["referred"] == 0
    assert neighbourhood.caseload == []
