"""The statistical remnant kept on the intervention: the factsheet's flags, first contact and
repeat referrals.

These are facts about other rows (restoration actions, contacts, conversations, the young
person's other referrals) kept on the intervention itself, so that the factsheet and the
management figures read one index and survive when retention removes those rows.

`remnant_flags` is the one rule for the factsheet's flags (`has_restoration` and the three
`parent_contact_*`, see Intervention): the import and the benchmark generator write its values
with the rows in bulk; `raise_flags` sets them on one intervention, for the services that record
a restoration action or a parent contact, and for the demo data.

`note_contact` is called by the services that record a dated contact. `refresh_repeat_flags`
recomputes the repeat flag of every intervention of some young people (or of all) in one
statement: acceptance, import and the demo call it, because accepting an earlier referral
late can make a later intervention a repeat.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable

from django.db import connection

from kansrijk.referrals.models import Referral

from .models import PARENT_CONTACT_FLAGS, Intervention

REPEAT_WINDOW_DAYS = 365

# The factsheet's flags, in the order of `remnant_flags`.
REMNANT_FLAGS = ("has_restoration", *PARENT_CONTACT_FLAGS.values())


def remnant_flags(*, restoration: bool = False, contact_modes: Collection[str] = ()) -> dict[str, bool]:
    """The factsheet's flags of an intervention that has restoration actions (or not) and parent
    contacts in `contact_modes` (ContactMode values), keyed and ordered as `REMNANT_FLAGS`."""
    flags = {"has_restoration": bool(restoration)}
    for mode, flag in PARENT_CONTACT_FLAGS.items():
        flags[flag] = mode in contact_modes
    return flags


def raise_flags(
    intervention: Intervention,
    *,
    restoration: bool = False,
    contact_modes: Collection[str] = (),
    save: bool = True,
) -> None:
    """Set the flags that newly recorded rows stand for; a flag is never lowered again.

    The services call this in the transaction that writes the row: the factsheet counts the flags,
    not the rows, and retention may remove the row later while the flag stays. `save=False` for an
    intervention that is yet to be written (the demo data).
    """
    raised = [
        flag
        for flag, value in remnant_flags(restoration=restoration, contact_modes=contact_modes).items()
        if value and not getattr(intervention, flag)
    ]
    for flag in raised:
        setattr(intervention, flag, True)
    if raised and save:
        intervention.save(update_fields=raised)


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
