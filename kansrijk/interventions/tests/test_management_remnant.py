"""The management figures' remnant on the intervention (interventions/remnant.py): the first
contact and the repeat flag are kept by the services, so the figures survive retention."""

import datetime as dt

import pytest
from django.utils import timezone

from kansrijk.interventions import services
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.remnant import refresh_repeat_flags
from kansrijk.interventions.tests.factories import make_intervention, make_referral


def _day(days_ago: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days_ago)


@pytest.mark.django_db
def test_the_first_contact_is_the_earliest_dated_contact_or_conversation(caseworker_a):
    intervention = make_intervention(status="new", professional=caseworker_a, referral_date=_day(40))
    assert intervention.first_contact_date is None

    services.intervention_record_parent_contact(
        intervention=intervention, by=caseworker_a, mode="phone", date=_day(30)
    )
    services.intervention_record_parent_contact(intervention=intervention, by=caseworker_a, mode="phone")
    services.intervention_record_parent_contact(
        intervention=intervention, by=caseworker_a, mode="digital", date=_day(35)
    )
    services.intervention_start(intervention=intervention, by=caseworker_a, intake_date=_day(20))

    intervention.refresh_from_db()
    assert intervention.first_contact_date == _day(35)


@pytest.mark.django_db
def test_the_intake_is_the_first_contact_when_there_was_none_before(caseworker_a):
    intervention = make_intervention(
        status="in_progress", professional=caseworker_a, referral_date=_day(40), intake_date=_day(31)
    )

    assert intervention.first_contact_date == _day(31)


@pytest.mark.django_db
def test_a_referral_within_a_year_of_the_previous_one_is_a_repeat(caseworker_a):
    first = make_intervention(professional=caseworker_a, referral_date=_day(400))
    young_person = first.referral.young_person
    second = make_intervention(professional=caseworker_a, referral_date=_day(100), young_person=young_person)
    third = make_intervention(professional=caseworker_a, referral_date=_day(10), young_person=young_person)
    stranger = make_intervention(professional=caseworker_a, referral_date=_day(10))

    for intervention in (first, second, third, stranger):
        intervention.refresh_from_db()
    # 300 days after the first: a repeat; 90 days after the second: a repeat too.
    assert (first.is_repeat, second.is_repeat, third.is_repeat, stranger.is_repeat) == (
        False,
        True,
        True,
        False,
    )


@pytest.mark.django_db
def test_accepting_an_earlier_referral_late_makes_the_later_one_a_repeat(caseworker_a, team_lead_a):
    later = make_intervention(professional=caseworker_a, team_lead=team_lead_a, referral_date=_day(20))
    earlier = make_referral(
        status="in_review",
        team_lead=team_lead_a,
        professional=caseworker_a,
        young_person=later.referral.young_person,
        referral_date=_day(60),
    )
    later.refresh_from_db()
    assert not later.is_repeat

    accepted = services.intervention_open(referral=earlier, by=team_lead_a, professional=caseworker_a)

    # Read afresh rather than refresh_from_db(): mypy would keep the `not later.is_repeat` above.
    later = Intervention.objects.get(pk=later.pk)
    assert later.is_repeat
    assert not accepted.is_repeat


@pytest.mark.django_db
def test_refreshing_puts_wrong_flags_right_and_changes_nothing_else(caseworker_a):
    first = make_intervention(professional=caseworker_a, referral_date=_day(50))
    second = make_intervention(
        professional=caseworker_a, referral_date=_day(50), young_person=first.referral.young_person
    )
    type(first).objects.filter(pk__in=[first.pk, second.pk]).update(is_repeat=False)
    type(first).objects.filter(pk=first.pk).update(is_repeat=True)

    refresh_repeat_flags()

    first.refresh_from_db()
    second.refresh_from_db()
    # The same day: the one with the later referral is the repeat.
    assert (first.is_repeat, second.is_repeat) == (False, True)
