"""Generate the benchmark data set: N interventions over ten school years, deterministically.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kansrijk_bench \\
        .venv/bin/python bench/generate.py [--n 1000000] [--seed S] [--id-order shuffled] [--reset]

Everything the factsheet reads is generated with realistic proportions: 9 regions, 350
municipalities, 2,000 schools, one accepted referral (with its reasons) per intervention, young
people (about one in nine interventions is for someone referred before), interventions spread
over the school years 2016-2017 … 2025-2026, parent contacts, restoration actions, referrals to
care, care reports and one status change per intervention. `--id-order shuffled` gives the same
interventions ids in random order of date, as after importing history from a file that is not
sorted by date (the default: ids rise with the date, as when entered in the application).

Table and column names come from the Django models (`_meta`), and the generator refuses to run
when a model gained a NOT NULL column it does not fill, so it cannot silently drift from the
schema. Rows bypass the ORM so that 8 million of them load in minutes: `core.bulk.insert_rows`,
COPY FROM STDIN on PostgreSQL, `executemany` in large transactions on SQLite.

The run is idempotent: a small `bench_dataset` table records what was generated, and a database
that already holds the requested data set is reused as it is. A database holding anything else is
only wiped with `--reset`, and only when its name contains "bench".
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import os
import random
import sys
import time
from pathlib import Path

from django.db import transaction
from names import COMMON_SURNAMES, FIRST_NAMES, NameDrawer

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Bump when the generated data changes, so that stale benchmark databases are regenerated.
GENERATOR_VERSION = 4  # 2: realistic names (bench/names.py); 3: management remnant; 4: evaluations
MARKER_TABLE = "bench_dataset"

DEFAULT_N = 1_000_000
DEFAULT_SEED = 20261126
CHUNK = 50_000
ID_ORDERS = ("chronological", "shuffled")

FIRST_START_YEAR = 2016
SCHOOL_YEARS = 10
# The day the data set pretends to be made: recent interventions may still be open.
TODAY = dt.date(2026, 11, 26)

N_MUNICIPALITIES = 350
N_SCHOOLS = 2_000
NEIGHBOURHOODS_PER_MUNICIPALITY = 5
N_PROFESSIONALS = 300

REGIONS = [
    "Noord-Nederland",
    "Oost-Nederland",
    "Midden-Nederland",
    "Noord-Holland",
    "Amsterdam-Amstelland",
    "Haaglanden",
    "Rotterdam-Rijnmond",
    "Zeeland-West-Brabant",
    "Zuid-Nederland",
]

# Primary reasons, weighted like the 2024-2025 seed factsheet (its top five are exact counts;
# the remaining 587 are spread over the other reasons).
PRIMARY_REASONS = {
    "disorderly_behaviour": 337,
    "physical_aggression": 236,
    "theft": 174,
    "online_misconduct": 132,
    "school_absence": 127,
    "verbal_aggression": 120,
    "vandalism": 100,
    "bullying": 95,
    "substance_use": 70,
    "fireworks": 60,
    "sexual_misconduct": 40,
    "other": 40,
    "weapons": 35,
    "discrimination": 27,
}
CONTACT_MODES = {"face_to_face": 45, "phone": 35, "digital": 20}
RESTORATION_KINDS = {"restorative_conversation": 50, "apology_letter": 35, "other_restoration": 15}
CARE_KINDS = {
    "neighbourhood_team": 35,
    "youth_care": 25,
    "youth_work": 15,
    "mental_health": 15,
    "addiction_care": 5,
    "other": 5,
}
CARE_ORGANISATIONS = {
    "neighbourhood_team": "Wijkteam",
    "youth_care": "Jeugdhulp",
    "youth_work": "Jongerenwerk",
    "mental_health": "GGZ",
    "addiction_care": "Verslavingszorg",
    "other": "Maatschappelijk werk",
}
NEIGHBOURHOOD_REFERRERS = {
    "police": 45,
    "boa": 15,
    "municipality": 10,
    "neighbourhood_team": 15,
    "youth_work": 10,
    "other": 5,
}
DESCRIPTIONS = [
    "Incident op het schoolplein tijdens de pauze.",
    "Melding van de mentor na herhaald gedrag in de klas.",
    "Overlast in de wijk, gemeld door de wijkagent.",
    "Berichten verspreid in een groepsapp.",
    "",
]

# Version 4 UUIDs from the seeded generator, so that the data set is reproducible.
_UUID_MASK = ((1 << 128) - 1) ^ ((0xF << 76) | (0x3 << 62))
_UUID_V4 = (0x4 << 76) | (0x2 << 62)


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kansrijk.settings")
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()


def cumulative(weights: dict[str, float]) -> tuple[list[str], list[float]]:
    keys = list(weights)
    return keys, list(itertools.accumulate(weights[key] for key in keys))


class Table:
    """Rows for one model, in a fixed column order checked against the model's fields."""

    def __init__(self, model, columns: str):
        names = columns.split()
        fields = {field.attname: field for field in model._meta.concrete_fields}
        unknown = [name for name in names if name not in fields]
        # A column with a database default (a record's version, core/versions.py) is the database's to fill.
        missing = [
            name
            for name, field in fields.items()
            if not field.null and not field.has_db_default() and name not in names
        ]
        if unknown or missing:
            raise SystemExit(
                f"bench/generate.py is out of date with {model.__name__}: "
                f"unknown columns {unknown}, NOT NULL columns not filled {missing}"
            )
        self.model = model
        self.table = model._meta.db_table
        self.columns = [fields[name].column for name in names]
        self.rows: list[tuple] = []
        self.written = 0


