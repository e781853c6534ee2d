"""Who sees which referral (referrals/access.py): Halt staff their region's, referrers their
organisation's (status only), nobody else any; 404 for missing and forbidden alike."""

import uuid

import pytest
from django.http import Http404

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.tests.factories import audit_mark, audit_rows_since, make_referral
from kansrijk.organisations.constants import ReferrerKind
from kansrijk.organisations.models import ReferrerOrganisation
from kansrijk.referrals.access import can_see_referral_content, get_referral_for_user, referrals_visible_to
from kansrijk.triage.selectors import referral_triage


@pytest.fixture
def referral_a(organisation_a):
    return make_referral(organisation=organisation_a)


@pytest.fixture
def police_referral_a(municipality_a):
    police = ReferrerOrganisation.objects.create(
        name="Politie Den Haag Centrum", kind=ReferrerKind.POLICE, municipality=municipality_a
    )
    return make_referral(organisation=police)


@pytest.fixture
def referral_b(organisation_b):
    return make_referral(organisation=organisation_b)


def test_it_shows_halt_staff_their_regions_referrals(
    referral_a, police_referral_a, referral_b, caseworker_a, team_lead_a, caseworker_b
):
    for user in (caseworker_a, team_lead_a):
        assert set(referrals_visible_to(user)) == {referral_a, police_referral_a}
        assert can_see_referral_content(user)
    assert list(referrals_visible_to(caseworker_b)) == [referral_b]


def test_it_shows_a_referrer_only_their_organisations_referrals_and_no_content(
    referral_a, police_referral_a, referrer_a
):
    assert list(referrals_visible_to(referrer_a)) == [referral_a]
    assert not can_see_referral_content(referrer_a)


@pytest.mark.parametrize("role_fixture", ["relationship_manager_a", "privacy_officer", "admin_user"])
def test_it_shows_no_referrals_to_other_roles(request, referral_a, role_fixture):
    user = request.getfixturevalue(role_fixture)
    assert not referrals_visible_to(user).exists()
    with pytest.raises(Http404):
        get_referral_for_user(user, referral_a.uuid)


def test_it_answers_404_alike_for_forbidden_missing_and_malformed(referral_a, caseworker_b):
    for key in (referral_a.uuid, uuid.uuid4(), "not-a-uuid"):
        with pytest.raises(Http404):
            get_referral_for_user(caseworker_b, key)


def test_finding_a_referral_is_no_look_at_it_but_building_the_triage_page_is_one(
    referral_a, caseworker_a, referrer_a
):
    mark = audit_mark()
    assert get_referral_for_user(caseworker_a, referral_a.uuid) == referral_a
    assert get_referral_for_user(referrer_a, referral_a.uuid) == referral_a
    assert audit_rows_since(mark) == []

    referral_triage(user=caseworker_a, referral=referral_a)

    viewed = AuditEvent.objects.filter(id__gt=mark)
    assert list(viewed.values_list("actor", "event", "subject_id")) == [
        (caseworker_a.pk, "referral_viewed", str(referral_a.uuid))
    ]
