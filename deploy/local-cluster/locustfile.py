"""The load test of the local cluster: Halt professionals at work (deploy/local-cluster/cluster.py).

    LOADTEST_ACCOUNTS=accounts.json LOADTEST_SUMMARY=users.json LOADTEST_CA=cert.pem \\
        .venv/bin/locust -f deploy/local-cluster/locustfile.py --headless --host https://127.0.0.1:8443 ...

Each simulated user is one caseworker of `manage.py loadtest_users` (LOADTEST_ACCOUNTS). It logs
in as a person does, password and then the six-digit code of its authenticator app, and then,
with 1 to 3 seconds between clicks, opens "Mijn werk", searches (the open files of the region,
or a common surname through the search form, whose text stays out of the address), opens files
from those lists and adds a note to one of its own files, as the file page does it (htmx).

A request fails when it does not give the page it should: an error status, a redirect to the
login page (the session was lost between the app servers), or a note that is not in the
timeline that comes back. At the end every user's account of itself is written to
LOADTEST_SUMMARY: whether it logged in, which app servers answered it (nginx's
X-Kansrijk-Upstream header), how often it was logged out, and the notes it saw stored.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import secrets
import threading

from django_otp.oath import TOTP
from locust import HttpUser, between, events, task

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FILE_LINK = re.compile(
    r'href="/interventies/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/"'
)
# Common Dutch surnames (bench/names.py draws names with these frequencies).
SURNAMES = ("de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer")
NOTE_PREFIX = f"Belastingtest {secrets.token_hex(4)}"

with open(os.environ["LOADTEST_ACCOUNTS"], encoding="utf-8") as _handle:
    ACCOUNTS = json.load(_handle)["accounts"]
_next_account = itertools.count()
_lock = threading.Lock()
REPORTS: list[dict] = []


class Professional(HttpUser):
    wait_time = between(1, 3)

    def on_start(self) -> None:
        account = ACCOUNTS[next(_next_account) % len(ACCOUNTS)]
        self.report = {
            "username": account["username"],
            "logged_in": False,
            "logged_out": 0,
            "upstreams": set(),
            "notes_saved": 0,
        }
        with _lock:
            REPORTS.append(self.report)
        self.client.verify = os.environ.get("LOADTEST_CA", True)
        self.own_files: list[str] = []
        self.seen_files: list[str] = []
        self.csrf = ""
        self._log_in(account)

    # Logging in, both steps --------------------------------------------------------------

    def _log_in(self, account: dict) -> None:
        page = self._get("/inloggen/", "login page")
        if page is None:
            return
        with self.client.post(
            "/inloggen/",
            data={
                "username": account["username"],
                "password": account["password"],
                "csrfmiddlewaretoken": self.csrf,
            },
            headers=self._origin("/inloggen/"),
            name="login: password",
            catch_response=True,
        ) as response:
            self._saw(response)
            if "/inloggen/tweestaps/" not in response.url:
                response.failure(f"password step ended at {response.url} ({response.status_code})")
                return
            self._keep_csrf(response.text)
            response.success()
        code = f"{TOTP(bytes.fromhex(account['totp_key'])).token():06d}"
        with self.client.post(
            response.url.removeprefix(self.host),
            data={"code": code, "csrfmiddlewaretoken": self.csrf},
            headers=self._origin("/inloggen/tweestaps/"),
            name="login: second step",
            catch_response=True,
        ) as response:
            self._saw(response)
            if not response.url.endswith("/werk/"):
                response.failure(f"second step ended at {response.url} ({response.status_code})")
                return
            self._worklist_read(response.text)
            response.success()
        self.report["logged_in"] = True

    # The work ----------------------------------------------------------------------------

    @task(3)
    def worklist(self) -> None:
        text = self._get("/werk/", "worklist")
        if text is not None:
            self._worklist_read(text)

    @task(1)
    def search_open(self) -> None:
        text = self._get("/interventies/?status=open", "search: open files")
        if text is not None:
            self._files_read(text)

    @task(1)
    def search_name(self) -> None:
        if self._get("/interventies/", "search page") is None:
            return
        with self.client.post(
            "/interventies/",
            data={"q": random.choice(SURNAMES), "csrfmiddlewaretoken": self.csrf},
            headers=self._origin("/interventies/"),
            name="search: a surname",
            catch_response=True,
        ) as response:
            if self._answered(response) and "zoekopdracht=" in response.url:
                self._files_read(response.text)
                response.success()
            elif response.ok:
                response.failure(f"search ended at {response.url}")

    @task(3)
    def open_file(self) -> None:
        files = self.seen_files or self.own_files
        if files:
            self._get(f"/interventies/{random.choice(files)}/", "file")

    @task(1)
    def add_note(self) -> None:
        if not self.own_files:
            return
        file = random.choice(self.own_files)
        if self._get(f"/interventies/{file}/", "file") is None:
            return
        text = f"{NOTE_PREFIX}: gesprek met de school nagebeld ({secrets.token_hex(3)})."
        with self.client.post(
            f"/interventies/{file}/notities/",
            data={"text": text, "csrfmiddlewaretoken": self.csrf},
            headers={**self._origin(f"/interventies/{file}/"), "HX-Request": "true", "HX-Target": "tijdlijn"},
            name="note",
            catch_response=True,
        ) as response:
            if self._answered(response):
                if text in response.text:
                    self.report["notes_saved"] += 1
                    response.success()
                else:
                    response.failure("the note is not in the timeline that came back")

    # Helpers -----------------------------------------------------------------------------

    def _get(self, path: str, name: str) -> str | None:
        with self.client.get(path, name=name, catch_response=True) as response:
            if self._answered(response):
                self._keep_csrf(response.text)
                response.success()
                return response.text
        return None

    def _answered(self, response) -> bool:
        """A page as asked: no error, and not sent back to the login page."""
        self._saw(response)
        if "/inloggen/" in response.url and self.report["logged_in"]:
            self.report["logged_out"] += 1
            response.failure("sent back to the login page: the session was lost")
            return False
        if response.status_code != 200:
            response.failure(f"status {response.status_code}")
            return False
        return True

    def _saw(self, response) -> None:
        for hop in [*response.history, response]:
            for upstream in hop.headers.get("X-Kansrijk-Upstream", "").split(","):
                if upstream.strip():
                    self.report["upstreams"].add(upstream.strip())

    def _keep_csrf(self, text: str) -> None:
        if match := CSRF_INPUT.search(text):
            self.csrf = match.group(1)

    def _worklist_read(self, text: str) -> None:
        self._keep_csrf(text)
        if files := FILE_LINK.findall(text):
            self.own_files = files

    def _files_read(self, text: str) -> None:
        if files := FILE_LINK.findall(text):
            self.seen_files = files

    def _origin(self, path: str) -> dict[str, str]:
        # Django checks the Origin (and on HTTPS the Referer) of every POST, as a browser sends them.
        return {"Origin": self.host, "Referer": f"{self.host}{path}"}


@events.test_stop.add_listener
def _write_summary(**_kwargs) -> None:
    path = os.environ.get("LOADTEST_SUMMARY")
    if not path:
        return
    with _lock:
        users = [{**report, "upstreams": sorted(report["upstreams"])} for report in REPORTS]
    summary = {
        "note_prefix": NOTE_PREFIX,
        "notes_saved": sum(user["notes_saved"] for user in users),
        "users": users,
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(summary, handle, indent=1)