class Writer:
    """Fast bulk inserts (`core.bulk.insert_rows`) on the Django connection, a table at a time."""

    def __init__(self, connection):
        self.connection = connection
        self.vendor = connection.vendor
        if self.vendor not in ("postgresql", "sqlite"):
            raise SystemExit(f"bench/generate.py supports PostgreSQL and SQLite, not {self.vendor}")
        # The psycopg 3 / sqlite3 connection underneath Django's wrapper, for SQLite's PRAGMAs.
        self.raw = connection.cursor().connection
        # PostgreSQL checks the deferred foreign keys row by row at commit, which more than doubles
        # the load time. The keys are consistent by construction (and SQLite, which loads the same
        # rows, does check them), so a superuser load skips the triggers for its own transactions.
        self.skip_foreign_key_checks = False
        if self.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW is_superuser")
                self.skip_foreign_key_checks = cursor.fetchone()[0] == "on"
        # Datetimes as text: PostgreSQL takes an offset; Django stores naive UTC on SQLite.
        self.tz = "+00" if self.vendor == "postgresql" else ""

    def flush(self, table: Table) -> None:
        from kansrijk.core.bulk import insert_rows

        table.written += insert_rows(table.table, table.columns, table.rows, using=self.connection.alias)
        table.rows.clear()


# --- reference data ------------------------------------------------------------------------------


