"""Small business rules every app's services share."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.functional import Promise

from .errors import DomainError


def check_day(
    day: dt.date | None,
    *,
    earliest: dt.date | None = None,
    too_early: Promise | None = None,
    in_future: Promise | None = None,
) -> None:
    """Refuse a date before `earliest`, and one after today unless `in_future` is None.

    The messages are passed in so that each reads as one whole sentence in any language.
    """
    if day is None:
        return
    if in_future is not None and day > timezone.localdate():
        raise DomainError(in_future, code="date_in_future")
    if earliest is not None and day < earliest:
        raise DomainError(too_early, code="date_too_early")
