"""Random form input for the property-based form tests (hypothesis): any data a browser could
post, and more. Shared by the form tests of several apps."""

from __future__ import annotations

from django import forms
from django.http import QueryDict
from hypothesis import strategies as st

TEXT = st.text(max_size=30)
LIKELY = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-1",
        "99999999999999999999",
        "2026-02-29",
        "2025-13-01",
        "01-10-2025",
        "10:61",
        "23:59",
        "true",
        "on",
        "x" * 3000,
        "1e400",
        "\x00",
    ]
)


def _values_for(field: forms.Field) -> st.SearchStrategy[list[str]]:
    """Lists of posted values for one field: valid-looking choices, odd strings, none at all."""
    options = [LIKELY, TEXT]
    choices = getattr(field, "choices", None)
    if choices is not None:
        values = [str(value) for value, _label in _flat(choices)]
        if values:
            options.insert(0, st.sampled_from(values))
    return st.lists(st.one_of(options), max_size=3)


def _flat(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat(label)
        else:
            yield getattr(value, "value", value), label


@st.composite
def form_data(draw, form: forms.Form) -> QueryDict:
    """A QueryDict as a POST or GET of `form` might carry it (with the form's prefix)."""
    data = QueryDict(mutable=True)
    for name, field in form.fields.items():
        values = draw(_values_for(field))
        if values:
            data.setlist(form.add_prefix(name), values)
    return data


def assert_valid_or_field_errors(form: forms.Form) -> None:
    """The one answer a form may give: valid, or errors on its own fields (or the whole form)."""
    valid = form.is_valid()
    if valid:
        assert not form.errors
        return
    assert form.errors
    assert set(form.errors) <= {*form.fields, "__all__"}
    for messages in form.errors.values():
        assert all(str(message) for message in messages)
