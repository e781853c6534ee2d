from __future__ import annotations

import datetime as dt

from django.utils import timezone

from .models import PrivacyStatement


def statement_in_force(*, audience: str, on: dt.date | None = None) -> PrivacyStatement | None:
    """The newest version for `audience` in force on `on` (today)."""
    day = on or timezone.localdate()
    return (
        PrivacyStatement.objects.filter(audience=audience, in_force_from__lte=day)
        .order_by("-version")
        .first()
    )
