"""Importing an interchange file: all rows or none, every error reported.

One pass over the file inside one transaction. Valid rows are written in batches (plain
INSERTs, see bulk.py) while the rest of the file is still being checked; once a row turns out
to be invalid the writing stops, the checking goes on (to report every error) and the
transaction is rolled back at the end. Only small per-row state is kept: the references seen
and a youth_id → young person map; the file itself is streamed.

The records written are those the web app keeps for the same facts (an accepted referral with
its reasons and status history, an intervention with its status history, parent contacts,
restoration actions, care referrals and care reports), so reports can't tell imported
interventions apart.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.models import ReferenceCounter
from kansrijk.interventions.constants import NotStartedReason, Status, StopReason
from kansrijk.interventions.models import (
    PARENT_CONTACT_FLAGS,
    CareReferral,
    CareReport,
    Intervention,
    InterventionStatusChange,
    ParentContact,
    RestorationAction,
)
from kansrijk.interventions.remnant import refresh_repeat_flags
from kansrijk.organisations.models import Municipality, Neighbourhood, Region, School
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.constants import ReferralStatus
from kansrijk.referrals.models import Referral, ReferralReason, ReferralStatusChange

from .bulk import RowInserter
from .parser import InterchangeFile, InterventionRow, RawRow, RowError, parse_row

BATCH_SIZE = 2000
IMPORT_REASON = "imported"
AUDIT_EVENT = Event.INTERVENTIONS_IMPORTED

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


@dataclass
class ImportResult:
    interventions: int = 0
    young_people: int = 0  # distinct youth_ids among the valid rows
    new_young_people: int = 0
    replaced: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def interventions_import(
    *, path: str | Path, update: bool = False, dry_run: bool = False, batch_size: int = BATCH_SIZE
) -> ImportResult:
    """Import the interchange file at `path`: everything or, when a row is invalid, nothing.

    Raises parser.FileError when the file itself can't be read; row errors are returned in
    the result, sorted by row and column. `update` replaces interventions whose reference
    already exists; `dry_run` checks and writes as usual, then rolls everything back.
    """
    path = Path(path)
    with InterchangeFile(path) as rows, transaction.atomic():
        importer = _Importer(update=update, batch_size=batch_size)
        for raw in rows:
            importer.add(raw)
        importer.flush()
        result = importer.result()
        if not result.ok or dry_run:
            transaction.set_rollback(True)
        elif importer.first_region is not None:
            importer.advance_reference_counters()
            # Imported history can make existing interventions repeats and the other way
            # round; one statement over all young people (a list of ids could pass the
            # database's limit on parameters).
            refresh_repeat_flags()
            # The audit log wants one subject per row; an import spans many, so the row hangs
            # off the region of the first intervention and lists what was done.
            audit_record(
                actor=None,
                event=AUDIT_EVENT,
                subject=importer.first_region,
                new={
                    "file": path.name,
                    "interventions": result.interventions,
                    "young_people": result.young_people,
                    "new_young_people": result.new_young_people,
                    "replaced": result.replaced,
                },
            )
    result.errors.sort(key=lambda error: error.sort_key)
    return result


class _Youth:
    """What the import knows of one youth_id; `pk` is None until looked up or created."""

    __slots__ = ("birth_date", "row", "gender", "pk", "resolved", "kansrijk_birth_date")

    def __init__(self, birth_date: dt.date, row: int, gender: str):
        self.birth_date = birth_date
        self.row = row
        self.gender = gender
        self.pk: int | None = None
        self.resolved = False
        self.kansrijk_birth_date: dt.date | None = None  # set when Kansrijk disagrees


@dataclass(slots=True)
class _Pending:
    row: InterventionRow
    region_id: int
    municipality_id: int
    # Instances, not ids: schools and neighbourhoods new in this batch get their ids when the
    # batch is written.
    school: School | None
    neighbourhood: Neighbourhood | None


class _Importer:
    def __init__(self, *, update: bool, batch_size: int):
        self.update = update
        self.batch_size = batch_size
        self.errors: list[RowError] = []
        self.references: dict[str, int] = {}  # reference → first row
        self.youth: dict[str, _Youth] = {}
        self.pending: list[_Pending] = []
        self.imported = 0
        self.new_young_people = 0
        self.replaced = 0
        self.first_region: Region | None = None
        self.reference_numbers: dict[tuple[str, int], int] = {}  # (prefix, year) → highest number
        now = timezone.now()
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
                        "has_restoration",
                        *PARENT_CONTACT_FLAGS.values(),
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
        # Organisations are few (hundreds of municipalities, thousands of schools): load them
        # once, keyed case-insensitively, instead of asking the database per row.
        self._regions: dict[str, Region] = {}
        for region in Region.objects.all():
            self._regions.setdefault(region.name.casefold(), region)
        self._municipalities: dict[str, Municipality] = {}
        for municipality in Municipality.objects.select_related("region"):
            self._municipalities.setdefault(municipality.name.casefold(), municipality)
        self._schools: dict[str, School] = {}
        for school in School.objects.select_related("municipality"):
            self._schools.setdefault(school.brin.upper(), school)
        self._neighbourhoods: dict[tuple[int, str], Neighbourhood] = {}
        for neighbourhood in Neighbourhood.objects.all():
            key = (neighbourhood.municipality_id, neighbourhood.name.casefold())
            self._neighbourhoods.setdefault(key, neighbourhood)
        # Schools and neighbourhoods can run into the thousands: new ones are created per batch.
        self._new_schools: list[School] = []
        self._new_neighbourhoods: list[Neighbourhood] = []

    @property
    def writing(self) -> bool:
        # After the first error nothing will be kept, so stop writing and only keep checking.
        return not self.errors

    def result(self) -> ImportResult:
        return ImportResult(
            interventions=self.imported,
            young_people=len(self.youth),
            new_young_people=self.new_young_people,
            replaced=self.replaced,
            errors=self.errors,
        )

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(RowError(row, column, message))

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

    # -- one row ------------------------------------------------------------------------------

    def add(self, raw: RawRow) -> None:
        row, errors = parse_row(raw)
        self.errors.extend(errors)

        reference = raw.values["reference"]
        if reference:
            first = self.references.setdefault(reference, raw.number)
            if first != raw.number:
                self.error(
                    raw.number,
                    "reference",
                    _("%(reference)s already appears in row %(row)s")
                    % {"reference": reference, "row": first},
                )
                return
        if row is None:
            return

        youth = self.youth.get(row.youth_id)
        if youth is None:
            self.youth[row.youth_id] = _Youth(row.youth_birth_date, row.row, row.youth_gender)
        elif youth.birth_date != row.youth_birth_date:
            self.error(
                row.row,
                "youth_birth_date",
                _("youth_id %(youth_id)s has birth date %(date)s in row %(row)s")
                % {"youth_id": row.youth_id, "date": youth.birth_date.isoformat(), "row": youth.row},
            )
            return

        pending = self._locate(row)
        if pending is None:
            return
        if self.first_region is None:
            self.first_region = self._regions[row.region.casefold()]
        self.pending.append(pending)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def _locate(self, row: InterventionRow) -> _Pending | None:
        """Region, municipality, school and neighbourhood of the row, created when new."""
        region = self._regions.get(row.region.casefold())
        if region is None:
            region = self._regions[row.region.casefold()] = Region.objects.create(name=row.region)

        municipality = self._municipalities.get(row.municipality.casefold())
        if municipality is None:
            municipality = Municipality.objects.create(name=row.municipality, region=region)
            self._municipalities[row.municipality.casefold()] = municipality
        if municipality.region_id != region.pk:
            self.error(
                row.row,
                "municipality",
                _("%(municipality)s belongs to region %(region)s")
                % {"municipality": municipality.name, "region": municipality.region.name},
            )
            return None

        school = None
        if row.school_brin:
            school = self._schools.get(row.school_brin)
            if school is None:
                school = School(brin=row.school_brin, name=row.school_name, municipality=municipality)
                self._schools[row.school_brin] = school
                self._new_schools.append(school)
            if school.municipality_id != municipality.pk:
                self.error(
                    row.row,
                    "school_brin",
                    _("school %(brin)s belongs to municipality %(municipality)s")
                    % {"brin": school.brin, "municipality": school.municipality.name},
                )
                return None

        neighbourhood = None
        if row.neighbourhood:
            key = (municipality.pk, row.neighbourhood.casefold())
            neighbourhood = self._neighbourhoods.get(key)
            if neighbourhood is None:
                neighbourhood = Neighbourhood(municipality=municipality, name=row.neighbourhood)
                self._neighbourhoods[key] = neighbourhood
                self._new_neighbourhoods.append(neighbourhood)

        return _Pending(row, region.pk, municipality.pk, school, neighbourhood)

    # -- one batch ----------------------------------------------------------------------------

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        batch = self._check_references(batch)
        batch = self._resolve_youth(batch)
        if batch and self.writing:
            if self._new_schools:
                School.objects.bulk_create(self._new_schools)
                self._new_schools = []
            if self._new_neighbourhoods:
                Neighbourhood.objects.bulk_create(self._new_neighbourhoods)
                self._new_neighbourhoods = []
            self._write(batch)
        # With DEBUG on, Django keeps the text of recent queries; for an import those are
        # large IN lists and would grow memory batch after batch.
        connection.queries_log.clear()

    def _check_references(self, batch: list[_Pending]) -> list[_Pending]:
        references = [item.row.reference for item in batch]
        interventions = list(
            Intervention.objects.filter(reference__in=references).values_list(
                "reference", "pk", "referral_id"
            )
        )
        referrals = list(Referral.objects.filter(reference__in=references).values_list("reference", "pk"))
        if not interventions and not referrals:
            return batch

        taken: set[str] = set()
        if self.update:
            replaced_referrals = {referral_id for _ref, _pk, referral_id in interventions}
            # A referral that is not behind a replaced intervention (e.g. one rejected in the
            # app) can't be replaced by an intervention: that stays an error.
            taken = {reference for reference, pk in referrals if pk not in replaced_referrals}
            replaceable = [item for item in batch if item.row.reference not in taken]
            if self.writing and interventions:
                try:
                    Intervention.objects.filter(pk__in=[pk for _ref, pk, _referral in interventions]).delete()
                    Referral.objects.filter(pk__in=replaced_referrals).delete()
                except (ProtectedError, RestrictedError) as exc:
                    for item in replaceable:
                        self.error(
                            item.row.row,
                            "reference",
                            _("%(reference)s can't be replaced: other records depend on it (%(detail)s)")
                            % {"reference": item.row.reference, "detail": exc.args[0]},
                        )
                    return []
            self.replaced += len(interventions)
            message = _("%(reference)s is used by a referral in Kansrijk that has no intervention")
        else:
            taken = {reference for reference, _pk, _referral in interventions}
            taken.update(reference for reference, _pk in referrals)
            message = _("%(reference)s already exists in Kansrijk (use --update to replace it)")

        kept = []
        for item in batch:
            if item.row.reference in taken:
                self.error(item.row.row, "reference", message % {"reference": item.row.reference})
            else:
                kept.append(item)
        return kept

    def _resolve_youth(self, batch: list[_Pending]) -> list[_Pending]:
        unresolved = {item.row.youth_id for item in batch if not self.youth[item.row.youth_id].resolved}
        if unresolved:
            known = YoungPerson.objects.filter(external_id__in=unresolved).values_list(
                "external_id", "pk", "birth_date"
            )
            for youth_id, pk, birth_date in known:
                assert youth_id is not None  # found by its external id
                youth = self.youth[youth_id]
                youth.resolved = True
                if birth_date == youth.birth_date:
                    youth.pk = pk
                else:
                    youth.kansrijk_birth_date = birth_date
            new = [youth_id for youth_id in unresolved if not self.youth[youth_id].resolved]
            if new and self.writing:
                self.insert[YoungPerson].insert(
                    (youth_id, self.youth[youth_id].birth_date, self.youth[youth_id].gender)
                    for youth_id in new
                )
                created = YoungPerson.objects.filter(external_id__in=new).values_list("external_id", "pk")
                for youth_id, pk in created:
                    assert youth_id is not None  # found by its external id
                    self.youth[youth_id].pk = pk
                self.new_young_people += len(new)
            for youth_id in new:
                self.youth[youth_id].resolved = True

        kept = []
        for item in batch:
            youth = self.youth[item.row.youth_id]
            if youth.kansrijk_birth_date is not None:
                self.error(
                    item.row.row,
                    "youth_birth_date",
                    _("youth_id %(youth_id)s has birth date %(date)s in Kansrijk")
                    % {"youth_id": item.row.youth_id, "date": youth.kansrijk_birth_date.isoformat()},
                )
            else:
                kept.append(item)
        return kept

    def _write(self, batch: list[_Pending]) -> None:
        references = [item.row.reference for item in batch]
        accepted = [dt.datetime.combine(item.row.referral_date, _NOON, tzinfo=_AMSTERDAM) for item in batch]

        self.insert[Referral].insert(
            (
                item.row.reference,
                ReferralStatus.ACCEPTED.value,
                item.row.type,
                self.youth[item.row.youth_id].pk,
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
                bool(item.row.restoration),
                *(mode in item.row.parent_contacts for mode in PARENT_CONTACT_FLAGS),
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
        self.imported += len(batch)
