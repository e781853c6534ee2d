"""The management figures' part of the statistical remnant: first contact and repeat referrals.

Like the factsheet's flags (see Intervention), these are facts about other rows (contacts,
conversations, the young person's other referrals) kept on the intervention itself, so that
the management figures read one index and survive when retention removes those rows.

`note_contact` is called by the services that record a dated contact. `refresh_repeat_flags`
recomputes the repeat flag of every intervention of some young people (or of all) in one
statement: acceptance, import and the demo call it, because accepting an earlier referral
late can make a later intervention a repeat.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import connection

from kansrijk.referrals.models import Referral

from .models import Intervention

REPEAT_WINDOW_DAYS = 365


def note_contact(intervention: Intervention, day: dt.date | None) -> None:
    """A contact took place on `day`: the first contact is the earliest one."""
    if day is None:
        return
    if intervention.first_contact_date is None or day < intervention.first_contact_date:
        intervention.first_contact_date = day
        intervention.save(update_fields=["first_contact_date"])


def refresh_repeat_flags(*, young_person_ids: Iterable[int] | None = None) -> None:
    """Set `is_repeat` on every intervention of these young people (None: of everybody).

    An intervention is a repeat when the one before it, by (referral date, referral id), of the
    same young person was referred at most 365 days earlier: if any earlier intervention lies in
    the window, the one just before it does. One window function, no loop over rows.
    """
    intervention = Intervention._meta.db_table
    referral = Referral._meta.db_table
    qn = connection.ops.quote_name
    params: list = []
    restrict = ""
    if young_person_ids is not None:
        ids = sorted(set(young_person_ids))
        if not ids:
            return
        restrict = f"WHERE r.young_person_id IN ({', '.join(['%s'] * len(ids))})"
        params = ids
    if connection.vendor == "postgresql":
        gap = "i.referral_date - LAG(i.referral_date) OVER w"
    else:
        gap = "julianday(i.referral_date) - julianday(LAG(i.referral_date) OVER w)"
    # Only rows whose flag changes are written. Interpolated are only quoted table names and
    # constants; the ids are parameters.
    sql = f"""
        UPDATE {qn(intervention)} SET is_repeat = NOT is_repeat
        WHERE id IN (
            SELECT id FROM (
                SELECT i.id, i.is_repeat,
                       COALESCE({gap} <= {REPEAT_WINDOW_DAYS}, FALSE) AS repeat
                FROM {qn(intervention)} i JOIN {qn(referral)} r ON r.id = i.referral_id
                {restrict}
                WINDOW w AS (PARTITION BY r.young_person_id ORDER BY i.referral_date, i.referral_id)
            ) flags
            WHERE flags.repeat <> flags.is_repeat
        )
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
