"""The worklist reads the first rows of its lists as ids, each list on its own, then the rows of
all of them in one query with what a row shows: the same rows in the same order as each list
itself, and no query per row."""

import datetime as dt

from django.utils import timezone

from kansrijk.interventions import selectors
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.tests.factories import make_intervention


def _shown(row: Intervention) -> tuple[str, str, str, str]:
    """What a worklist row shows; every row here has a school and a professional."""
    assert row.school is not None and row.professional is not None, row
    return (
        row.referral.young_person.last_name,
        row.municipality.name,
        row.school.name,
        row.professional.username,
    )


def test_it_gives_each_lists_first_rows_in_the_lists_order(caseworker_a, school_a):
    for _ in range(5):
        make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    newest_first = selectors.interventions_of_professional(user=caseworker_a).order_by(
        "-referral_date", "-id"
    )
    oldest_first = selectors.interventions_of_professional(user=caseworker_a)

    newest, oldest = selectors.first_rows((newest_first, 2), (oldest_first, 3))

    assert [row.pk for row in newest] == list(newest_first.values_list("pk", flat=True)[:2])
    assert [row.pk for row in oldest] == list(oldest_first.values_list("pk", flat=True)[:3])


def test_it_reads_the_rows_of_all_lists_in_one_query(
    team_lead_a, caseworker_a, school_a, time_machine, django_assert_num_queries
):
    tz = timezone.get_current_timezone()
    time_machine.move_to(dt.datetime(2026, 3, 2, 9, 0, tzinfo=tz), tick=False)
    for _ in range(3):
        make_intervention(status="new", professional=caseworker_a, school=school_a)
    # Long enough that every file is open too long and has had no contact.
    time_machine.move_to(dt.datetime(2026, 7, 1, 9, 0, tzinfo=tz), tick=False)
    lists = [
        (selectors.interventions_needing_attention(user=team_lead_a, kind=kind), 10)
        for kind in (selectors.ATTENTION_NO_CONTACT, selectors.ATTENTION_OPEN_LONG)
    ]

    # The ids of each list, then one query for the rows and everything a row shows.
    with django_assert_num_queries(3):
        no_contact, open_long = selectors.first_rows(*lists)
        shown = [_shown(row) for row in no_contact + open_long]

    assert len(no_contact) == len(open_long) == 3
    assert {school for _name, _municipality, school, _professional in shown} == {school_a.name}


def test_it_reads_no_rows_for_empty_lists(team_lead_a, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert selectors.first_rows((selectors.interventions_of_professional(user=team_lead_a), 10)) == [[]]
