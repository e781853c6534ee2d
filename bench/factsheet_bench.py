"""Benchmark of the factsheet: one school year on a database of N interventions (default 1,000,000).

    .venv/bin/python bench/factsheet_bench.py [--db postgresql|sqlite|both] [--n 1000000] [--runs 20]
        [--id-order chronological|shuffled] [--session-sql SQL]

For each database: make sure it holds the generated data set (bench/generate.py; reused when it is
already there), then time `compute_factsheet` plus the JSON encoding for the school year 2024-2025
in three scopes: everything, the largest region and the busiest school. Two warm-up runs, then
`--runs` timed runs; the median and the 95th percentile are reported.

Targets (docs/performance.md): median under 300 ms on PostgreSQL and under 1 s on SQLite.

Django reads DATABASE_URL when it starts, so every database is measured in its own child process
(this script again, with `--child`). The databases belong to the benchmark and may be wiped:
PostgreSQL `kansrijk_bench` on postgres://postgres@127.0.0.1:5432 (created when missing) and SQLite
`bench/out/bench.sqlite3`; other sizes than 1,000,000 and shuffled ids (see generate.py) use
their own, e.g. `kansrijk_bench_50000`, `bench/out/bench_shuffled.sqlite3`. BENCH_POSTGRES_URL
names another server (and, with a path, another database).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
PERIOD = "2024-2025"
DEFAULT_N = 1_000_000
DEFAULT_POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
TARGET_MS = {"postgresql": 300, "sqlite": 1000}
RESULT_PREFIX = "RESULT "


def database_url(db: str, n: int, id_order: str = "chronological") -> str:
    """The benchmark database for a data set of n interventions.

    Every other size or id order gets its own database, so that a --quick run does not wipe
    the 1,000,000-intervention data set that took minutes to generate.
    """
    suffix = ("" if n == DEFAULT_N else f"_{n}") + ("" if id_order == "chronological" else f"_{id_order}")
    if db == "postgresql":
        parts = urlsplit(os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES_SERVER))
        if parts.path.strip("/"):
            return urlunsplit(parts)
        return urlunsplit(parts._replace(path=f"/kansrijk_bench{suffix}"))
    return f"sqlite:///{OUT / f'bench{suffix}.sqlite3'}"


def create_postgres_database(url: str) -> None:
    """CREATE DATABASE when it does not exist yet (needs a connection to another database)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            print(f"creating PostgreSQL database {name}")
            connection.execute(f'CREATE DATABASE "{name}"')


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with at least `share` of the runs at or below it."""
    return sorted_values[max(0, math.ceil(share * len(sorted_values)) - 1)]


def time_factsheet(*, period, scope, runs: int, warmup: int) -> dict:
    from kansrijk.reports.factsheet import compute_factsheet

    for _ in range(warmup):
        compute_factsheet(period=period, scope=scope)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        document = json.dumps(compute_factsheet(period=period, scope=scope))
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {
        "median_ms": statistics.median(timings),
        "p95_ms": percentile(timings, 0.95),
        "min_ms": timings[0],
        "max_ms": timings[-1],
        "factsheet": json.loads(document),
    }


def child(args: argparse.Namespace) -> int:
    """Measure the database DATABASE_URL points at (run in a fresh process per database)."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(BENCH))
    import generate

    generate.setup_django()
    from django.db import connection
    from django.db.models import Count

    from kansrijk.core.dates import SchoolYear
    from kansrijk.interventions.models import Intervention
    from kansrijk.reports.scope import Scope

    dataset = generate.ensure_dataset(n=args.n, seed=args.seed, id_order=args.id_order, reset=True)
    period = SchoolYear.parse(PERIOD)
    in_period = Intervention.objects.filter(
        referral_date__gte=period.first_day, referral_date__lte=period.last_day
    ).order_by()

    def busiest(field: str) -> int:
        rows = in_period.filter(**{f"{field}__isnull": False}).values(field)
        return rows.annotate(n=Count("pk")).order_by("-n", field).first()[field]

    from kansrijk.organisations.models import Region, School

    scopes = [
        ("all", Scope.all()),
        ("largest region", Scope.for_region(Region.objects.get(pk=busiest("region")).name)),
        ("busiest school", Scope.for_school(School.objects.get(pk=busiest("school")).brin)),
    ]
    vendor = connection.vendor
    # The code under test changes while the figures are read: name the version measured.
    code = hashlib.sha256((ROOT / "kansrijk" / "reports" / "factsheet.py").read_bytes()).hexdigest()[:12]
    print(f"{vendor:<10} kansrijk/reports/factsheet.py sha256 {code}")
    for statement in args.session_sql:
        # For experiments only (e.g. "SET jit = off"): what the run measured is printed with it.
        print(f"{vendor:<10} session: {statement}")
        with connection.cursor() as cursor:
            cursor.execute(statement)
    load_before = os.getloadavg()
    results = []
    for label, scope in scopes:
        measured = time_factsheet(period=period, scope=scope, runs=args.runs, warmup=args.warmup)
        total = measured["factsheet"]["interventions"]["total"]
        print(
            f"{vendor:<10} {label:<15} {total:>7,} interventions  median {measured['median_ms']:7.1f} ms  "
            f"p95 {measured['p95_ms']:7.1f} ms  (min {measured['min_ms']:.1f}, max {measured['max_ms']:.1f})",
            flush=True,
        )
        results.append({"scope": label, "scope_json": scope.as_json(), "interventions": total, **measured})
    load_after = os.getloadavg()
    print(f"{vendor:<10} load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")
    print(
        RESULT_PREFIX
        + json.dumps(
            {
                "database": vendor,
                "n": args.n,
                "id_order": args.id_order,
                "factsheet_sha256": code,
                "session_sql": args.session_sql,
                "runs": args.runs,
                "target_ms": TARGET_MS[vendor],
                "dataset": dataset,
                "load_before": load_before,
                "load_after": load_after,
                "results": results,
            }
        ),
        flush=True,
    )
    return 0


