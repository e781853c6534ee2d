"""Property-based: any input to the triage forms is either valid or answered with field errors,
never an exception."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kansrijk.core.tests.form_properties import assert_valid_or_field_errors, form_data
from kansrijk.interventions.tests.factories import make_referral
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.triage import forms

FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def referral(caseworker_a, organisation_a):
    return make_referral(status="in_review", organisation=organisation_a)


@FAST
@given(data=st.data())
def test_any_acceptance_is_valid_or_has_field_errors(referral, data):
    posted = data.draw(form_data(forms.AcceptForm(referral=referral)))
    assert_valid_or_field_errors(forms.AcceptForm(posted, referral=referral))


@FAST
@given(data=st.data())
def test_any_rejection_is_valid_or_has_field_errors(data):
    posted = data.draw(form_data(forms.RejectForm()))
    assert_valid_or_field_errors(forms.RejectForm(posted))


@FAST
@given(data=st.data())
def test_any_list_filter_gives_a_status(data):
    posted = data.draw(form_data(forms.ReferralListForm()))
    form = forms.ReferralListForm(posted)
    assert form.status_filter() in {"waiting", "", *ReferralStatus.values}
