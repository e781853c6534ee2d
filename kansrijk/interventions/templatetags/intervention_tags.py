"""Small derived values the intervention pages show; the logic lives in `selectors.py`."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import timezone

from kansrijk.interventions import selectors

register = template.Library()


@register.filter
def next_step(intervention) -> str:
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
    """Where the work happens: the school, else the neighbourhood, else the municipality.

    Works for an intervention and for a referral (both have these three fields).
    """
    if case.school_id:
        return case.school.name
    if case.neighbourhood_id:
        return f"{case.neighbourhood.name}, {case.municipality.name}"
    return case.municipality.name
