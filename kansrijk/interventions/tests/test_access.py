"""Who sees which intervention (docs/process.md §3), decided in one place: interventions/access.py.

The cast: a caseworker and a team lead in region A (Haaglanden), a caseworker in region B, a
referrer of a school in region A, a relationship manager for Den Haag, a privacy officer and an
administrator.
"""

import uuid

import pytest
from django.http import Http404

from kansrijk.audit.models import AuditEvent
from kansrijk.interventions.access import (
    can_see_care_reports,
    care_reports_for_user,
    get_intervention_for_user,
    interventions_visible_to,
)
from kansrijk.interventions.selectors import intervention_file
from kansrijk.interventions.tests.factories import audit_mark, audit_rows_since, make_intervention
from kansrijk.interventions.workflow import INTERVENTION_WORKFLOW


@pytest.fixture
def file_a(caseworker_a, team_lead_a, school_a):
    return make_intervention(
        status="in_progress",
        professional=caseworker_a,
        team_lead=team_lead_a,
        school=school_a,
        care_reports=1,
    )


@pytest.fixture
def file_b(caseworker_b, team_lead_b, school_b):
    return make_intervention(
        status="in_progress", professional=caseworker_b, team_lead=team_lead_b, school=school_b
    )


def test_it_lists_only_the_own_regions_interventions(file_a, file_b, caseworker_a, caseworker_b):
    assert list(interventions_visible_to(caseworker_a)) == [file_a]
    assert list(interventions_visible_to(caseworker_b)) == [file_b]


def test_it_lets_a_colleague_in_the_same_region_see_the_file(file_a, caseworker_a2, team_lead_a):
    assert list(interventions_visible_to(caseworker_a2)) == [file_a]
    assert list(interventions_visible_to(team_lead_a)) == [file_a]


def test_it_answers_404_for_another_regions_file(file_a, caseworker_b, team_lead_b):
    for outsider in (caseworker_b, team_lead_b):
        with pytest.raises(Http404):
            get_intervention_for_user(outsider, file_a.uuid)


def test_it_answers_a_missing_file_exactly_like_a_forbidden_one(file_a, caseworker_b):
    with pytest.raises(Http404) as forbidden:
        get_intervention_for_user(caseworker_b, file_a.uuid)
    with pytest.raises(Http404) as missing:
        get_intervention_for_user(caseworker_b, uuid.uuid4())
    with pytest.raises(Http404) as garbage:
        get_intervention_for_user(caseworker_b, "not-a-uuid")
    assert str(forbidden.value) == str(missing.value) == str(garbage.value)


@pytest.mark.parametrize(
    "role_fixture", ["referrer_a", "relationship_manager_a", "privacy_officer", "admin_user"]
)
def test_it_shows_no_case_content_to_roles_without_case_work(request, file_a, role_fixture):
    user = request.getfixturevalue(role_fixture)
    assert not interventions_visible_to(user).exists()
    with pytest.raises(Http404):
        get_intervention_for_user(user, file_a.uuid)


def test_it_shows_nothing_to_an_anonymous_or_deactivated_user(file_a, caseworker_a):
    from django.contrib.auth.models import AnonymousUser

    assert not interventions_visible_to(AnonymousUser()).exists()
    caseworker_a.is_active = False
    caseworker_a.save()
    assert not interventions_visible_to(caseworker_a).exists()


def test_it_follows_a_move_to_another_region(file_a, file_b, caseworker_a, region_b):
    caseworker_a.region = region_b
    caseworker_a.save()
    assert list(interventions_visible_to(caseworker_a)) == [file_b]


def test_finding_a_file_is_no_look_at_it_but_building_it_is_one(file_a, caseworker_a, caseworker_a2):
    mark = audit_mark()
    assert get_intervention_for_user(caseworker_a, file_a.uuid) == file_a
    assert audit_rows_since(mark) == []

    intervention_file(user=caseworker_a, intervention=file_a)
    intervention_file(user=caseworker_a2, intervention=file_a)

    rows = list(AuditEvent.objects.filter(id__gt=mark).order_by("id"))
    assert [(row.actor, row.event, row.subject_type, row.subject_id, row.new) for row in rows] == [
        (
            caseworker_a,
            "intervention_viewed",
            "interventions.intervention",
            str(file_a.uuid),
            {"care_reports": True},
        ),
        (
            caseworker_a2,
            "intervention_viewed",
            "interventions.intervention",
            str(file_a.uuid),
            {"care_reports": False},
        ),
    ]


def test_it_shows_care_reports_only_to_the_assigned_professional_and_team_leads(
    file_a, caseworker_a, caseworker_a2, team_lead_a, caseworker_b
):
    assert can_see_care_reports(caseworker_a, file_a)
    assert can_see_care_reports(team_lead_a, file_a)
    assert not can_see_care_reports(caseworker_a2, file_a)
    assert not can_see_care_reports(caseworker_b, file_a)
    assert care_reports_for_user(caseworker_a, file_a).count() == 1
    assert care_reports_for_user(caseworker_a2, file_a).count() == 0


def test_it_forbids_the_care_report_step_to_exactly_those_who_may_not_see_care_reports(
    file_a, caseworker_a, caseworker_a2, team_lead_a
):
    # The step view answers 403 to them; the refusals of every other step are shown on the page.
    for user in (caseworker_a, caseworker_a2, team_lead_a):
        forbidden = INTERVENTION_WORKFLOW.forbidden(user, file_a, "record_care_report")
        assert forbidden == (not can_see_care_reports(user, file_a))
    private = {action for action, step in INTERVENTION_WORKFLOW.transitions.items() if step.private}
    assert private == {"record_care_report"}
