"""Property-based: any input to the file's forms and the search form is either valid or answered
with field errors, never an exception."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kansrijk.core.tests.form_properties import assert_valid_or_field_errors, form_data
from kansrijk.interventions import forms
from kansrijk.interventions.tests.factories import make_intervention
from kansrijk.interventions.views import STEPS

# The fixture's intervention is built once per test and only read by the forms, so the examples
# may share it; few examples and no per-example deadline keep the suite quick.
FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
STEP_FORMS = sorted({step.form for step in STEPS.values()}, key=lambda form: form.__name__)


@pytest.fixture
def intervention(caseworker_a):
    return make_intervention(status="in_progress", professional=caseworker_a, components=["reflection"])


@pytest.mark.parametrize("form_class", STEP_FORMS, ids=lambda form: form.__name__)
@FAST
@given(data=st.data())
def test_any_input_to_a_step_form_is_valid_or_has_field_errors(intervention, form_class, data):
    posted = data.draw(form_data(form_class(intervention=intervention)))
    form = form_class(posted, intervention=intervention)
    assert_valid_or_field_errors(form)
    if form.is_valid():
        assert isinstance(form.arguments(), dict)


@FAST
@given(data=st.data())
def test_any_input_to_the_mark_form_is_valid_or_has_field_errors(intervention, data):
    component = intervention.components.get()
    posted = data.draw(form_data(forms.MarkComponentForm(component=component)))
    form = forms.MarkComponentForm(posted, component=component)
    assert_valid_or_field_errors(form)
    if form.is_valid():
        assert isinstance(form.arguments(), dict)


@FAST
@given(data=st.data())
def test_any_search_is_valid_or_has_field_errors_and_gives_filters(caseworker_a, data):
    posted = data.draw(form_data(forms.InterventionSearchForm(user=caseworker_a)))
    form = forms.InterventionSearchForm(posted, user=caseworker_a)
    assert_valid_or_field_errors(form)
    assert isinstance(form.filters(), dict)


@FAST
@given(data=st.data())
def test_any_note_is_valid_or_has_field_errors(data):
    posted = data.draw(form_data(forms.NoteForm()))
    assert_valid_or_field_errors(forms.NoteForm(posted))
