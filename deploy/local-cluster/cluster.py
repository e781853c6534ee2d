"""Kansrijk on several application servers, on this one machine: the scale-out set-up, tested.

    .venv/bin/python deploy/local-cluster/cluster.py up    [--database-url URL]
    .venv/bin/python deploy/local-cluster/cluster.py check [--users 50] [--seconds 60] [--n 20000]

`up` starts, on loopback, what docs/deployment.md describes for more than one application
server: Redis (when it is not running yet), two gunicorn instances (deploy/gunicorn.conf.py) on
ports 8101 and 8102, nginx (Debian's package) balancing between them with TLS on
https://127.0.0.1:8443 (a self-signed certificate for 127.0.0.1, made here) and the health
checks on http://127.0.0.1:8080, one Celery worker and Celery beat. PostgreSQL is the one
running on 127.0.0.1:5432. Every process runs with DEBUG=false, after `migrate` and
`collectstatic`, as in production; its output goes to a log file in the work folder
(/tmp/kansrijk-cluster). Ctrl-C stops everything.

`check` is the acceptance test of the set-up (.ci/run runs it). On a fresh database
(`kansrijk_cluster`) with a generated data set (bench/generate.py, --n interventions) it
1. prepares --users caseworkers with `manage.py loadtest_users` (and one more for the browser);
2. starts the cluster and runs the load test (locustfile.py, headless) for --seconds with
   --users users, who log in with both steps, open their worklist, search, open files and add
   notes; halfway, one gunicorn is stopped gracefully (SIGTERM) and started again 10 s later;
3. fails unless: no request failed, every user's session was served by both app servers
   without being logged out, and every note the load test saw stored is in the database;
4. calls the API 1.5 × its limit per minute with one key: exactly the limit is answered, the
   rest get 429, although nginx spreads the calls over both servers (the throttle is counted in
   Redis, not per process);
5. has chromium log in through nginx and load a page: its stylesheet and htmx arrive;
6. checks that readiness (/gezondheid/gereed/) answers 200 through nginx.
It prints requests/s and the 50th, 95th and 99th percentiles per page and writes them as JSON
to the work folder (cluster-check.json). Exit status 1 when anything fails.

bench/load_bench.py uses the same Cluster and load test for the table at 10, 25 and 50 users on
the 200,000-intervention data set (docs/performance.md).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python"
NGINX = Path("/usr/sbin/nginx")
CHROMIUM = Path("/usr/bin/chromium")
DEFAULT_WORKDIR = Path("/tmp/kansrijk-cluster")  # noqa: S108 - a test set-up on loopback
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/kansrijk_cluster"
REDIS = ("127.0.0.1", 6379)
# Redis databases of their own, so that the cluster's throttle counters and queue never mix
# with a test's or a development server's.
BROKER_DB = 11
CACHE_DB = 12
# The API limit the cluster runs with: low, so that the throttle check needs few calls.
THROTTLE_PER_MINUTE = 30
GUNICORN_WORKERS = 3


@dataclass
class Cluster:
    database_url: str
    workdir: Path = DEFAULT_WORKDIR
    ports: tuple[int, int] = (8101, 8102)
    http_port: int = 8080
    https_port: int = 8443
    workers: int = GUNICORN_WORKERS
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}"

    @property
    def health_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def certificate(self) -> Path:
        return self.workdir / "cert.pem"

    def env(self, **extra: str) -> dict[str, str]:
        """The production environment (deploy/kansrijk.env.example), for loopback."""
        env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO", "KANSRIJK"))}
        env.update(
            DEBUG="false",
            SECRET_KEY=self.secret_key,
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SITE_URL=self.url,
            SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO",
            TRUSTED_PROXIES="127.0.0.1",
            SECURE_SSL_REDIRECT="true",
            SECURE_HSTS_SECONDS="0",
            DATABASE_URL=self.database_url,
            DATABASE_CONN_MAX_AGE="60",
            CELERY_BROKER_URL=f"redis://{REDIS[0]}:{REDIS[1]}/{BROKER_DB}",
            REDIS_URL=f"redis://{REDIS[0]}:{REDIS[1]}/{CACHE_DB}",
            LOG_FORMAT="json",
            LOG_LEVEL="WARNING",
            STATIC_ROOT=str(self.workdir / "static"),
            JOB_LOCK_DIR=str(self.workdir),
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            API_THROTTLE_RATE=f"{THROTTLE_PER_MINUTE}/minute",
            FORWARDED_ALLOW_IPS="127.0.0.1",
            GUNICORN_WORKERS=str(self.workers),
        )
        env.update(extra)
        return env

    def manage(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(PYTHON), "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            check=check,
            capture_output=True,
            text=True,
        )

    # Setting up -------------------------------------------------------------------------

    def prepare(self) -> None:
        """Work folder, certificate, nginx configuration; migrate and collectstatic."""
        self.workdir.mkdir(parents=True, exist_ok=True)
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            temp = self.workdir / "nginx-tmp" / sub
            temp.mkdir(parents=True, exist_ok=True)
            # nginx's workers run as nobody when the master is root.
            temp.chmod(0o777)
        if not self.certificate.exists():
            subprocess.run(
                [
                    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "7",
                    "-keyout", str(self.workdir / "key.pem"), "-out", str(self.certificate),
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                ],
                check=True,
                capture_output=True,
            )  # fmt: skip
        self._nginx_conf(down=None)
        self.manage("migrate", "--noinput")
        self.manage("collectstatic", "--noinput")

    def start(self) -> None:
        _redis_running()
        _redis_flush(BROKER_DB, CACHE_DB)
        for index in range(len(self.ports)):
            self.start_node(index)
        self._spawn(
            "worker", [str(BIN / "celery"), "-A", "kansrijk", "worker", "--concurrency", "1", "-l", "WARNING"]
        )
        self._spawn(
            "beat",
            [
                str(BIN / "celery"), "-A", "kansrijk", "beat", "-l", "WARNING",
                "--schedule", str(self.workdir / "celerybeat-schedule"),
            ],
        )  # fmt: skip
        self._spawn("nginx", [str(NGINX), "-p", str(self.workdir), "-c", str(self.workdir / "nginx.conf")])
        for index, port in enumerate(self.ports):
            self.wait_ready(f"http://127.0.0.1:{port}/gezondheid/gereed/", f"gunicorn {index + 1}")
        self.wait_ready(f"{self.health_url}/gezondheid/gereed/", "nginx")
        self.warm_up()

    def warm_up(self) -> None:
        """A few pages per worker first: a new worker builds its URL resolver and templates on
        its first requests, which a server that has been running a while has long done."""
        import ssl

        context = ssl.create_default_context(cafile=str(self.certificate))
        for _ in range(4 * self.workers * len(self.ports)):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(f"{self.url}/inloggen/", context=context).read()  # noqa: S310

    def _nginx_conf(self, *, down: int | None) -> None:
        """nginx.conf from the template; app server `down` (0 or 1) marked down (drained)."""
        template = (HERE / "nginx.conf.in").read_text()
        for name, value in {
            "WORKDIR": str(self.workdir),
            "PORT_A": str(self.ports[0]),
            "PORT_B": str(self.ports[1]),
            "DOWN_A": " down" if down == 0 else "",
            "DOWN_B": " down" if down == 1 else "",
            "HTTP_PORT": str(self.http_port),
            "HTTPS_PORT": str(self.https_port),
        }.items():
            template = template.replace(f"@{name}@", value)
        (self.workdir / "nginx.conf").write_text(template)

    def nginx_reload(self, *, down: int | None) -> None:
        """Take an app server out of nginx's rotation (or all back in), without dropping a request:
        nginx's new workers use the new list, the old ones finish what they are doing."""
        self._nginx_conf(down=down)
        subprocess.run(
            [str(NGINX), "-p", str(self.workdir), "-c", str(self.workdir / "nginx.conf"), "-s", "reload"],
            check=True,
            capture_output=True,
        )
        # The old workers finish their requests; a second is plenty on loopback.
        time.sleep(1)

    def rolling_restart(self, index: int) -> list[str]:
        """What an operator does to restart one app server: drain it in nginx, stop it gracefully,
        start it, wait until it is ready, and put it back."""
        failures = []
        self.nginx_reload(down=index)
        status = self.stop_node(index)
        if status != 0:
            failures.append(f"gunicorn {index + 1} did not stop cleanly: exit status {status}")
        self.start_node(index)
        self.wait_ready(f"http://127.0.0.1:{self.ports[index]}/gezondheid/gereed/", f"gunicorn {index + 1}")
        self.nginx_reload(down=None)
        return failures

    def kill_node(self, index: int) -> None:
        """An app server that dies: SIGKILL to gunicorn and all its workers at once."""
        process = self.processes.pop(f"gunicorn-{index + 1}")
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def start_node(self, index: int) -> None:
        env = {"GUNICORN_BIND": f"127.0.0.1:{self.ports[index]}"}
        self._spawn(
            f"gunicorn-{index + 1}",
            [
                str(BIN / "gunicorn"),
                "-c",
                str(ROOT / "deploy" / "gunicorn.conf.py"),
                "kansrijk.wsgi:application",
            ],
            env,
        )

    def stop_node(self, index: int, *, timeout: float = 40) -> int:
        """A graceful stop (SIGTERM): requests in progress finish, new ones go elsewhere."""
        process = self.processes.pop(f"gunicorn-{index + 1}")
        process.send_signal(signal.SIGTERM)
        return process.wait(timeout=timeout)

    def stop(self) -> None:
        """Every process asked to stop (the newest first), then waited for; killed after 30 s."""
        stopping = [(name, self.processes.pop(name)) for name in reversed(list(self.processes))]
        for name, process in stopping:
            if process.poll() is None:
                process.send_signal(signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
        for _name, process in stopping:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=30)
            if process.poll() is None:
                process.kill()

    def __enter__(self) -> Cluster:
        try:
            self.prepare()
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def _spawn(self, name: str, command: list[str], extra_env: dict[str, str] | None = None) -> None:
        log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115 - the child keeps it open
        # A session (process group) of its own: kill_node stops a gunicorn with all its workers.
        self.processes[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.env(**(extra_env or {})),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def wait_ready(self, url: str, what: str, *, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} stopped at start (see {self.workdir / (name + '.log')})")
            with contextlib.suppress(OSError):
                with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own URL
                    if response.status == 200:
                        return
            time.sleep(0.5)
        raise RuntimeError(f"{what} did not become ready at {url} within {seconds:.0f} s")


# The load test -----------------------------------------------------------------------------


@dataclass
class LoadResult:
    users: int
    seconds: int
    pages: list[dict]
    total: dict
    summary: dict
    failures: list[str]
    # When app server 2 was killed, until it was ready again (epoch seconds).
    kill_window: tuple[float, float] | None = None


def run_load(
    cluster: Cluster,
    *,
    accounts: Path,
    users: int,
    seconds: int,
    spawn_rate: float,
    tag: str,
    node_events: bool = False,
) -> LoadResult:
    """Locust, headless, against nginx. With `node_events`, app server 2 is restarted the way an
    operator does it at a third of the run (drained, stopped gracefully, started, put back),
    and killed outright (SIGKILL, all its processes) at two thirds, then started again."""
    prefix = cluster.workdir / f"locust-{tag}"
    summary_path = cluster.workdir / f"locust-{tag}-users.json"
    env = dict(os.environ)
    env.update(
        LOADTEST_ACCOUNTS=str(accounts),
        LOADTEST_SUMMARY=str(summary_path),
        LOADTEST_CA=str(cluster.certificate),
    )
    command = [
        str(BIN / "locust"), "-f", str(HERE / "locustfile.py"), "--headless", "--only-summary",
        "--host", cluster.url, "--users", str(users), "--spawn-rate", str(spawn_rate),
        "--run-time", f"{seconds}s", "--stop-timeout", "30", "--csv", str(prefix),
        "--loglevel", "WARNING",
    ]  # fmt: skip
    log = open(cluster.workdir / f"locust-{tag}.log", "wb")  # noqa: SIM115
    begun = time.monotonic()
    locust = subprocess.Popen(command, cwd=HERE, env=env, stdout=log, stderr=subprocess.STDOUT)
    log.close()
    failures: list[str] = []
    kill_window = None
    if node_events:
        time.sleep(max(0.0, seconds / 3 - (time.monotonic() - begun)))
        try:
            failures += cluster.rolling_restart(1)
            print(
                f"  {time.monotonic() - begun:.0f} s: gunicorn 2 restarted (drained, stopped, started)",
                flush=True,
            )
        except (RuntimeError, subprocess.SubprocessError) as error:
            failures.append(f"the rolling restart failed: {error}")
        time.sleep(max(0.0, 2 * seconds / 3 - (time.monotonic() - begun)))
        killed = time.time()
        cluster.kill_node(1)
        print(f"  {time.monotonic() - begun:.0f} s: gunicorn 2 killed (SIGKILL)", flush=True)
        time.sleep(5)
        cluster.start_node(1)
        try:
            cluster.wait_ready(f"http://127.0.0.1:{cluster.ports[1]}/gezondheid/gereed/", "gunicorn 2")
            print(f"  {time.monotonic() - begun:.0f} s: gunicorn 2 started again", flush=True)
        except RuntimeError as error:
            failures.append(str(error))
        kill_window = (killed, time.time())
    if locust.wait(timeout=seconds + 120) not in (0, 1):
        failures.append(f"locust ended with status {locust.returncode} (see locust-{tag}.log)")
    pages, total = _read_stats(Path(f"{prefix}_stats.csv"))
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    return LoadResult(
        users=users,
        seconds=seconds,
        pages=pages,
        total=total,
        summary=summary,
        failures=failures,
        kill_window=kill_window,
    )


def _read_stats(path: Path) -> tuple[list[dict], dict]:
    pages, total = [], {}
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            entry = {
                "name": row["Name"],
                "method": row["Type"],
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": _ms(row["50%"]),
                "p95": _ms(row["95%"]),
                "p99": _ms(row["99%"]),
                "max": _ms(row["Max Response Time"]),
            }
            if row["Name"] == "Aggregated":
                total = entry
            else:
                pages.append(entry)
    return pages, total


def _ms(value: str) -> float:
    return float(value) if value not in ("", "N/A") else 0.0


def print_table(result: LoadResult) -> None:
    print(f"\n  {result.users} users, {result.seconds} s")
    print(f"  {'page':<34} {'requests':>8} {'fail':>5} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6}")
    for page in [*result.pages, result.total]:
        name = page["name"] if page is not result.total else "all"
        print(
            f"  {name:<34} {page['requests']:>8} {page['failures']:>5} {page['rps']:>7.1f} "
            f"{page['p50']:>6.0f} {page['p95']:>6.0f} {page['p99']:>6.0f}"
        )


# The acceptance checks -------------------------------------------------------------------


def check_sessions(cluster: Cluster, result: LoadResult) -> list[str]:
    failures = list(result.failures)
    if not result.total:
        return [*failures, "locust wrote no statistics"]
    lost = lost_to_the_kill(cluster, result)
    if lost:
        print(
            f"  {len(lost)} request(s) nginx could not retry were lost with the killed server: "
            + ", ".join(sorted({f"{entry['method']} {entry['path']}" for entry in lost})),
            flush=True,
        )
    if result.total["failures"] != len(lost):
        failures.append(
            f"{result.total['failures']} of {result.total['requests']} requests failed "
            f"({len(lost)} of them POSTs in progress on the killed server)"
        )
    per_user = result.summary.get("users", [])
    if len(per_user) != result.users:
        failures.append(f"{len(per_user)} of {result.users} users reported back")
    for user in per_user:
        if not user["logged_in"]:
            failures.append(f"{user['username']} could not log in")
        if user["logged_out"]:
            failures.append(
                f"{user['username']} was sent back to the login page {user['logged_out']} time(s)"
            )
        if len(user["upstreams"]) < 2:
            failures.append(f"{user['username']} was served by {sorted(user['upstreams'])} only")
    usernames = [user["username"] for user in per_user]
    stored = (
        cluster.manage(
            "shell",
            "--verbosity=0",
            "-c",
            "from kansrijk.interventions.models import Note; "
            f"print(Note.objects.filter(recorded_by__username__in={usernames!r}, "
            f"text__startswith={result.summary.get('note_prefix', '?')!r}).count())",
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    saved = result.summary.get("notes_saved", 0)
    # A note whose POST died with the killed server was stored or not, never half: its
    # transaction committed before the kill or was rolled back by PostgreSQL.
    unknown = sum(1 for entry in lost if entry["path"].endswith("/notities/"))
    if not saved <= int(stored) <= saved + unknown:
        failures.append(
            f"the load test saw {saved} notes stored (and {unknown} lost in the kill), "
            f"the database holds {stored}"
        )
    else:
        print(f"  notes: {saved} seen stored, {stored} in the database ({unknown} lost in the kill)")
    return failures


def lost_to_the_kill(cluster: Cluster, result: LoadResult) -> list[dict]:
    """The server errors nginx gave: each must be a request nginx may not send twice (a POST)
    that was in progress on app server 2 when it was killed; anything else fails the check."""
    access_log = cluster.workdir / "access.log"
    if not access_log.exists():
        return []
    lost = []
    window = result.kill_window
    node = f"127.0.0.1:{cluster.ports[1]}"
    for line in access_log.read_text().splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry["status"] < 500:
            continue
        at = dt.datetime.fromisoformat(entry["time"]).timestamp()
        if (
            window is not None
            and window[0] - 2 <= at <= window[1] + 2
            and entry["method"] == "POST"
            and entry["upstream"].split(",")[-1].strip() == node
        ):
            lost.append(entry)
    return lost


def check_throttle(cluster: Cluster, api_key: str) -> list[str]:
    """1.5 × the per-minute limit with one key, through nginx: the limit holds over both nodes."""
    import ssl

    context = ssl.create_default_context(cafile=str(cluster.certificate))
    # After the kill nginx leaves the server out for fail_timeout (10 s): wait until both answer.
    seen: set[str] = set()
    deadline = time.monotonic() + 20
    while len(seen) < 2 and time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{cluster.url}/gezondheid/", context=context) as response:  # noqa: S310
                seen.add(response.headers.get("X-Kansrijk-Upstream", ""))
        time.sleep(0.2)
    statuses: list[int] = []
    upstreams: set[str] = set()
    for _ in range(THROTTLE_PER_MINUTE * 3 // 2):
        request = urllib.request.Request(
            f"{cluster.url}/api/v1/referrals/", headers={"Authorization": f"Bearer {api_key}"}
        )
        try:
            with urllib.request.urlopen(request, context=context, timeout=10) as response:  # noqa: S310
                statuses.append(response.status)
                upstreams.add(response.headers.get("X-Kansrijk-Upstream", ""))
        except urllib.error.HTTPError as error:
            statuses.append(error.code)
            upstreams.add(error.headers.get("X-Kansrijk-Upstream", ""))
    answered = statuses.count(200)
    refused = statuses.count(429)
    print(f"  API: {answered} answered, {refused} refused with 429, served by {sorted(upstreams)}")
    failures = []
    if answered != THROTTLE_PER_MINUTE or refused != len(statuses) - THROTTLE_PER_MINUTE:
        failures.append(
            f"API throttle: {answered} answered and {refused} refused of {len(statuses)}; "
            f"expected exactly {THROTTLE_PER_MINUTE} answered"
        )
    if len(upstreams) < 2:
        failures.append(f"API calls all went to {sorted(upstreams)}: the throttle check proves nothing")
    return failures


def check_browser(cluster: Cluster, account: dict) -> list[str]:
    """chromium through nginx: log in with both steps, then the worklist has its CSS and htmx."""
    from django_otp.oath import TOTP
    from playwright.sync_api import sync_playwright

    failures = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--headless=new", "--no-sandbox", "--disable-gpu"]
        )
        try:
            context = browser.new_context(ignore_https_errors=True, locale="nl-NL")
            page = context.new_page()
            stylesheets: list[tuple[str, int]] = []
            page.on(
                "response",
                lambda response: (
                    stylesheets.append((response.url, response.status))
                    if response.request.resource_type == "stylesheet"
                    else None
                ),
            )
            page.goto(f"{cluster.url}/")
            page.wait_for_url(re.compile(r"/inloggen/"))
            page.get_by_label("Gebruikersnaam").fill(account["username"])
            page.get_by_label("Wachtwoord").fill(account["password"])
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_url(re.compile(r"/inloggen/tweestaps/"))
            page.get_by_label("Code").fill(f"{TOTP(bytes.fromhex(account['totp_key'])).token():06d}")
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_url(re.compile(r"/werk/$"))
            styled = page.evaluate(
                "() => [...document.styleSheets].some(s => s.href && s.href.includes('/static/') "
                "&& s.cssRules.length > 0)"
            )
            htmx = page.evaluate(
                "() => typeof window.htmx === 'object' && typeof window.htmx.ajax === 'function'"
            )
            print(f"  browser: worklist with stylesheet {styled}, htmx {htmx}; stylesheets {stylesheets}")
            if not styled or not stylesheets or any(status != 200 for _, status in stylesheets):
                failures.append(f"the worklist came without its stylesheet: {stylesheets}")
            if not htmx:
                failures.append("the worklist came without htmx")
        finally:
            browser.close()
    return failures


def check_ready(cluster: Cluster) -> list[str]:
    try:
        with urllib.request.urlopen(f"{cluster.health_url}/gezondheid/gereed/", timeout=5) as response:  # noqa: S310
            return [] if response.status == 200 else [f"readiness answered {response.status}"]
    except (OSError, urllib.error.HTTPError) as error:
        return [f"readiness failed: {error}"]


# Commands ----------------------------------------------------------------------------------


def fresh_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if "cluster" not in name and "bench" not in name:
        raise SystemExit(f"refusing to recreate {name!r}: the name must contain 'cluster' or 'bench'")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def generate(url: str, n: int) -> None:
    env = {**os.environ, "DATABASE_URL": url}
    subprocess.run(
        [str(PYTHON), str(ROOT / "bench" / "generate.py"), "--n", str(n)], cwd=ROOT, env=env, check=True
    )


def prepare_accounts(cluster: Cluster, count: int) -> tuple[Path, dict]:
    accounts = cluster.workdir / "loadtest-accounts.json"
    cluster.workdir.mkdir(parents=True, exist_ok=True)
    result = cluster.manage(
        "loadtest_users",
        "--count",
        str(count),
        "--out",
        str(accounts),
        "--i-know-this-changes-accounts",
        check=False,
    )
    if result.returncode:
        raise SystemExit(f"loadtest_users failed: {result.stderr.strip() or result.stdout.strip()}")
    return accounts, json.loads(accounts.read_text())


def command_check(args: argparse.Namespace) -> int:
    started = time.monotonic()
    print(
        f"== local cluster check: {args.users} users for {args.seconds} s on {args.n:,} interventions",
        flush=True,
    )
    fresh_database(args.database_url)
    generate(args.database_url, args.n)
    cluster = Cluster(database_url=args.database_url, workdir=Path(args.workdir))
    cluster.workdir.mkdir(parents=True, exist_ok=True)
    (cluster.workdir / "access.log").unlink(missing_ok=True)
    # One account more than the load test uses, for the browser: a TOTP code is accepted once.
    accounts_path, details = prepare_accounts(cluster, args.users + 1)
    failures: list[str] = []
    with cluster:
        print(f"  cluster up: nginx {cluster.url} → gunicorn on {cluster.ports}, worker, beat", flush=True)
        result = run_load(
            cluster,
            accounts=accounts_path,
            users=args.users,
            seconds=args.seconds,
            spawn_rate=args.spawn_rate,
            tag="check",
            node_events=True,
        )
        print_table(result)
        failures += check_sessions(cluster, result)
        failures += check_throttle(cluster, details["api_key"])
        failures += check_browser(cluster, details["accounts"][-1])
        failures += check_ready(cluster)
        retried = _retried_requests(cluster.workdir / "access.log")
        print(f"  nginx passed {retried} request(s) on to the other app server", flush=True)
    report = {
        "users": result.users,
        "seconds": result.seconds,
        "interventions": args.n,
        "pages": result.pages,
        "total": result.total,
        "retried_by_nginx": retried,
        "failures": failures,
    }
    (cluster.workdir / "cluster-check.json").write_text(json.dumps(report, indent=1))
    for failure in failures:
        print(f"FAILED: {failure}")
    print(
        f"== local cluster check {'failed' if failures else 'passed'} in {time.monotonic() - started:.0f} s"
    )
    return 1 if failures else 0


def _retried_requests(access_log: Path) -> int:
    """Requests nginx sent to a second app server (its upstream list has two entries)."""
    if not access_log.exists():
        return 0
    count = 0
    for line in access_log.read_text().splitlines():
        with contextlib.suppress(ValueError):
            if "," in json.loads(line).get("upstream", ""):
                count += 1
    return count


def command_up(args: argparse.Namespace) -> int:
    cluster = Cluster(database_url=args.database_url, workdir=Path(args.workdir))
    with cluster:
        print(f"Kansrijk runs at {cluster.url}: two gunicorns, worker, beat; logs in {cluster.workdir}.")
        print("Ctrl-C stops it.")
        with contextlib.suppress(KeyboardInterrupt):
            while all(process.poll() is None for process in cluster.processes.values()):
                time.sleep(1)
    return 0


def _redis_running() -> None:
    import socket

    with contextlib.suppress(OSError), socket.create_connection(REDIS, timeout=1):
        return
    subprocess.run(
        ["redis-server", "--daemonize", "yes", "--bind", REDIS[0], "--port", str(REDIS[1]), "--save", ""],
        check=True,
        capture_output=True,
    )
    time.sleep(0.5)


def _redis_flush(*databases: int) -> None:
    import redis

    for number in databases:
        redis.Redis(host=REDIS[0], port=REDIS[1], db=number).flushdb()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    up = commands.add_parser("up", help="start the cluster on an existing database; Ctrl-C stops it")
    check = commands.add_parser("check", help="the acceptance test: fresh database, load test, checks")
    for sub in (up, check):
        sub.add_argument("--database-url", default=DEFAULT_DATABASE)
        sub.add_argument("--workdir", default=str(DEFAULT_WORKDIR))
    check.add_argument("--users", type=int, default=50)
    check.add_argument("--seconds", type=int, default=60)
    check.add_argument("--spawn-rate", type=float, default=5)
    check.add_argument("--n", type=int, default=20_000, help="interventions generated (bench/generate.py)")
    args = parser.parse_args(argv)
    return command_check(args) if args.command == "check" else command_up(args)


if __name__ == "__main__":
    sys.exit(main())
