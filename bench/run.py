"""`make bench`: the performance targets of docs/performance.md, on SQLite and PostgreSQL.

    .venv/bin/python bench/run.py [--n 1000000] [--quick] [--db postgresql|sqlite|both]
        [--runs 20] [--id-order both|chronological|shuffled] [--skip-import] [--skip-reports]

1. The factsheet (bench/factsheet_bench.py): one school year on N generated interventions
   (default 1,000,000); median under 300 ms on PostgreSQL, under 1 s on SQLite. Measured on two
   data sets that differ only in how the ids lie: rising with the referral date (interventions
   entered in the application) and shuffled (history imported from a file not sorted by date).
2. The import (bench/import_bench.py): 100,000 interchange rows in under 60 s with a peak RSS
   under 300 MB, on both databases.
3. The reports pages (bench/reports_bench.py) on the PostgreSQL data set of step 1,
4. the professionals' pages (bench/web_bench.py) on 200,000 interventions, and
5. the load test on the local cluster (bench/load_bench.py): 10, 25 and 50 users on those
   200,000 interventions; steps 3-5 on PostgreSQL only, left out with `--skip-reports`,
   `--quick` or `--db sqlite`.

`--quick` is a smoke run (50,000 interventions, 10,000 import rows, no pages); its figures say
nothing about the targets. The exit status is non-zero when a target is missed or a benchmark fails.
See docs/performance.md for the measured figures.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH = Path(__file__).resolve().parent
# The benchmarks measure development settings (as `make demo` runs), except the load test on
# the local cluster, which sets DEBUG=false itself.
os.environ.setdefault("DEBUG", "true")
sys.path.insert(0, str(BENCH))

import factsheet_bench  # noqa: E402

IMPORT_BENCH = BENCH / "import_bench.py"
IMPORT_ROWS = 100_000
QUICK_N = 50_000
QUICK_IMPORT_ROWS = 10_000
IMPORT_LINE = re.compile(
    r"^(?P<label>\S+).*?: (?P<rows>[\d,]+) rows imported in (?P<seconds>[\d.]+) s.*?peak RSS (?P<mb>\d+) MB"
)


def run_import_bench(*, rows: int, databases: list[str]) -> tuple[bool, list[dict]]:
    """Run bench/import_bench.py in a child process; returns (ok, parsed result lines)."""
    urls = []
    for db in databases:
        if db == "sqlite":
            urls.append("sqlite")
        else:
            # The import benchmark only takes the server from this URL and uses its own database.
            server = urlsplit(os.environ.get("BENCH_POSTGRES_URL", factsheet_bench.DEFAULT_POSTGRES_SERVER))
            urls.append(urlunsplit(server._replace(path="/postgres")))
    command = [sys.executable, str(IMPORT_BENCH), "--rows", str(rows)]
    for url in urls:
        command += ["--database-url", url]
    parsed = []
    with subprocess.Popen(command, cwd=BENCH.parent, stdout=subprocess.PIPE, text=True) as process:
        for line in process.stdout:
            print(line, end="", flush=True)
            match = IMPORT_LINE.match(line)
            if match:
                parsed.append(
                    {
                        "database": match["label"],
                        "rows": int(match["rows"].replace(",", "")),
                        "seconds": float(match["seconds"]),
                        "mb": int(match["mb"]),
                    }
                )
    return process.returncode == 0, parsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="interventions for the factsheet benchmark")
    parser.add_argument("--quick", action="store_true", help=f"smoke run: {QUICK_N:,} interventions")
    parser.add_argument("--db", choices=["postgresql", "sqlite", "both"], default="both")
    parser.add_argument("--runs", type=int, default=20, help="timed factsheet runs per scope")
    parser.add_argument(
        "--id-order",
        choices=["both", "chronological", "shuffled"],
        default="both",
        help="factsheet data sets: ids rising with the referral date (entered in the application), "
        "shuffled (history imported from a file not sorted by date), or both (the default)",
    )
    parser.add_argument("--skip-import", action="store_true", help="leave out the import benchmark")
    parser.add_argument(
        "--skip-reports", action="store_true", help="leave out the reports and web pages benchmarks"
    )
    args = parser.parse_args(argv)
    n = QUICK_N if args.quick else args.n
    import_rows = QUICK_IMPORT_ROWS if args.quick else IMPORT_ROWS
    databases = ["postgresql", "sqlite"] if args.db == "both" else [args.db]
    started = time.perf_counter()
    print(f"load average at the start: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")

    ok = True
    table: list[tuple[str, str, str, str, str]] = []
    orders = ["chronological", "shuffled"] if args.id_order == "both" else [args.id_order]
    for order, db in itertools.product(orders, databases):
        print(
            f"\n== factsheet {factsheet_bench.PERIOD}, {db}, {n:,} interventions, {order} ids ==", flush=True
        )
        result = factsheet_bench.measure(
            db, n=n, seed=_default_seed(), runs=args.runs, warmup=2, id_order=order
        )
        if result is None:
            ok = False
            table.append((f"factsheet, {order} ids", db, "failed", "", "FAILED"))
            continue
        for scope, median, p95, target, met in factsheet_bench.verdicts(result):
            ok = ok and met
            table.append(
                (
                    f"factsheet, {scope}, {order} ids",
                    db,
                    f"median {median:.0f} ms, p95 {p95:.0f} ms",
                    f"median < {target} ms",
                    "ok" if met else "MISSED",
                )
            )

    if args.skip_import:
        pass
    elif not IMPORT_BENCH.exists():
        print(f"\nnote: {IMPORT_BENCH.relative_to(BENCH.parent)} is missing; the import benchmark is skipped")
        table.append(("import", "-", "skipped: bench/import_bench.py missing", "", "SKIPPED"))
    else:
        print(f"\n== import of {import_rows:,} interchange rows ==", flush=True)
        import_ok, lines = run_import_bench(rows=import_rows, databases=databases)
        ok = ok and import_ok
        for line in lines:
            met = line["seconds"] < 60 and line["mb"] < 300
            table.append(
                (
                    f"import, {line['rows']:,} rows",
                    line["database"],
                    f"{line['seconds']:.1f} s, peak RSS {line['mb']} MB",
                    "< 60 s, < 300 MB",
                    "ok" if met else "MISSED",
                )
            )
        if not import_ok and not any(verdict == "MISSED" for *_rest, verdict in table):
            table.append(("import", "-", "failed, see above", "", "FAILED"))

    if not args.skip_reports and "postgresql" in databases and not args.quick:
        # The reports pages: factsheet page, PDF and dashboard through the HTTP stack,
        # on the PostgreSQL data set of the factsheet benchmark (bench/reports_bench.py).
        print("\n== reports pages, postgresql ==", flush=True)
        command = [sys.executable, str(BENCH / "reports_bench.py"), "--n", str(n)]
        reports_ok = subprocess.run(command, check=False).returncode == 0
        ok = ok and reports_ok
        print("\n== web pages, postgresql, 200,000 interventions ==", flush=True)
        command = [sys.executable, str(BENCH / "web_bench.py")]
        web_ok = subprocess.run(command, check=False).returncode == 0
        ok = ok and web_ok
        table.append(
            (
                "web pages, 200,000 interventions",
                "postgresql",
                "see above",
                "median < 100 ms, p95 < 250 ms",
                "ok" if web_ok else "MISSED",
            )
        )
        print("\n== load test, local cluster, 10, 25 and 50 users, 200,000 interventions ==", flush=True)
        command = [sys.executable, str(BENCH / "load_bench.py")]
        load_ok = subprocess.run(command, check=False).returncode == 0
        ok = ok and load_ok
        table.append(
            (
                "load test, 50 users, local cluster",
                "postgresql",
                "see above",
                "p95 < 500 ms every page, 0 failures",
                "ok" if load_ok else "MISSED",
            )
        )
        table.append(
            (
                "reports pages",
                "postgresql",
                "see above",
                "page < 500 ms, PDF < 3 s, dashboard < 500 ms",
                "ok" if reports_ok else "MISSED",
            )
        )

    print(f"\n== summary ({'quick smoke run, not the targets' if args.quick else f'{n:,} interventions'}) ==")
    widths = [max(len(row[i]) for row in table) for i in range(5)] if table else [0] * 5
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    print(
        f"load average at the end: {' '.join(f'{value:.2f}' for value in os.getloadavg())}; "
        f"total {time.perf_counter() - started:.0f} s"
    )
    return 0 if ok else 1


def _default_seed() -> int:
    from generate import DEFAULT_SEED

    return DEFAULT_SEED


if __name__ == "__main__":
    sys.exit(main())
