"""Small derived values the intervention pages show; the logic lives in `selectors.py`."""

from __future__ import annotations

import datetime as dt

from django import forms, template
from django.utils import timezone
from django.utils.functional import Promise

from kansrijk.interventions import selectors

register = template.Library()


@register.filter
def next_step(intervention) -> Promise | str:
    return selectors.next_step(intervention)


@register.filter
def days_open(intervention, today: dt.date | None = None) -> int:
    return selectors.days_open(intervention, today)


@register.filter
def days_since(day: dt.date | None, today: dt.date | None = None) -> int | str:
    if day is None:
        return ""
    return max(((today or timezone.localdate()) - day).days, 0)


@register.filter
def place(case) -> str:
    return selectors.place(case)


@register.filter
def field_kind(bound_field) -> str:
    """How `_step_form.html` lays out a field: a checkbox, a group of choices, or a plain field."""
    widget = bound_field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "group"
    return "field"
