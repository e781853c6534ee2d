"""The worklist's sections read their first rows in two queries (the ids, then the rows with
what a row shows): the same rows in the same order as the list itself, and no query per row."""

from kansrijk.interventions import selectors
from kansrijk.interventions.tests.factories import make_intervention


def test_it_gives_the_lists_first_rows_in_the_lists_order(caseworker_a, school_a):
    made = [
        make_intervention(status="in_progress", professional=caseworker_a, school=school_a) for _ in range(5)
    ]
    interventions = selectors.interventions_of_professional(user=caseworker_a)

    rows = selectors.first_rows(interventions, 3)

    assert [row.pk for row in rows] == list(interventions.values_list("pk", flat=True)[:3])
    assert {row.pk for row in rows} <= {intervention.pk for intervention in made}


def test_it_fetches_what_a_row_shows_in_two_queries(caseworker_a, school_a, django_assert_num_queries):
    for _ in range(4):
        make_intervention(status="in_progress", professional=caseworker_a, school=school_a)
    interventions = selectors.interventions_of_professional(user=caseworker_a)

    with django_assert_num_queries(2):
        rows = selectors.first_rows(interventions, 10)
        shown = [
            (row.referral.young_person.last_name, row.municipality.name, row.school.name, row.professional_id)
            for row in rows
        ]

    assert len(shown) == 4
    assert all(school == school_a.name for _name, _municipality, school, _professional in shown)


def test_it_makes_one_query_for_an_empty_list(team_lead_a, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert selectors.first_rows(selectors.interventions_of_professional(user=team_lead_a), 10) == []
