"""The factsheet's year list offers the school years that have data, not ten fixed years."""

import datetime as dt

from django.urls import reverse

from kansrijk.interventions.tests.factories import make_intervention


def _years(response) -> list[str]:
    return response.context["periods"]


def test_it_offers_this_year_back_to_the_first_with_an_intervention(client, team_lead_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 6, 10, 0, tzinfo=dt.UTC), tick=False)
    make_intervention(status="in_progress", referral_date=dt.date(2024, 10, 1))
    client.force_login(team_lead_a)

    response = client.get(reverse("reports:factsheet"), follow=True)

    assert _years(response) == ["2026-2027", "2025-2026", "2024-2025"]


def test_a_year_asked_for_outside_the_list_is_still_shown_as_chosen(client, team_lead_a, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 6, 10, 0, tzinfo=dt.UTC), tick=False)
    make_intervention(status="in_progress", referral_date=dt.date(2025, 10, 1))
    client.force_login(team_lead_a)

    response = client.get(
        reverse("reports:factsheet"), {"periode": "2019-2020", "scope": "regio", "naam": "Haaglanden"}
    )

    assert _years(response) == ["2026-2027", "2025-2026", "2019-2020"]
