"""The triage page uses as many database queries for a young person with one earlier referral
as for one with twenty : nothing is fetched per row."""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions.tests.factories import make_referral


def test_the_triage_page_does_not_query_per_earlier_referral(
    client, team_lead_a, caseworker_a, organisation_a, organisation_b, django_assert_num_queries
):
    referral = make_referral(organisation=organisation_a, reasons=["theft", "school_absence"])
    young_person = referral.young_person
    url = reverse("referrals:detail", args=[referral.uuid])
    client.force_login(team_lead_a)
    client.get(url)  # warm caches (content types, translations) outside the count

    def add(count):
        for index in range(count):
            # Accepted ones link to their file, open ones to their triage; one is in region B.
            make_referral(
                status="accepted" if index % 2 else "submitted",
                organisation=organisation_b if index == 3 else organisation_a,
                professional=caseworker_a if index != 3 else None,
                young_person=young_person,
                referral_date=timezone.localdate() - dt.timedelta(days=30 + index),
            )

    add(1)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert len(response.context["triage"].earlier) == 1
    add(19)
    with django_assert_num_queries(len(captured)):
        response = client.get(url)
    assert len(response.context["triage"].earlier) == 20
    text = response.content.decode()
    assert text.count('href="/interventies/') >= 9
    assert "Een aanmelding in een andere regio" in text
