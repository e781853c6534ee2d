"""Benchmark of `manage.py import_interventions`: wall time and peak memory of the import.

    .venv/bin/python bench/import_bench.py [--rows 100000] [--database-url URL ...]

Generates N valid interchange rows (deterministic random) into a temporary CSV, then for each
database: creates a fresh one, runs `migrate`, runs the import in a child process and prints
one line with the wall time and the child's peak RSS. Targets (docs/performance.md):
100,000 rows in under 60 s, peak RSS under 300 MB.

`--database-url sqlite` (the default) uses a temporary SQLite file. A PostgreSQL URL only
names the server and credentials: the benchmark always works in its own database
`kansrijk_bench_import`, which it drops and creates before and drops after the run.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kansrijk.interchange.columns import COLUMN_NAMES  # noqa: E402

BENCH_DATABASE = "kansrijk_bench_import"
TARGET_SECONDS = 60
TARGET_MB = 300

REASONS = [
    "disorderly_behaviour",
    "physical_aggression",
    "theft",
    "online_misconduct",
    "school_absence",
    "verbal_aggression",
    "vandalism",
    "bullying",
    "fireworks",
    "substance_use",
    "sexual_misconduct",
    "weapons",
    "discrimination",
    "other",
]
REASON_WEIGHTS = [21, 15, 11, 8, 8, 7, 6, 6, 4, 4, 3, 3, 2, 2]
NEIGHBOURHOOD_REFERRERS = ["police", "boa", "municipality", "neighbourhood_team", "youth_work", "other"]
RESTORATION = ["restorative_conversation", "apology_letter", "other_restoration"]
CONTACT_MODES = ["face_to_face", "digital", "phone"]
CARE_KINDS = ["neighbourhood_team", "youth_care", "youth_work", "mental_health", "addiction_care", "other"]
STATUSES = ["new", "intake_planned", "in_progress", "completed", "stopped", "not_started"]
STATUS_WEIGHTS = [2, 2, 6, 80, 5, 5]


def generate(path: Path, rows: int, seed: int = 20250801) -> None:
    """Write `rows` valid interchange rows: 9 regions, ~350 municipalities, ~2,000 schools,
    referral dates over ten school years, ~7% of rows about a young person seen before."""
    rnd = random.Random(seed)
    regions = [f"Bench regio {number}" for number in range(1, 10)]
    municipalities = [(f"Bench gemeente {number}", regions[number % 9]) for number in range(350)]
    schools = []
    for number in range(2000):
        brin = f"{number // 26 // 26 % 100:02d}{chr(65 + number // 26 % 26)}{chr(65 + number % 26)}"
        schools.append((brin, f"Bench school {brin}", municipalities[number % len(municipalities)]))
    first_day = dt.date(2015, 8, 1)
    days = (dt.date(2025, 7, 31) - first_day).days
    people: list[tuple[str, dt.date, str]] = []

    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMN_NAMES)
        for number in range(rows):
            referral_date = first_day + dt.timedelta(days=rnd.randrange(days))
            if people and rnd.random() < 0.07:
                youth_id, birth_date, gender = rnd.choice(people)
                age = (referral_date - birth_date).days // 366
                if not 10 <= age <= 22:
                    birth_date = None
            else:
                birth_date = None
            if birth_date is None:
                youth_id = f"B{number:08d}"
                birth_date = referral_date - dt.timedelta(days=rnd.randint(11 * 366, 22 * 365))
                gender = rnd.choice(["m", "f", "x", ""])
                people.append((youth_id, birth_date, gender))
            school_type = rnd.random() < 0.8
            if school_type:
                brin, school_name, (municipality, region) = rnd.choice(schools)
                referrer = "school"
                neighbourhood = ""
            else:
                brin, school_name = "", ""
                municipality, region = rnd.choice(municipalities)
                referrer = rnd.choice(NEIGHBOURHOOD_REFERRERS)
                neighbourhood = f"Wijk {rnd.randint(1, 12)}" if rnd.random() < 0.5 else ""
            reasons = []
            while len(reasons) < rnd.choice([1, 1, 1, 2, 2, 3]):
                reason = rnd.choices(REASONS, REASON_WEIGHTS)[0]
                if reason not in reasons:
                    reasons.append(reason)
            status = rnd.choices(STATUSES, STATUS_WEIGHTS)[0]
            intake = referral_date + dt.timedelta(days=rnd.randint(3, 20)) if status != "new" else None
            ended = status in ("completed", "stopped", "not_started")
            end = referral_date + dt.timedelta(days=rnd.randint(25, 120)) if ended else None
            outcome = (
                rnd.choice(["sufficient", "sufficient", "further_support"]) if status == "completed" else ""
            )
            restoration = rnd.sample(RESTORATION, rnd.choice([0, 1, 1, 1, 2]))
            contacts = [rnd.choice(CONTACT_MODES) for _ in range(rnd.choice([0, 1, 1, 2, 3]))]
            writer.writerow(
                [
                    f"BENCH-{number:07d}",
                    "school" if school_type else "neighbourhood",
                    region,
                    municipality,
                    brin,
                    school_name,
                    neighbourhood,
                    referral_date.isoformat(),
                    referrer,
                    youth_id,
                    birth_date.isoformat(),
                    gender,
                    ";".join(reasons),
                    status,
                    intake.isoformat() if intake else "",
                    end.isoformat() if end else "",
                    outcome,
                    ";".join(restoration),
                    ";".join(contacts),
                    rnd.choice(CARE_KINDS) if rnd.random() < 0.07 else "",
                    str(rnd.choice([0, 0, 0, 0, 0, 0, 0, 0, 1, 2])) if rnd.random() < 0.6 else "",
                ]
            )


def run(command: list[str], env: dict[str, str]) -> tuple[int, float, float, int, str]:
    """Run a manage.py command: exit status, wall and CPU seconds, peak RSS (KiB), output.

    os.wait4 gives the rusage of exactly this child, so the figure is the import's own peak,
    not the largest of all children so far (which is what RUSAGE_CHILDREN would report).
    """
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), *command],
            env=env,
            cwd=ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    return child.returncode, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, text


def postgres_admin(url: str, statements: list[str]) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def bench_one(database_url: str, csv_path: Path, rows: int, keep: bool) -> bool:
    # DEBUG on, as `make demo` runs it: the slower case, since Django then logs every query.
    env = dict(os.environ, DEBUG="true", LOG_LEVEL="WARNING")
    if database_url == "sqlite":
        folder = tempfile.mkdtemp(prefix="kansrijk-bench-")
        sqlite_path = Path(folder) / "bench.sqlite3"
        env["DATABASE_URL"] = f"sqlite:///{sqlite_path}"
        label = "sqlite"

        def cleanup():
            for suffix in ("", "-wal", "-shm"):
                Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
            os.rmdir(folder)

    else:
        parts = urlsplit(database_url)
        if not parts.scheme.startswith("postgres"):
            print(f"unsupported database URL {database_url!r}: use 'sqlite' or postgres://…", file=sys.stderr)
            return False
        url = urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))
        try:
            postgres_admin(
                url, [f"DROP DATABASE IF EXISTS {BENCH_DATABASE}", f"CREATE DATABASE {BENCH_DATABASE}"]
            )
        except Exception as exc:  # the server is down, the credentials are wrong, …
            print(f"cannot create {BENCH_DATABASE}: {exc}".splitlines()[0], file=sys.stderr)
            return False
        env["DATABASE_URL"] = url
        label = f"postgresql ({parts.hostname}:{parts.port or 5432}/{BENCH_DATABASE})"

        def cleanup():
            postgres_admin(url, [f"DROP DATABASE IF EXISTS {BENCH_DATABASE}"])

    try:
        status, _seconds, _cpu, _rss, output = run(["migrate", "--noinput", "-v", "0"], env)
        if status != 0:
            print(f"{label}: migrate failed:\n{output}", file=sys.stderr)
            return False
        status, seconds, cpu, rss_kib, output = run(["import_interventions", str(csv_path)], env)
        if status != 0:
            print(f"{label}: import failed (exit {status}):\n{output[-3000:]}", file=sys.stderr)
            return False
        megabytes = rss_kib / 1024
        verdict = "ok" if seconds < TARGET_SECONDS and megabytes < TARGET_MB else "MISSES TARGET"
        print(
            f"{label}: {rows:,} rows imported in {seconds:.1f} s ({rows / seconds:,.0f} rows/s, "
            f"{cpu:.1f} s CPU in the importer), peak RSS {megabytes:.0f} MB — {verdict} "
            f"(targets {TARGET_SECONDS} s, {TARGET_MB} MB)",
            flush=True,
        )
        return verdict == "ok"
    finally:
        if keep:
            print(f"{label}: kept the database at {env['DATABASE_URL']}", file=sys.stderr)
        else:
            cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000, help="number of interventions (default 100,000)")
    parser.add_argument(
        "--database-url",
        action="append",
        dest="database_urls",
        help="'sqlite' (default) or a postgres:// URL of the server to use; may be repeated",
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases and the CSV for inspection")
    args = parser.parse_args()

    with tempfile.NamedTemporaryFile(suffix=".csv", prefix="kansrijk-bench-", delete=False) as handle:
        csv_path = Path(handle.name)
    try:
        started = time.perf_counter()
        generate(csv_path, args.rows)
        size = csv_path.stat().st_size / 1024 / 1024
        print(
            f"generated {args.rows:,} rows ({size:.1f} MB) in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        results = [bench_one(url, csv_path, args.rows, args.keep) for url in args.database_urls or ["sqlite"]]
    finally:
        if args.keep:
            print(f"kept the CSV at {csv_path}", file=sys.stderr)
        else:
            csv_path.unlink(missing_ok=True)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