def brin_code(index: int) -> str:
    """A unique four-character BRIN-like code: two digits, two letters (e.g. 12AB)."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    number, rest = divmod(index, 26 * 26)
    return f"{(index * 37 + number) % 100:02d}{letters[rest // 26]}{letters[rest % 26]}"


def create_reference_data(rng: random.Random) -> dict:
    """Regions, municipalities, neighbourhoods, schools, referrer organisations, professionals.

    Small tables, so the ORM is fast enough; explicit keys keep the data set reproducible.
    """
    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import (
        Municipality,
        Neighbourhood,
        ReferrerOrganisation,
        Region,
        School,
    )

    regions = [Region(id=i + 1, name=name) for i, name in enumerate(REGIONS)]
    Region.objects.bulk_create(regions)

    # Municipality sizes vary a lot (Amsterdam against a village): a log-normal weight.
    municipality_weight = [rng.lognormvariate(0, 1.0) for _ in range(N_MUNICIPALITIES)]
    municipality_region = [regions[i % len(regions)].id for i in range(N_MUNICIPALITIES)]
    Municipality.objects.bulk_create(
        Municipality(id=i + 1, name=f"Gemeente {i + 1:03d}", region_id=municipality_region[i])
        for i in range(N_MUNICIPALITIES)
    )
    neighbourhoods: list[list[int]] = []
    objects = []
    for m in range(N_MUNICIPALITIES):
        ids = []
        for k in range(NEIGHBOURHOODS_PER_MUNICIPALITY):
            nid = m * NEIGHBOURHOODS_PER_MUNICIPALITY + k + 1
            objects.append(Neighbourhood(id=nid, name=f"Wijk {k + 1}", municipality_id=m + 1))
            ids.append(nid)
        neighbourhoods.append(ids)
    Neighbourhood.objects.bulk_create(objects)

    municipality_cum = list(itertools.accumulate(municipality_weight))
    school_municipality = [
        bisect.bisect_left(municipality_cum, rng.random() * municipality_cum[-1]) for _ in range(N_SCHOOLS)
    ]
    School.objects.bulk_create(
        School(
            id=s + 1,
            brin=brin_code(s),
            name=f"School {s + 1:04d}",
            municipality_id=school_municipality[s] + 1,
        )
        for s in range(N_SCHOOLS)
    )
    # One referrer organisation per school, one police team per municipality.
    organisations = [
        ReferrerOrganisation(
            id=s + 1,
            name=f"School {s + 1:04d}",
            kind="school",
            municipality_id=school_municipality[s] + 1,
            school_id=s + 1,
        )
        for s in range(N_SCHOOLS)
    ]
    organisations += [
        ReferrerOrganisation(
            id=N_SCHOOLS + m + 1, name=f"Politie basisteam {m + 1:03d}", kind="police", municipality_id=m + 1
        )
        for m in range(N_MUNICIPALITIES)
    ]
    ReferrerOrganisation.objects.bulk_create(organisations)

    joined = dt.datetime(2016, 6, 1, 9, 0, tzinfo=dt.UTC)
    professionals: list[list[int]] = [[] for _ in regions]
    users = []
    for p in range(N_PROFESSIONALS):
        region_index = p % len(regions)
        users.append(
            User(
                id=p + 1,
                username=f"bench.professional{p + 1:03d}",
                password="!",  # unusable: nobody logs in to the benchmark database
                first_name=FIRST_NAMES[p % len(FIRST_NAMES)],
                last_name=list(COMMON_SURNAMES)[p % len(COMMON_SURNAMES)],
                email=f"professional{p + 1:03d}@halt.example",
                role="caseworker",
                region_id=regions[region_index].id,
                date_joined=joined,
            )
        )
        professionals[region_index].append(p + 1)
    User.objects.bulk_create(users)

    school_weight = [rng.lognormvariate(0, 0.8) for _ in range(N_SCHOOLS)]
    return {
        "municipality_region": municipality_region,
        "municipality_cum": municipality_cum,
        "neighbourhoods": neighbourhoods,
        "school_municipality": school_municipality,
        "school_cum": list(itertools.accumulate(school_weight)),
        "professionals": professionals,
    }


# --- dates ---------------------------------------------------------------------------------------


def day_weight(day: dt.date) -> float:
    """Referrals follow the school calendar: few in the weekends and the holidays."""
    weight = 1.0 if day.weekday() < 5 else 0.08
    if (day.month == 7 and day.day > 10) or (day.month == 8 and day.day < 25):
        weight *= 0.15  # summer holidays
    elif (day.month == 12 and day.day > 21) or (day.month == 1 and day.day < 4):
        weight *= 0.2  # Christmas holidays
    return weight


def year_day_cdf(start_year: int) -> tuple[int, list[float]]:
    first = dt.date(start_year, 8, 1)
    days = (dt.date(start_year + 1, 7, 31) - first).days + 1
    cdf = list(itertools.accumulate(day_weight(first + dt.timedelta(days=d)) for d in range(days)))
    return first.toordinal(), [value / cdf[-1] for value in cdf]


# --- the interventions ---------------------------------------------------------------------------


class Generator:
    """Rows for interventions [start, stop), appended to one Table per model."""

    def __init__(self, *, n: int, seed: int, id_order: str, writer: Writer, reference: dict):
        from kansrijk.evaluations.models import Evaluation
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
        from kansrijk.referrals.models import Referral, ReferralReason

        self.n = n
        # Rows are always written in id order. "chronological": the n-th intervention is also the
        # n-th by referral date, as when interventions are entered in the application.
        # "shuffled": the dates come in random order, as when years of history are imported from
        # a file sorted some other way (e.g. by the old system's reference); ids and the tables'
        # physical order then follow the file, not the dates.
        self.date_order: list[int] | None = None
        if id_order == "shuffled":
            self.date_order = list(range(n))
            random.Random(seed + 2).shuffle(self.date_order)
        self.rng = random.Random(seed + 1)
        self.remnant_flags = remnant_flags
        self.names = NameDrawer(seed + 3)
        self.writer = writer
        self.ref = reference
        case = "id uuid recorded_by_id created_at intervention_id "
        # In foreign-key order; each row tuple below follows its table's column order.
        self.young_people = Table(
            YoungPerson,
            "id uuid first_name last_name birth_date gender phone email address_area school_class created_at",
        )
        self.referrals = Table(
            Referral,
            "id uuid reference status type young_person_id organisation_id referrer_kind region_id "
            "municipality_id school_id neighbourhood_id referral_date incident_date description has_victim "
            "youth_informed parents_informed other_care_involved other_care_description rejection_reason "
            "rejection_note created_at updated_at",
        )
        self.reasons = Table(ReferralReason, "id referral_id code position is_primary")
        self.interventions = Table(
            Intervention,
            "id uuid reference referral_id type status region_id municipality_id school_id neighbourhood_id "
            "professional_id referral_date primary_reason accepted_at intake_planned_at intake_date end_date "
            "outcome stop_reason not_started_reason end_note created_at updated_at "
            f"{' '.join(REMNANT_FLAGS)} first_contact_date is_repeat",
        )
        self.history = Table(
            InterventionStatusChange, "id intervention_id from_status to_status by_id at reason"
        )
        self.contacts = Table(ParentContact, case + "parent_id mode date note")
        self.restorations = Table(RestorationAction, case + "kind date victim_involved note")
        self.care_referrals = Table(CareReferral, case + "kind organisation date meldcode_ground note")
        self.care_reports = Table(CareReport, case + "date receiving_body note")
        self.evaluations = Table(
            Evaluation,
            "id uuid intervention_id respondent parent_id first_name email referral_date region_id "
            "municipality_id school_id invited_at reminded_at answered_at score_1 score_2 score_3 "
            "open_answer consent_to_quote quote_status quote_text quote_reviewed_by_id quote_reviewed_at",
        )
        self.tables = [
            self.young_people,
            self.referrals,
            self.reasons,
            self.interventions,
            self.history,
            self.contacts,
            self.restorations,
            self.care_referrals,
            self.care_reports,
            self.evaluations,
        ]
        # Evaluations draw from a generator of their own, so the other rows stay what they were.
        self.evaluation_rng = random.Random(seed + 3)
        self.ids = {table.table: 0 for table in self.tables}
        # Young people of the current chunk (id, birth day), candidates for a second intervention.
        self.recent_youth: list[tuple[int, int]] = []

        # Dates and datetimes as ready-made text: formatting 20 million of them is the slow part.
        self.date_base = dt.date(1990, 1, 1).toordinal()
        days = dt.date(2028, 1, 1).toordinal() - self.date_base
        self.dates = [dt.date.fromordinal(self.date_base + d).isoformat() for d in range(days)]
        self.times = [f" {h:02d}:{m:02d}:00{writer.tz}" for h in range(8, 18) for m in (0, 15, 30, 45)]
        self.year_cdfs = [year_day_cdf(FIRST_START_YEAR + y) for y in range(SCHOOL_YEARS)]
        self.reason_codes, self.reason_cum = cumulative(PRIMARY_REASONS)
        self.contact_modes, self.contact_cum = cumulative(CONTACT_MODES)
        self.restoration_kinds, self.restoration_cum = cumulative(RESTORATION_KINDS)
        self.care_kinds, self.care_cum = cumulative(CARE_KINDS)
        self.referrer_kinds, self.referrer_cum = cumulative(NEIGHBOURHOOD_REFERRERS)
        self.today = TODAY.toordinal()
        self.open_from = dt.date(2026, 3, 1).toordinal()

    def next_id(self, table: Table) -> int:
        self.ids[table.table] += 1
        return self.ids[table.table]

    def uuid(self) -> str:
        return f"{(self.rng.getrandbits(128) & _UUID_MASK) | _UUID_V4:032x}"

    def date(self, ordinal: int) -> str:
        return self.dates[ordinal - self.date_base]

    def moment(self, ordinal: int) -> str:
        return self.dates[ordinal - self.date_base] + self.times[self.rng.randrange(len(self.times))]

    def pick(self, keys: list[str], cum: list[float]) -> str:
        return keys[bisect.bisect_left(cum, self.rng.random() * cum[-1])]

    def referral_day(self, index: int) -> int:
        """The referral date of the index-th intervention: ids rise with the date, as in real use."""
        year = index * SCHOOL_YEARS // self.n
        first_index = -(-year * self.n // SCHOOL_YEARS)  # ceil(year * n / 10)
        in_year = -(-(year + 1) * self.n // SCHOOL_YEARS) - first_index
        first_day, cdf = self.year_cdfs[year]
        position = (index - first_index + 0.5) / in_year
        return first_day + min(bisect.bisect_left(cdf, position), len(cdf) - 1)

    def run(self, *, progress=print) -> None:
        started = time.perf_counter()
        for start in range(0, self.n, CHUNK):
            stop = min(start + CHUNK, self.n)
            for position in range(start, stop):
                self.add_intervention(position)
            with transaction.atomic():
                if self.writer.skip_foreign_key_checks:
                    with self.writer.connection.cursor() as cursor:
                        cursor.execute("SET LOCAL session_replication_role = replica")
                for table in self.tables:
                    self.writer.flush(table)
            self.recent_youth.clear()
            elapsed = time.perf_counter() - started
            progress(f"  {stop:>9,} interventions  {elapsed:7.1f} s  ({stop / elapsed:,.0f}/s)", flush=True)

    # The row tuples are laid out by hand, a few columns a line in table order: the formatter
    # would put every one of the ~100 values on its own line.
    # fmt: off
    def add_intervention(self, position: int) -> None:
        rng, ref = self.rng, self.ref
        random_, randrange = rng.random, rng.randrange
        pk = position + 1
        day = self.referral_day(position if self.date_order is None else self.date_order[position])
        date = self.date(day)
        year = dt.date.fromordinal(day).year
        is_school = random_() < 0.8
        if is_school:
            weights = ref["school_cum"]
            school = bisect.bisect_left(weights, random_() * weights[-1])
            municipality = ref["school_municipality"][school]
            school_id, neighbourhood_id = school + 1, None
            organisation_id, referrer_kind, kind = school + 1, "school", "school"
        else:
            weights = ref["municipality_cum"]
            municipality = bisect.bisect_left(weights, random_() * weights[-1])
            school_id = None
            neighbourhoods = ref["neighbourhoods"][municipality]
            neighbourhood_id = neighbourhoods[randrange(len(neighbourhoods))]
            referrer_kind = self.pick(self.referrer_kinds, self.referrer_cum)
            organisation_id = N_SCHOOLS + municipality + 1 if referrer_kind == "police" else None
            kind = "neighbourhood"
        region_id = ref["municipality_region"][municipality]
        municipality_id = municipality + 1
        professionals = ref["professionals"][region_id - 1]
        professional_id = professionals[randrange(len(professionals))]

        # About one in nine interventions is for a young person who was referred before.
        recent = self.recent_youth
        youth_id = None
        if recent and random_() < 0.11:
            candidate, birth = recent[randrange(len(recent))]
            # A shuffled chunk spans all ten years: keep the young person's age within 10-23.
            if self.date_order is None or 10 * 366 <= day - birth <= 23 * 365:
                youth_id = candidate
        if youth_id is None:
            age = randrange(11, 18) if is_school else randrange(11, 23)
            birth = day - age * 365 - age // 4 - randrange(0, 360)
            youth_id = self.next_id(self.young_people)
            gender = "m" if random_() < 0.6 else ("f" if random_() < 0.95 else "x")
            school_class = f"{randrange(1, 5)}{'ABCD'[randrange(4)]}" if is_school else ""
            self.young_people.rows.append((
                youth_id, self.uuid(), *self.names.draw(),
                self.date(birth), gender, "", "", str(1000 + randrange(9000)), school_class,
                self.moment(day),
            ))
            if len(recent) < 5_000:
                recent.append((youth_id, birth))
            else:
                recent[randrange(5_000)] = (youth_id, birth)

        primary = self.pick(self.reason_codes, self.reason_cum)
        created = self.moment(day)
        self.referrals.rows.append((
            pk, self.uuid(), f"AAN-{year}-{pk:07d}", "accepted", kind, youth_id, organisation_id,
            referrer_kind, region_id, municipality_id, school_id, neighbourhood_id,
            date, self.date(day - randrange(15)), DESCRIPTIONS[randrange(5)], random_() < 0.4,
            random_() < 0.9, random_() < 0.8, random_() < 0.2, "", "",
            "", created, created,
        ))
        self.reasons.rows.append((self.next_id(self.reasons), pk, primary, 0, True))
        extra = 0 if random_() < 0.55 else (1 if random_() < 0.67 else 2)
        used = {primary}
        while extra:
            code = self.pick(self.reason_codes, self.reason_cum)
            if code not in used:
                used.add(code)
                self.reasons.rows.append((self.next_id(self.reasons), pk, code, len(used) - 1, False))
                extra -= 1

        # Everything referred before March 2026 has ended; later referrals may still be open.
        accepted = day + randrange(1, 8)
        intake_planned_at = intake_date = end_date = None
        outcome = stop_reason = not_started_reason = ""
        roll = random_()
        if day >= self.open_from and roll < 0.25:
            status = "new" if roll < 0.03 else ("intake_planned" if roll < 0.08 else "in_progress")
        else:
            roll = random_()
            status = "completed" if roll < 0.88 else ("stopped" if roll < 0.95 else "not_started")
        if status != "new":
            intake = accepted + randrange(3, 15)
            intake_planned_at = self.moment(intake)
            if status not in ("intake_planned", "not_started"):
                intake_date = intake
        if status in ("completed", "stopped", "not_started"):
            end_date = min((intake_date or accepted) + randrange(14, 100), self.today)
            if status == "completed":
                outcome = "sufficient" if random_() < 0.85 else "further_support"
            elif status == "stopped":
                stop_reason = "youth_withdrew" if random_() < 0.5 else "parents_withdrew"
            else:
                not_started_reason = "no_consent" if random_() < 0.6 else "no_contact"
        last_day = end_date or intake_date or accepted
        accepted_at = self.moment(accepted)
        # Appended after its contacts and restoration actions, which decide its remnant flags;
        # built here so the random numbers are drawn in the same order as before those flags.
        intervention = (
            pk, self.uuid(), f"HLT-{year}-{pk:07d}", pk, kind, status,
            region_id, municipality_id, school_id, neighbourhood_id,
            professional_id, date, primary, accepted_at, intake_planned_at,
            None if intake_date is None else self.date(intake_date),
            None if end_date is None else self.date(end_date),
            outcome, stop_reason, not_started_reason, "", accepted_at, self.moment(last_day),
        )
        self.history.rows.append((
            self.next_id(self.history), pk, "" if status == "new" else "new", status, professional_id,
            self.moment(last_day), "",
        ))

        # Parents are contacted in ~72% of school and ~93% of neighbourhood interventions (seed).
        modes = set()
        if random_() < (0.72 if is_school else 0.93):
            for c in range(1 if random_() < 0.55 else (2 if random_() < 0.7 else 3)):
                when = accepted + 2 + 7 * c
                contact = (
                    self.next_id(self.contacts), self.uuid(), professional_id, self.moment(when), pk,
                    None, self.pick(self.contact_modes, self.contact_cum), self.date(when), "",
                )
                modes.add(contact[6])
                self.contacts.rows.append(contact)
        restored = random_() < 0.95
        # The management remnant as the services keep it: the first contact is the first parent
        # contact or the intake; the repeat flags are set for all at the end (finish_load).
        first_contact = min(
            [day for day in (accepted + 2 if modes else None, intake_date) if day is not None], default=None
        )
        self.interventions.rows.append((
            *intervention, *self.remnant_flags(restoration=restored, contact_modes=modes).values(),
            None if first_contact is None else self.date(first_contact), False,
        ))
        if restored:
            for _ in range(1 if random_() < 0.85 else 2):
                self.restorations.rows.append((
                    self.next_id(self.restorations), self.uuid(), professional_id, self.moment(last_day), pk,
                    self.pick(self.restoration_kinds, self.restoration_cum), self.date(last_day),
                    random_() < 0.5, "",
                ))
        if random_() < 0.07:
            care = self.pick(self.care_kinds, self.care_cum)
            self.care_referrals.rows.append((
                self.next_id(self.care_referrals), self.uuid(), professional_id, self.moment(last_day), pk,
                care, CARE_ORGANISATIONS[care], self.date(last_day), False, "",
            ))
        if random_() < 0.009:
            self.care_reports.rows.append((
                self.next_id(self.care_reports), self.uuid(), professional_id, self.moment(last_day), pk,
                self.date(last_day), "Veilig Thuis", "",
            ))
        if status in ("completed", "stopped"):
            self.add_evaluations(pk, end_date, date, region_id, municipality_id, school_id)

    def add_evaluations(self, pk, end_day, date, region_id, municipality_id, school_id) -> None:
        """Invitations at the ending: the referrer (mostly), the young person, one or two parents;
        about a third answer, with a score for each of the three questions; one in twenty answers is
        an approved quote. Everything here draws from evaluation_rng, uuids too."""
        random_, randrange = self.evaluation_rng.random, self.evaluation_rng.randrange
        invited = self.date(end_day) + " 16:00:00" + self.writer.tz
        respondents = (["professional"] if random_() < 0.85 else []) + ["young_person"]
        respondents += ["parent"] * (1 if random_() < 0.6 else 2)
        for respondent in respondents:
            evaluation_id = self.next_id(self.evaluations)
            answered = random_() < 0.35
            quote = answered and random_() < 0.05
            tz = self.writer.tz
            answered_at = self.date(min(end_day + randrange(0, 10), self.today)) + " 19:00:00" + tz
            self.evaluations.rows.append((
                evaluation_id, f"{(self.evaluation_rng.getrandbits(128) & _UUID_MASK) | _UUID_V4:032x}", pk,
                respondent, None, FIRST_NAMES[randrange(16)], "", date,
                region_id, municipality_id, school_id, invited, None,
                answered_at if answered else None,
                *((3 + randrange(3) for _ in range(3)) if answered else (None, None, None)),
                "Fijn contact met Halt." if quote else "", quote, "approved" if quote else "none",
                "Fijn contact met Halt." if quote else "", None,
                self.date(min(end_day + 12, self.today)) + " 10:00:00" + self.writer.tz if quote else None,
            ))
    # fmt: on


# --- the run -------------------------------------------------------------------------------------


def database_label(connection) -> str:
    return f"{connection.vendor} {connection.settings_dict['NAME']}"


def read_marker(connection) -> dict | None:
    tables = connection.introspection.table_names()
    if MARKER_TABLE not in tables:
        return None
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {MARKER_TABLE}")
        row = cursor.fetchone()
        names = [column[0] for column in cursor.description]
    if row is None:
        return None
    # Markers written before --id-order existed describe chronological data sets.
    return {"id_order": "chronological", **dict(zip(names, row, strict=True))}


def write_marker(connection, *, n: int, seed: int, id_order: str, seconds: float) -> None:
    generated_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {MARKER_TABLE}")
        cursor.execute(
            f"CREATE TABLE {MARKER_TABLE} (n integer, seed integer, version integer, id_order varchar(20), "
            "seconds double precision, generated_at varchar(40))"
        )
        cursor.execute(
            f"INSERT INTO {MARKER_TABLE} VALUES (%s, %s, %s, %s, %s, %s)",
            [n, seed, GENERATOR_VERSION, id_order, seconds, generated_at],
        )


def reset_database(connection) -> None:
    name = str(connection.settings_dict["NAME"])
    if "bench" not in Path(name).name:
        raise SystemExit(f"refusing to wipe {database_label(connection)}: its name does not contain 'bench'")
    print(f"wiping {database_label(connection)}")
    if connection.vendor == "sqlite":
        connection.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(name + suffix).unlink(missing_ok=True)
    else:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def finish_load(connection, writer: Writer, generator: Generator) -> None:
    """Reset sequences past the explicit keys, then refresh the planner's statistics."""
    from django.core.management.color import no_style

    from kansrijk.accounts.models import User
    from kansrijk.organisations.models import (
        Municipality,
        Neighbourhood,
        ReferrerOrganisation,
        Region,
        School,
    )

    models = [Region, Municipality, Neighbourhood, School, ReferrerOrganisation, User]
    models += [table.model for table in generator.tables]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    from kansrijk.interventions.remnant import refresh_repeat_flags

    refresh_repeat_flags()
    if connection.vendor == "postgresql":
        # VACUUM also sets the visibility map, as autovacuum would soon after a real load.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
    else:
        writer.raw.execute("ANALYZE")


