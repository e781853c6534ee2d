""" "Mijn aanmeldingen": each referral of the organisation with its status — submitted, in review,
accepted, rejected with the reason category — and, only with the consent to share feedback,
how the intervention ended."""

import pytest
from django.urls import reverse

from kansrijk.interventions.tests.factories import make_intervention, make_referral


@pytest.fixture
def browser(client, referrer_a):
    client.force_login(referrer_a)
    return client


def _row(page: str, reference: str) -> str:
    return page.split(reference, 1)[1].split("</tr>", 1)[0]


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        ("submitted", "Ingediend"),
        ("in_review", "In behandeling"),
        ("accepted", "Geaccepteerd"),
        ("withdrawn", "Ingetrokken"),
    ],
)
def test_it_shows_the_status(browser, organisation_a, status, shown):
    referral = make_referral(organisation=organisation_a, status=status)

    page = browser.get(reverse("portal:referrals")).content.decode()
    detail = browser.get(reverse("portal:status", args=[referral.uuid])).content.decode()

    assert f'<span class="status status--{status}">{shown}</span>' in _row(page, referral.reference)
    assert f'<span class="status status--{status}">{shown}</span>' in detail


def test_a_rejection_shows_its_reason_category_but_not_the_note(browser, organisation_a):
    referral = make_referral(
        organisation=organisation_a, status="rejected", rejection_reason="care_sufficient"
    )
    referral.rejection_note = "Het wijkteam begeleidt het gezin al."
    referral.save()

    page = browser.get(reverse("portal:referrals")).content.decode()

    row = _row(page, referral.reference)
    assert "Afgewezen" in row
    assert "Hulpverlening is al voldoende" in row
    assert "wijkteam begeleidt" not in page


def test_without_consent_an_ended_intervention_stays_accepted(browser, organisation_a):
    intervention = make_intervention(
        status="completed", organisation=organisation_a, outcome="further_support"
    )

    page = browser.get(reverse("portal:referrals")).content.decode()
    detail = browser.get(reverse("portal:status", args=[intervention.referral.uuid])).content.decode()

    for answer in (_row(page, intervention.referral.reference), detail):
        assert "Geaccepteerd" in answer
        assert "Afgerond" not in answer
        assert "Verdere ondersteuning nodig" not in answer


def test_the_list_is_paged_and_its_queries_do_not_grow_with_it(browser, organisation_a, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kansrijk.portal import views as portal_views

    monkeypatch.setattr(portal_views, "PAGE_SIZE", 3)
    first = make_referral(organisation=organisation_a, status="rejected")
    with CaptureQueriesContext(connection) as one:
        browser.get(reverse("portal:referrals"))
    others = [
        make_referral(organisation=organisation_a, status=s) for s in ("accepted", "in_review", "submitted")
    ]
    with CaptureQueriesContext(connection) as four:
        page_one = browser.get(reverse("portal:referrals")).content.decode()
    page_two = browser.get(reverse("portal:referrals"), {"page": 2}).content.decode()

    assert len(four) == len(one)
    assert all(referral.reference in page_one for referral in others)
    assert first.reference not in page_one
    assert first.reference in page_two
    assert "Pagina 2 van 2" in page_two
