"""Benchmark of the professionals' web pages on PostgreSQL with N interventions (default 200,000).

    .venv/bin/python bench/web_bench.py [--n 200000] [--runs 30] [--warmup 2]

Target (docs/performance.md): with 200,000 interventions the worklist, the search list (with a filter)
and the intervention file each answer in under 100 ms median and under 250 ms at the 95th
percentile, for a non-superuser, over the HTTP stack, single user. This script times whole
requests through Django's test client (URL routing, middleware, session, second-factor check,
access checks, SQL, templates):

1. the worklist `/werk/` of the caseworker with the most open cases in the largest region;
2. the worklist of a team lead of that region (triage list and the three attention lists);
3. the search list filtered on open interventions;
4. the search list filtered on a school year, sorted by reference;
5. a search for an intervention's reference (one match), and one for the most common last
   name of the region (the generator draws names with real Dutch frequencies, bench/names.py,
   in the current data set "de Jong"); without names in the data set only the reference search is
   made. The search text never goes in the address (kansrijk/core/search.py): the benchmark
   posts it once through the list's form, untimed, and times the GET of the result page the
   form redirects to, whose `?zoekopdracht=` token names the text kept in the session;
6. the file `/interventies/<uuid>/` of the region's intervention with the most timeline records
   of the data set, and a long file: one of the caseworker's files in progress that the
   benchmark fills once, through the real services, to 80 timeline records.

Who: the generator makes the Halt professionals; the benchmark adds a team lead
"bench-web-teamleider" for the largest region and gives both users a confirmed TOTP device,
then logs them in with `force_login` and marks the second factor as passed in the session, as
after a real login. Those and the long file's records are the only rows it adds (plus the
audit rows the file page writes itself); the data set is otherwise left as it is.

The database is PostgreSQL `kansrijk_bench_200000` on postgres://postgres@127.0.0.1:5432 (the
name bench/factsheet_bench.py gives this size; BENCH_POSTGRES_URL names another server),
filled by bench/generate.py when it does not hold the data set yet. Django reads DATABASE_URL
when it starts, so the measuring runs in a child process (this script again, with `--child`).
The exit status is non-zero when a page misses a target.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DEFAULT_N = 200_000
RESULT_PREFIX = "RESULT "
TARGET_MEDIAN_MS = 100
TARGET_P95_MS = 250
TEAM_LEAD = "bench-web-teamleider"
DEVICE_NAME = "bench"
# The school year of the search list's school-year filter: a full year of the data set.
SCHOOL_YEAR = "2024-2025"


def _confirmed_device(user) -> None:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.get_or_create(user=user, name=DEVICE_NAME, defaults={"confirmed": True})


def _team_lead(region):
    """A team lead of `region` with a confirmed second factor, made once and reused."""
    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.models import User

    user, _created = User.objects.update_or_create(
        username=TEAM_LEAD, defaults={"role": Role.TEAM_LEAD, "region": region, "is_active": True}
    )
    # Not a superuser and no extra permissions: the target is for an ordinary team lead.
    user.user_permissions.clear()
    _confirmed_device(user)
    return User.objects.get(pk=user.pk)


def _client_for(user):
    """A test client logged in as `user` with the second factor passed, as after a real login."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    _confirmed_device(user)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user, name=DEVICE_NAME).persistent_id
    session.save()
    return client


def _time(client, url: str, *, runs: int, warmup: int) -> dict:
    from factsheet_bench import percentile

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
        "p95_ms": percentile(timings, 0.95),
        "min_ms": timings[0],
        "max_ms": timings[-1],
        "bytes": len(response.content),
    }


def _busiest_file(region, *, besides=None) -> tuple[object, int]:
    """The region's intervention with the most timeline records, and how many it has.

    `besides` is the long file the benchmark filled itself: from the second run on it would be
    the busiest, and both rows would time the same file.
    """
    from django.db.models import Count

    from kansrijk.interventions.models import Intervention

    records: Counter = Counter()
    for relation in Intervention._meta.related_objects:
        if relation.one_to_many and relation.related_model._meta.app_label == "interventions":
            counts = (
                relation.related_model.objects.filter(intervention__region=region)
                .exclude(intervention=besides)
                .order_by()
                .values("intervention")
                .annotate(n=Count("pk"))
            )
            records.update({row["intervention"]: row["n"] for row in counts})
    pk, n = max(records.items(), key=lambda item: (item[1], -item[0]))
    return Intervention.objects.get(pk=pk), n


LONG_FILE_RECORDS = 80


def _long_file(caseworker):
    """One of `caseworker`'s files in progress, filled once to LONG_FILE_RECORDS timeline records
    through the real services (notes, parent contacts, agreements, components, restoration):
    the generated files have a handful each, a long-running case has dozens."""
    from kansrijk.interventions import services
    from kansrijk.interventions.constants import Status
    from kansrijk.interventions.models import Intervention

    file = (
        Intervention.objects.filter(professional=caseworker, status=Status.IN_PROGRESS)
        .order_by("referral_date", "id")
        .first()
    )
    if file is None:
        return None, 0
    steps = [
        lambda: services.intervention_add_note(
            intervention=file, by=caseworker, text="Gesprek met de mentor."
        ),
        lambda: services.intervention_record_parent_contact(
            intervention=file, by=caseworker, mode="phone", date=file.intake_date
        ),
        lambda: services.intervention_record_agreement(
            intervention=file, by=caseworker, description="Elke week een gesprek op school."
        ),
        lambda: services.intervention_plan_component(
            intervention=file, by=caseworker, kind="reflection", planned_date=file.intake_date
        ),
        lambda: services.intervention_record_restoration(
            intervention=file, by=caseworker, kind="apology_letter", date=file.intake_date
        ),
    ]
    records = _records_of(file)
    while records < LONG_FILE_RECORDS:
        steps[records % len(steps)]()
        records += 1
    return file, records


