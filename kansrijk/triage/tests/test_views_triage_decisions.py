"""A team lead decides on a referral from the triage page: takes it into review, accepts it
(opening an intervention assigned to a professional of the region) or rejects it with a reason."""

import pytest
from django.urls import reverse

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.tests.factories import database_state, make_referral
from kansrijk.people.models import YoungPerson

ENGLISH = {"accept-language": "en"}


def _state():
    """Every row of every table but the sessions, whose expiry moves with each request."""
    state = database_state()
    # Django's own table, unused, and ours (SESSION_ENGINE, kansrijk/accounts/sessions.py);
    # the expiry moves with each request.
    del state["sessions.Session"], state["accounts.UserSession"]
    return state


@pytest.fixture
def referral(organisation_a):
    return make_referral(organisation=organisation_a, reasons=["bullying", "theft"])


def _page(client, user, referral):
    client.force_login(user)
    return client.get(reverse("referrals:detail", args=[referral.uuid]), headers=ENGLISH)


def _post(client, user, referral, action, data=None):
    client.force_login(user)
    return client.post(reverse(f"referrals:{action}", args=[referral.uuid]), data or {}, headers=ENGLISH)


def test_it_shows_everything_the_referrer_sent(client, team_lead_a, school_a, organisation_a):
    referral = make_referral(
        organisation=organisation_a,
        reasons=["vandalism", "bullying"],
        has_victim=True,
        youth_informed=True,
        parents_informed=False,
        other_care_involved=True,
        description="Kicked in the door of the gym.",
        young_person_data={"first_name": "Daan", "last_name": "Visser", "school_class": "2B"},
        parents=[{"first_name": "Els", "last_name": "Visser", "relation": "mother", "phone": "06-22223333"}],
    )

    assert referral.incident_date is not None
    text = _page(client, team_lead_a, referral).content.decode()

    for expected in (
        "Daan Visser",
        "2B",
        "Els Visser (mother)",
        "06-22223333",
        school_a.name,
        "Den Haag",
        organisation_a.name,
        referral.referral_date.strftime("%d-%m-%Y"),
        referral.incident_date.strftime("%d-%m-%Y"),
        "Kicked in the door of the gym.",
        "There is a victim.",
    ):
        assert expected in text, expected
    reasons = text.split("Reasons")[1].split("</ul>")[0]
    assert reasons.index("Vandalism") < reasons.index("primary reason") < reasons.index("Bullying")
    assert "Young person knows of the referral</dt><dd>yes" in text
    assert "Parents know of the referral</dt><dd>no" in text


def test_it_records_who_read_the_referral(client, team_lead_a, referral):
    _page(client, team_lead_a, referral)
    assert AuditEvent.objects.filter(
        event="referral_viewed", actor=team_lead_a, subject_id=str(referral.uuid)
    ).exists()


def test_it_takes_a_referral_into_review(client, team_lead_a, referral):
    assert "Take into review" in _page(client, team_lead_a, referral).content.decode()

    response = _post(client, team_lead_a, referral, "start_review")

    assert response.status_code == 302
    assert response["Location"] == reverse("referrals:detail", args=[referral.uuid])
    referral.refresh_from_db()
    assert referral.status == "in_review"
    page = client.get(response["Location"], headers=ENGLISH).content.decode()
    assert "Take into review" not in page
    assert "Accept and assign" in page


def test_it_accepts_and_opens_the_new_file_assigned_to_the_chosen_professional(
    client, team_lead_a, caseworker_a, caseworker_a2, referral
):
    caseworker_a2.first_name, caseworker_a2.last_name = "Ahmed", "El Idrissi"
    caseworker_a2.save()
    page = _page(client, team_lead_a, referral).content.decode()
    assert "Ahmed El Idrissi" in page and "anna" in page

    response = _post(client, team_lead_a, referral, "accept", {"accept-professional": caseworker_a2.pk})

    intervention = Intervention.objects.get(referral=referral)
    assert intervention.professional == caseworker_a2
    assert intervention.status == "new"
    assert response.status_code == 302
    assert response["Location"] == reverse("interventions:detail", args=[intervention.uuid])
    file_page = client.get(response["Location"], headers=ENGLISH).content.decode()
    assert intervention.reference in file_page
    assert "Ahmed El Idrissi" in file_page
    referral.refresh_from_db()
    assert referral.status == "accepted"


def test_it_rejects_with_the_reason_and_an_explanation(client, team_lead_a, referral):
    response = _post(
        client,
        team_lead_a,
        referral,
        "reject",
        {"reject-reason": "criminal_offence", "reject-note": "  Shoplifting: police route.  "},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("referrals:detail", args=[referral.uuid])
    referral.refresh_from_db()
    assert (referral.status, referral.rejection_reason, referral.rejection_note) == (
        "rejected",
        "criminal_offence",
        "Shoplifting: police route.",
    )
    assert not Intervention.objects.exists()
    page = client.get(response["Location"], headers=ENGLISH).content.decode()
    assert "This referral has been rejected." in page
    assert "Criminal offence: police/Halt-afdoening route" in page
    assert "Accept and assign" not in page and "Reject referral" not in page


def test_it_asks_for_a_reason_and_a_professional_in_dutch(client, team_lead_a, referral):
    client.force_login(team_lead_a)
    before = _state()

    for action, field in (("reject", "reject-reason"), ("accept", "accept-professional")):
        response = client.post(reverse(f"referrals:{action}", args=[referral.uuid]), {field: ""})
        assert response.status_code == 200
        text = response.content.decode()
        assert "Dit veld is verplicht." in text
        assert 'aria-invalid="true"' in text

    referral.refresh_from_db()
    assert referral.status == "submitted"
    assert _state() == before


def test_it_refuses_a_professional_of_another_region(client, team_lead_a, caseworker_b, referral):
    response = _post(client, team_lead_a, referral, "accept", {"accept-professional": caseworker_b.pk})
    assert response.status_code == 200
    assert response.context["accept_form"].errors["professional"]
    assert not Intervention.objects.exists()


def test_it_shows_the_domain_error_in_dutch_when_the_age_no_longer_fits(client, team_lead_a, referral):
    # The birth date was corrected after the referral came in: now 25 on the incident date.
    YoungPerson.objects.filter(pk=referral.young_person_id).update(
        birth_date=referral.incident_date.replace(year=referral.incident_date.year - 25)
    )
    client.force_login(team_lead_a)
    caseworker = User.objects.create_user(username="kim", role=Role.CASEWORKER, region=team_lead_a.region)

    response = client.post(
        reverse("referrals:accept", args=[referral.uuid]), {"accept-professional": caseworker.pk}
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert "De jongere was 25 jaar op de datum van het voorval" in text
    assert not Intervention.objects.exists()


def test_it_explains_why_a_decision_on_a_decided_referral_did_nothing(
    client, team_lead_a, caseworker_a, organisation_a
):
    rejected = make_referral(status="rejected", organisation=organisation_a, team_lead=team_lead_a)
    client.force_login(team_lead_a)
    before = _state()

    response = client.post(
        reverse("referrals:accept", args=[rejected.uuid]),
        {"accept-professional": caseworker_a.pk},
        headers=ENGLISH,
    )

    assert response.status_code == 200
    assert "This referral has already been dealt with and can no longer be changed." in (
        response.content.decode()
    )
    assert _state() == before
