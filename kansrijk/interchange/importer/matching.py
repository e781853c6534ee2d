"""Checking the rows of an import against each other and against the database.

`Importer` takes the file's rows one at a time: it parses each (parser/), refuses a
reference seen earlier in the file and a youth_id with two birth dates, and locates the row's
organisations (places.py). Valid rows wait in a batch; per batch it refuses references Kansrijk
already has (or, with `update`, deletes the interventions they replace), matches youth_ids to
young people in Kansrijk (creating the new ones), and hands the batch to the writer
(writing.py). After the first error it writes nothing more but goes on checking, to report
every error.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Region
from kansrijk.people.models import YoungPerson
from kansrijk.referrals.models import Referral

from ..parser import RawRow, RowError, parse_row
from .pending import Pending, Youth
from .places import Places
from .writing import Writer


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


class Importer:
    def __init__(self, *, update: bool, batch_size: int):
        self.update = update
        self.batch_size = batch_size
        self.errors: list[RowError] = []
        self.references: dict[str, int] = {}  # reference → first row
        self.youth: dict[str, Youth] = {}
        self.pending: list[Pending] = []
        self.imported = 0
        self.new_young_people = 0
        self.replaced = 0
        self.first_region: Region | None = None
        self.writer = Writer(now=timezone.now())
        self.places = Places()

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
            self.youth[row.youth_id] = Youth(row.youth_birth_date, row.row, row.youth_gender)
        elif youth.birth_date != row.youth_birth_date:
            self.error(
                row.row,
                "youth_birth_date",
                _("youth_id %(youth_id)s has birth date %(date)s in row %(row)s")
                % {"youth_id": row.youth_id, "date": youth.birth_date.isoformat(), "row": youth.row},
            )
            return

        pending = self.places.locate(row, self.error)
        if pending is None:
            return
        if self.first_region is None:
            self.first_region = self.places.region(row.region)
        self.pending.append(pending)
        if len(self.pending) >= self.batch_size:
            self.flush()

    # -- one batch ----------------------------------------------------------------------------

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        batch = self._check_references(batch)
        batch = self._resolve_youth(batch)
        if batch and self.writing:
            self.places.save_new()
            self.writer.write(batch, self.youth)
            self.imported += len(batch)
        # With DEBUG on, Django keeps the text of recent queries; for an import those are
        # large IN lists and would grow memory batch after batch.
        connection.queries_log.clear()

    def _check_references(self, batch: list[Pending]) -> list[Pending]:
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

    def _resolve_youth(self, batch: list[Pending]) -> list[Pending]:
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
                self.writer.insert[YoungPerson].insert(
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