def measure(
    db: str, *, n: int, seed: int, runs: int, warmup: int, id_order: str = "chronological", session_sql=()
) -> dict | None:
    """Run the child for one database, echo its output, return its result (None when it failed)."""
    url = database_url(db, n, id_order)
    if db == "postgresql":
        try:
            create_postgres_database(url)
        except Exception as exc:  # noqa: BLE001 - any connection problem means: cannot measure
            print(f"postgresql: cannot prepare the benchmark database: {exc}", file=sys.stderr)
            return None
    else:
        OUT.mkdir(exist_ok=True)
    command = [sys.executable, __file__, "--child", "--n", str(n), "--seed", str(seed)]
    command += ["--runs", str(runs), "--warmup", str(warmup), "--id-order", id_order]
    for statement in session_sql:
        command += ["--session-sql", statement]
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="kansrijk.settings")
    result = None
    with subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:
        for line in process.stdout:
            if line.startswith(RESULT_PREFIX):
                result = json.loads(line[len(RESULT_PREFIX) :])
            else:
                print(line, end="", flush=True)
    if process.returncode != 0:
        print(f"{db}: the factsheet benchmark failed (exit {process.returncode})", file=sys.stderr)
        return None
    return result


def verdicts(result: dict) -> list[tuple[str, float, float, int, bool]]:
    """(scope, median, p95, target, met) for every scope of one database's result."""
    target = result["target_ms"]
    return [
        (row["scope"], row["median_ms"], row["p95_ms"], target, row["median_ms"] < target)
        for row in result["results"]
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["postgresql", "sqlite", "both"], default="both")
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="interventions in the data set")
    parser.add_argument("--seed", type=int, default=None, help="generator seed (default: generate.py's)")
    parser.add_argument(
        "--id-order",
        choices=["chronological", "shuffled"],
        default="chronological",
        help="ids rising with the referral date (default) or shuffled, as after importing history",
    )
    parser.add_argument("--runs", type=int, default=20, help="timed runs per scope (default 20)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs first (default 2)")
    parser.add_argument(
        "--session-sql",
        action="append",
        default=[],
        metavar="SQL",
        help="experiments: run this statement on the connection before timing (repeatable)",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.seed is None:
        sys.path.insert(0, str(BENCH))
        from generate import DEFAULT_SEED

        args.seed = DEFAULT_SEED
    if args.child:
        return child(args)

    databases = ["postgresql", "sqlite"] if args.db == "both" else [args.db]
    ok = True
    for db in databases:
        result = measure(
            db,
            n=args.n,
            seed=args.seed,
            runs=args.runs,
            warmup=args.warmup,
            id_order=args.id_order,
            session_sql=args.session_sql,
        )
        if result is None:
            ok = False
            continue
        ok = ok and all(met for *_rest, met in verdicts(result))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
