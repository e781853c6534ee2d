"""Writing a batch of checked rows as the records the web app keeps for the same facts.

An accepted referral with its reasons and status history, an intervention with its status
history, parent contacts, restoration actions, care referrals and care reports, so reports
can't tell imported interventions apart. Rows go in as plain INSERTs (bulk.py), a batch at a
time. The writer also notes the highest reference of Kansrijk's own form per prefix and year,
to move the reference counters past them at the end.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from kansrijk.core.models import ReferenceCounter
from kansrijk.interventions.constants import NotStartedReason, Status, StopReason
from kansrijk.interventions.models import (
    CareReferral,
    CareReport,
    Intervention,
    InterventionStatusChange,
    ParentContact,
    RestorationAction,
)
from kansrijk.interventions.remnant import REMNANT_FLAGS, remnant_flags
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.models import Referral, ReferralReason, ReferralStatusChange

from .bulk import RowInserter
from .pending import Pending, Youth

IMPORT_REASON = "imported"

# The old registration has dates, not times: an imported referral counts as accepted at noon
# Dutch time on its referral date, safely inside that day whatever the UTC offset.
_AMSTERDAM = ZoneInfo("Europe/Amsterdam")
_NOON = dt.time(12, 0)
# The form of the references ReferenceCounter hands out, e.g. HLT-2025-000123.
_COUNTED_REFERENCE = re.compile(r"([A-Z]{1,8})-(\d{4})-(\d{6,})")


def _end_reasons(status: str) -> tuple[str, str]:
    """The stop reason and the not-started reason of an imported intervention.

    The interchange format has no column for them, but a stopped or not-started intervention
    has its reason (the database refuses one without): the import records "other".
    """
    return (
        StopReason.OTHER.value if status == Status.STOPPED else "",
        NotStartedReason.OTHER.value if status == Status.NOT_STARTED else "",
    )


class Writer:
    def __init__(self, *, now: dt.datetime):
        self.reference_numbers: dict[tuple[str, int], int] = {}  # (prefix, year) → highest number
        self.insert = {
            model: RowInserter(model, fields, now=now)
            for model, fields in (
                (YoungPerson, ("external_id", "birth_date", "gender")),
                (
                    Referral,
                    (
                        "reference",
                        "status",
                        "type",
                        "young_person",
                        "referrer_kind",
                        "region",
                        "municipality",
                        "school",
                        "neighbourhood",
                        "referral_date",
                    ),
                ),
                (
                    Intervention,
                    (
                        "reference",
                        "referral",
                        "type",
                        "status",
                        "region",
                        "municipality",
                        "school",
                        "neighbourhood",
                        "referral_date",
                        "primary_reason",
                        "accepted_at",
                        "intake_date",
                        "end_date",
                        "outcome",
                        "stop_reason",
                        "not_started_reason",
                        *REMNANT_FLAGS,
                    ),
                ),
                (ReferralReason, ("referral", "code", "position", "is_primary")),
                (ReferralStatusChange, ("referral", "from_status", "to_status", "at", "reason")),
                (InterventionStatusChange, ("intervention", "from_status", "to_status", "at", "reason")),
                (ParentContact, ("intervention", "mode")),
                (RestorationAction, ("intervention", "kind")),
                (CareReferral, ("intervention", "kind")),
                (CareReport, ("intervention",)),
            )
        }

    def advance_reference_counters(self) -> None:
        """Move Kansrijk's reference counters past imported references of its own form.

        An export from Kansrijk carries references such as HLT-2025-000123; after importing
        them, the next intervention made in the app must not be given the same one again.
        """
        for (prefix, year), number in self.reference_numbers.items():
            counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(
                prefix=prefix, year=year
            )
            if counter.last < number:
                counter.last = number
                counter.save(update_fields=["last"])

    def write(self, batch: list[Pending], youth: Mapping[str, Youth]) -> None:
        """Write the rows of `batch`, whose young people (in `youth`) all have their pk."""
        references = [item.row.reference for item in batch]
        accepted = [dt.datetime.combine(item.row.referral_date, _NOON, tzinfo=_AMSTERDAM) for item in batch]

        self.insert[Referral].insert(
            (
                item.row.reference,
                ReferralStatus.ACCEPTED.value,
                item.row.type,
                youth[item.row.youth_id].pk,
                item.row.referrer_kind,
                item.region_id,
                item.municipality_id,
                item.school.pk if item.school else None,
                item.neighbourhood.pk if item.neighbourhood else None,
                item.row.referral_date,
            )
            for item in batch
        )
        referral_ids = dict(Referral.objects.filter(reference__in=references).values_list("reference", "pk"))

        self.insert[Intervention].insert(
            (
                item.row.reference,
                referral_ids[item.row.reference],
                item.row.type,
                item.row.status,
                item.region_id,
                item.municipality_id,
                item.school.pk if item.school else None,
                item.neighbourhood.pk if item.neighbourhood else None,
                item.row.referral_date,
                item.row.reasons[0],
                accepted_at,
                item.row.intake_date,
                item.row.end_date,
                item.row.outcome,
                *_end_reasons(item.row.status),
                # The factsheet's remnant flags, from the same columns as the rows below.
                *remnant_flags(
                    restoration=bool(item.row.restoration), contact_modes=item.row.parent_contacts
                ).values(),
            )
            for item, accepted_at in zip(batch, accepted, strict=True)
        )
        intervention_ids = dict(
            Intervention.objects.filter(reference__in=references).values_list("reference", "pk")
        )

        reasons: list[tuple] = []
        referral_history: list[tuple] = []
        history: list[tuple] = []
        contacts: list[tuple] = []
        restorations: list[tuple] = []
        care_referrals: list[tuple] = []
        care_reports: list[tuple] = []
        for item, accepted_at in zip(batch, accepted, strict=True):
            row = item.row
            referral_id = referral_ids[row.reference]
            intervention_id = intervention_ids[row.reference]
            reasons.extend(
                (referral_id, code, position, position == 0) for position, code in enumerate(row.reasons)
            )
            referral_history.append(
                (referral_id, "", ReferralStatus.ACCEPTED.value, accepted_at, IMPORT_REASON)
            )
            history.append((intervention_id, "", row.status, accepted_at, IMPORT_REASON))
            contacts.extend((intervention_id, mode) for mode in row.parent_contacts)
            restorations.extend((intervention_id, kind) for kind in row.restoration)
            if row.care_referral:
                care_referrals.append((intervention_id, row.care_referral))
            care_reports.extend((intervention_id,) for _n in range(row.care_reports))

        self.insert[ReferralReason].insert(reasons)
        self.insert[ReferralStatusChange].insert(referral_history)
        self.insert[InterventionStatusChange].insert(history)
        self.insert[ParentContact].insert(contacts)
        self.insert[RestorationAction].insert(restorations)
        self.insert[CareReferral].insert(care_referrals)
        self.insert[CareReport].insert(care_reports)
        for reference in references:
            match = _COUNTED_REFERENCE.fullmatch(reference)
            if match:
                key = (match[1], int(match[2]))
                self.reference_numbers[key] = max(self.reference_numbers.get(key, 0), int(match[3]))