def _records_of(file) -> int:
    return sum(
        relation.related_model.objects.filter(intervention=file).count()
        for relation in type(file)._meta.related_objects
        if relation.one_to_many and relation.related_model._meta.app_label == "interventions"
    )


def _search_terms(region) -> list[tuple[str, str]]:
    """A reference of the region and, when the data set has names, its most common last name."""
    from django.db.models import Count

    from kansrijk.interventions.models import Intervention

    in_region = Intervention.objects.filter(region=region).order_by()
    name = (
        in_region.exclude(referral__young_person__last_name="")
        .values("referral__young_person__last_name")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    reference = in_region.order_by("-referral_date", "-id").values_list("reference", flat=True)[100]
    terms = [("reference", reference)]
    if name:
        terms.append(("name", name["referral__young_person__last_name"]))
    return terms


def _search_result_url(client, term: str) -> str:
    """The address of the search list's result page for `term`: the form posted once, as a user
    does, answers with a redirect to the list with a token for the text."""
    response = client.post("/interventies/", {"q": term})
    if response.status_code != 302:
        raise SystemExit(f"the search form answered {response.status_code}")
    url = response["Location"]
    # The search box shows the text only when the token found it: otherwise the timing would
    # be of the unfiltered list.
    if f'value="{term}"' not in client.get(url).content.decode():
        raise SystemExit(f"the search result page does not search for {term!r}")
    return url


def child(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(BENCH))
    import generate

    generate.setup_django()
    from urllib.parse import urlencode

    from django.db.models import Count

    from kansrijk.accounts.constants import Role
    from kansrijk.accounts.models import User
    from kansrijk.interventions.constants import OPEN_STATUSES
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
    worker_row = (
        Intervention.objects.filter(
            region=region, status__in=OPEN_STATUSES, professional__role=Role.CASEWORKER
        )
        .order_by()
        .values("professional")
        .annotate(n=Count("pk"))
        .order_by("-n", "professional")
        .first()
    )
    caseworker = User.objects.get(pk=worker_row["professional"])
    assert not caseworker.is_superuser
    lead = _team_lead(region)
    worker_client = _client_for(caseworker)
    lead_client = _client_for(lead)
    long_file, long_records = _long_file(caseworker)
    file, records = _busiest_file(region, besides=long_file)
    terms = _search_terms(region)
    open_in_region = Intervention.objects.filter(region=region, status__in=OPEN_STATUSES).count()
    print(
        f"region {region.name}: {busiest['n']:,} interventions, {open_in_region:,} open; "
        f"caseworker {caseworker.username} with {worker_row['n']:,} open; "
        f"file {file.reference} with {records} timeline records, long file with {long_records}; "
        f"search by {', '.join(f'{kind} {term!r}' for kind, term in terms)}",
        flush=True,
    )

    cases = [
        ("worklist, caseworker", worker_client, "/werk/"),
        ("worklist, team lead", lead_client, "/werk/"),
        ("search list, open", lead_client, "/interventies/?" + urlencode({"status": "open"})),
        (
            "search list, school year + sort",
            lead_client,
            "/interventies/?" + urlencode({"school_year": SCHOOL_YEAR, "sort": "reference"}),
        ),
        *(
            (f"search list, by {kind}", lead_client, _search_result_url(lead_client, term))
            for kind, term in terms
        ),
        ("intervention file", worker_client, f"/interventies/{file.uuid}/"),
        *(
            [
                (
                    f"intervention file, {long_records} records",
                    worker_client,
                    f"/interventies/{long_file.uuid}/",
                )
            ]
            if long_file is not None
            else []
        ),
    ]
    load_before = os.getloadavg()
    results = []
    for label, client, url in cases:
        measured = _time(client, url, runs=args.runs, warmup=args.warmup)
        met = measured["median_ms"] < TARGET_MEDIAN_MS and measured["p95_ms"] < TARGET_P95_MS
        print(
            f"{label:<34} median {measured['median_ms']:7.1f} ms  p95 {measured['p95_ms']:7.1f} ms  "
            f"(min {measured['min_ms']:.1f}, max {measured['max_ms']:.1f}, {measured['bytes']:,} bytes)  "
            f"{'met' if met else 'MISSED'}",
            flush=True,
        )
        results.append({"label": label, "met": met, **measured})
    load_after = os.getloadavg()
    print(
        f"targets: median < {TARGET_MEDIAN_MS} ms and p95 < {TARGET_P95_MS} ms; "
        f"{args.runs} timed requests after {args.warmup} warm-ups"
    )
    print(
        f"load average before {' '.join(f'{v:.2f}' for v in load_before)}, "
        f"after {' '.join(f'{v:.2f}' for v in load_after)}"
    )
    print(
        RESULT_PREFIX
        + json.dumps(
            {"n": args.n, "runs": args.runs, "dataset": dataset, "region": region.name, "results": results}
        ),
        flush=True,
    )
    return 0


def database_url(n: int) -> str:
    sys.path.insert(0, str(BENCH))
    from factsheet_bench import database_url as bench_database_url

    return bench_database_url("postgresql", n)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=DEFAULT_N, help="interventions in the data set")
    parser.add_argument("--seed", type=int, default=None, help="generator seed (default: generate.py's)")
    parser.add_argument("--runs", type=int, default=30, help="timed requests per page (default 30)")
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

    url = database_url(args.n)
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
        print(f"the web pages benchmark failed (exit {process.returncode})", file=sys.stderr)
        return 1
    return 0 if all(row["met"] for row in result["results"]) else 1


if __name__ == "__main__":
    sys.exit(main())
