from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record

from .models import PrivacyStatement


@transaction.atomic
def privacy_statement_publish(
    *, audience: str, title: str, body: str, in_force_from: dt.date, by
) -> PrivacyStatement:
    """Add the next version of the statement for `audience`; earlier versions stay as they were."""
    # Lock the audience's versions so two administrators never get the same number.
    latest = (
        PrivacyStatement.objects.select_for_update()
        .filter(audience=audience)
        .aggregate(n=Max("version"))["n"]
    )
    statement = PrivacyStatement.objects.create(
        audience=audience,
        version=(latest or 0) + 1,
        title=title,
        body=body,
        in_force_from=in_force_from,
        created_by=by,
    )
    audit_record(
        actor=by,
        event=Event.PRIVACY_STATEMENT_PUBLISHED,
        subject=statement,
        new={"audience": audience, "version": statement.version, "in_force_from": in_force_from.isoformat()},
    )
    return statement