def ensure_dataset(
    *, n: int, seed: int = DEFAULT_SEED, id_order: str = "chronological", reset: bool = False
) -> dict:
    """Make the configured database hold exactly the data set (n, seed); return what happened."""
    from django.db import connection

    from kansrijk.interventions.models import Intervention
    from kansrijk.organisations.models import Region

    label = database_label(connection)
    migrate()
    marker = read_marker(connection)
    wanted = {"n": n, "seed": seed, "version": GENERATOR_VERSION, "id_order": id_order}
    if marker and {key: marker[key] for key in wanted} == wanted and Intervention.objects.count() == n:
        print(
            f"reusing the data set in {label}: {n:,} interventions (generated in {marker['seconds']:.0f} s)"
        )
        return {"reused": True, "seconds": marker["seconds"]}
    if marker or Intervention.objects.exists() or Region.objects.exists():
        # A data set this generator wrote (it has the marker) but for another version or size
        # is simply made again; data of unknown origin is wiped only when asked to.
        if not reset and not marker:
            raise SystemExit(f"{label} already holds other data; pass --reset to wipe it")
        if marker:
            print(f"{label} holds an older or other data set ({marker}); generating it again")
        reset_database(connection)
        migrate()

    print(f"generating {n:,} interventions into {label} (seed {seed}, {id_order} ids)")
    started = time.perf_counter()
    writer = Writer(connection)
    if connection.vendor == "sqlite":
        # Safe only because a failed load is simply generated again.
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-262144", "temp_store=MEMORY"):
            writer.raw.execute(f"PRAGMA {pragma}")
    rng = random.Random(seed)
    with transaction.atomic():
        reference = create_reference_data(rng)
    generator = Generator(n=n, seed=seed, id_order=id_order, writer=writer, reference=reference)
    generator.run()
    loaded = time.perf_counter() - started
    finish_load(connection, writer, generator)
    if connection.vendor == "sqlite":
        writer.raw.execute("PRAGMA journal_mode=WAL")
        writer.raw.execute("PRAGMA synchronous=NORMAL")
    seconds = time.perf_counter() - started
    write_marker(connection, n=n, seed=seed, id_order=id_order, seconds=seconds)
    rows = sum(table.written for table in generator.tables)
    print(
        f"generated {rows:,} rows in {seconds:.1f} s (load {loaded:.1f} s, "
        f"sequences + {'VACUUM ANALYZE' if connection.vendor == 'postgresql' else 'ANALYZE'} "
        f"{seconds - loaded:.1f} s)"
    )
    for table in generator.tables:
        print(f"  {table.table:<40} {table.written:>10,}")
    return {"reused": False, "seconds": seconds, "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--n", type=int, default=DEFAULT_N, help="number of interventions (default 1,000,000)"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--id-order",
        choices=ID_ORDERS,
        default="chronological",
        help="chronological (ids rise with the referral date, the default) or shuffled (imported history)",
    )
    parser.add_argument("--reset", action="store_true", help="wipe a benchmark database holding other data")
    args = parser.parse_args(argv)
    if args.n < SCHOOL_YEARS:
        parser.error(f"--n must be at least {SCHOOL_YEARS}")
    setup_django()
    ensure_dataset(n=args.n, seed=args.seed, id_order=args.id_order, reset=args.reset)
    return 0


if __name__ == "__main__":
    sys.exit(main())
