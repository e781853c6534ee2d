"""Benchmark of the reports pages on PostgreSQL with N interventions (default 1,000,000).

    .venv/bin/python bench/reports_bench.py [--n 1000000] [--runs 10] [--warmup 2]

Times whole requests through Django's test client (URL routing, middleware, session, access
checks, SQL, templates), for the school year 2024-2025:

- the factsheet page, scope all, with the previous school year beside every figure: target
  median under 500 ms; the chart on that page is a second request (an <img>), timed apart;
- the factsheet PDF, scope all: target median under 3 s;
- the management dashboard, for a team lead of one region and for one with every region:
  target median under 500 ms.

Who: scope "all" and every region are for Halt staff with the permission
`reports.view_all_factsheets` (reports/access.py). The benchmark makes two team leads in the
benchmark database, "bench-landelijk" (the largest region, with that permission) and
"bench-teamleider" (the largest region only), with a confirmed second factor, and logs them in
with `force_login`. They are the only rows it adds; the data set itself is left as it is.

The database is the one bench/factsheet_bench.py uses, PostgreSQL `kansrijk_bench` on
postgres://postgres@127.0.0.1:5432 (BENCH_POSTGRES_URL names another), filled by
bench/generate.py when it does not hold the data set yet. Django reads DATABASE_URL when it
starts, so the measuring runs in a child process (this script again, with `--child`).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PERIOD = "2024-2025"
RESULT_PREFIX = "RESULT "
TARGETS_MS = {"page": 500, "chart": 500, "pdf": 3000, "dashboard": 500}


def database_url() -> str:
    return os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/kansrijk_bench")


def _bench_user(username: str, region, *, national: bool):
    """A team lead with a confirmed second factor, made once and reused."""
    from django.contrib.auth.models import Permission
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.models import User

    user, _created = User.objects.update_or_create(
        username=username, defaults={"role": Role.TEAM_LEAD, "region": region, "is_active": True}
    )
    permission = Permission.objects.get(codename="view_all_factsheets")
    if national:
        user.user_permissions.add(permission)
    else:
        user.user_permissions.remove(permission)
    TOTPDevice.objects.get_or_create(user=user, name="bench", defaults={"confirmed": True})
    return User.objects.get(pk=user.pk)


def _client_for(user):
    """A test client logged in as `user` with the second factor passed, as after a real login."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user, name="bench").persistent_id
    session.save()
    return client


def _time(client, url: str, *, runs: int, warmup: int) -> dict:
    for _ in range(warmup):
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    return {
        "url": url,
        "median_ms": statistics.median(timings),
        "min_ms": timings[0],
        "max_ms": timings[-1],
        "bytes": len(response.content),
    }


def child(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(BENCH))
    import generate

    generate.setup_django()
    from django.db.models import Count

    from kansrijk.interventions.models import Intervention
    from kansrijk.organisations.models import Region

    dataset = generate.ensure_dataset(n=args.n, seed=args.seed)
    busiest = (
        Intervention.objects.order_by()
        .values("region")
        .annotate(n=Count("pk"))
        .order_by("-n", "region")
        .first()
    )
    region = Region.objects.get(pk=busiest["region"])
    national = _client_for(_bench_user("bench-landelijk", region, national=True))
    regional = _client_for(_bench_user("bench-teamleider", region, national=False))

    all_scope = f"periode={PERIOD}&scope=alles"
    cases = [
        ("page", "factsheet page, scope all", national, f"/rapportages/factsheet/?{all_scope}"),
        ("chart", "its chart (SVG), scope all", national, f"/rapportages/factsheet/redenen.svg?{all_scope}"),
        ("pdf", "factsheet PDF, scope all", national, f"/rapportages/factsheet/pdf/?{all_scope}"),
        (
            "dashboard",
            f"dashboard, {region.name}",
            regional,
            f"/rapportages/sturingsinformatie/?periode={PERIOD}",
        ),
        (
            "dashboard",
            "dashboard, all regions",
            national,
            f"/rapportages/sturingsinformatie/?periode={PERIOD}",
        ),
    ]
    load_before = os.getloadavg()
    results = []
    for kind, label, client, url in cases:
        measured = _time(client, url, runs=args.runs, warmup=args.warmup)
        target = TARGETS_MS[kind]
        met = measured["median_ms"] < target
        print(
            f"{label:<32} median {measured['median_ms']:8.1f} ms  (min {measured['min_ms']:.1f}, "
            f"max {measured['max_ms']:.1f})  target < {target} ms: {'met' if met else 'MISSED'}",
            flush=True,
        )
        results.append({"kind": kind, "label": label, "target_ms": target, "met": met, **measured})
    load_after = os.getloadavg()
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")
    print(
        RESULT_PREFIX
        + json.dumps(
            {"n": args.n, "runs": args.runs, "dataset": dataset, "region": region.name, "results": results}
        ),
        flush=True,
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="interventions in the data set")
    parser.add_argument("--seed", type=int, default=None, help="generator seed (default: generate.py's)")
    parser.add_argument("--runs", type=int, default=10, help="timed requests per page (default 10)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed requests first (default 2)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.seed is None:
        sys.path.insert(0, str(BENCH))
        from generate import DEFAULT_SEED

        args.seed = DEFAULT_SEED
    if args.child:
        return child(args)

    sys.path.insert(0, str(BENCH))
    from factsheet_bench import create_postgres_database

    url = database_url()
    try:
        create_postgres_database(url)
    except Exception as exc:  # noqa: BLE001 - any connection problem means: cannot measure
        print(f"postgresql: cannot prepare the benchmark database: {exc}", file=sys.stderr)
        return 1
    command = [sys.executable, __file__, "--child", "--n", str(args.n), "--seed", str(args.seed)]
    command += ["--runs", str(args.runs), "--warmup", str(args.warmup)]
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="kansrijk.settings")
    result = None
    with subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True) as process:
        for line in process.stdout:
            if line.startswith(RESULT_PREFIX):
                result = json.loads(line[len(RESULT_PREFIX) :])
            else:
                print(line, end="", flush=True)
    if process.returncode != 0 or result is None:
        print(f"the reports benchmark failed (exit {process.returncode})", file=sys.stderr)
        return 1
    return 0 if all(row["met"] for row in result["results"]) else 1


if __name__ == "__main__":
    sys.exit(main())
