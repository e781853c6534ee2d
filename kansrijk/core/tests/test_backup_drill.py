"""The backup drill (docs/deployment.md "Backups"): a database with cases in it goes through
scripts/backup and scripts/restore into a new database, and the restored one is the same.

Same means: the factsheet of every school year, for the country and for each region; every
audit row; every row of every other table. The restored audit log is still append-only, and
the application answers on the restored database: its migrations are complete and a Halt
professional opens a restored file.

PostgreSQL only: the scripts run pg_dump, pg_restore and psql against a server, which the
SQLite run does not have. CI runs the suite on PostgreSQL as well (.ci/run), and there this
test runs; a missing tool (gpg, pg_dump, …) fails it in CI and skips it elsewhere.
"""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.utils import timezone
from psycopg import sql

from kansrijk.audit.models import AuditEvent
from kansrijk.core.dates import SchoolYear
from kansrijk.interventions.models import Intervention
from kansrijk.interventions.tests.factories import database_state, make_intervention, make_referral
from kansrijk.organisations.models import Region
from kansrijk.reports.factsheet import compute_factsheet
from kansrijk.reports.scope import Scope

ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
TOOLS = ("bash", "python3", "pg_dump", "pg_restore", "psql", "gpg", "gpgconf")
SCRIPTS = Path(settings.BASE_DIR) / "scripts"

pytestmark = [
    pytest.mark.skipif(
        not ON_POSTGRESQL,
        reason="the backup drill needs PostgreSQL (pg_dump, pg_restore); "
        "run it with DATABASE_URL=postgres://…, as CI does",
    ),
    # Committed data, which pg_dump in another process can see. (pytest-django runs these tests
    # after all the others, so the flush that ends it takes nothing a later test needs.)
    pytest.mark.django_db(transaction=True),
]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture
def tools():
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        reason = f"the backup drill needs {', '.join(missing)} (apt-get install postgresql-client gnupg)"
        if in_ci():
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)


def _url(name: str) -> str:
    """A DATABASE_URL for database `name` on the test database's server, as its role."""
    params = connection.settings_dict
    user = quote(params["USER"] or "", safe="")
    password = quote(params["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    port = f":{params['PORT']}" if params["PORT"] else ""
    return f"postgres://{credentials}{params['HOST'] or ''}{port}/{name}"


def _server(dbname: str = "postgres"):
    params = connection.settings_dict
    return psycopg.connect(
        dbname=dbname,
        host=params["HOST"] or None,
        port=params["PORT"] or None,
        user=params["USER"] or None,
        password=params["PASSWORD"] or None,
        autocommit=True,
    )


@pytest.fixture
def empty_database():
    """A new, empty database on the same server, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:8]}"
    with _server() as server:
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield name
    with _server() as server:
        server.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def snapshot() -> str:
    """What must survive a backup and restore, as JSON: the factsheet of every school year that
    has interventions (up to this one) for the country and each region, the audit log, and
    every row of every table. Run here on the source, and by `manage.py shell` on the restored
    database."""
    first = Intervention.objects.order_by("referral_date").values_list("referral_date", flat=True).first()
    assert first is not None
    this_year = SchoolYear.containing(timezone.localdate())
    years = range(SchoolYear.containing(first).start_year, this_year.start_year + 1)
    scopes = [Scope.all()] + [Scope.of(region) for region in Region.objects.order_by("pk")]
    factsheets = {
        f"{SchoolYear(year)} {json.dumps(scope.as_json(), sort_keys=True)}": compute_factsheet(
            period=SchoolYear(year), scope=scope
        )
        for year in years
        for scope in scopes
    }
    audit = list(AuditEvent.objects.order_by("pk").values())
    return json.dumps(
        {"factsheets": factsheets, "audit": audit, "tables": database_state()},
        cls=DjangoJSONEncoder,
        sort_keys=True,
    )


def opens_a_file(reference: str) -> str:
    """A Halt professional of the file's region opens it: the status and whether the page shows
    the young person's name. Run on the restored database (it writes a view audit row)."""
    from kansrijk.conftest import SecondFactorClient

    intervention = Intervention.objects.select_related("referral__young_person").get(reference=reference)
    client = SecondFactorClient()
    client.force_login(intervention.professional)
    response = client.get(f"/interventies/{intervention.uuid}/")
    name = intervention.referral.young_person.last_name
    return json.dumps({"status": response.status_code, "shows_name": name in response.content.decode()})


def _manage(database: str, *arguments: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DATABASE_URL": _url(database)}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _in_restored(database: str, code: str) -> dict:
    result = _manage(database, "shell", "--no-imports", "-c", code)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _script(name: str, *arguments: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [str(SCRIPTS / name), *arguments],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _cases(caseworker_a, caseworker_b, organisation_a) -> Intervention:
    """Cases over three school years and every ending, with case records and consents."""
    today = timezone.localdate()
    completed = make_intervention(
        status="completed",
        professional=caseworker_a,
        organisation=organisation_a,
        referral_date=today - dt.timedelta(days=800),
        parent_contacts=["phone"],
        components=["reflection"],
        restorations=["apology_letter"],
        care_referrals=["youth_care"],
        care_reports=1,
        consents=["participation", "share_with_referrer"],
    )
    earlier = today - dt.timedelta(days=250)
    make_intervention(status="stopped", professional=caseworker_a, referral_date=earlier)
    make_intervention(status="not_started", professional=caseworker_b, referral_date=earlier)
    make_intervention(status="in_progress", professional=caseworker_b)
    make_referral(status="rejected", organisation=organisation_a)
    make_referral(status="submitted", organisation=organisation_a)
    return completed


def test_a_backup_restores_to_the_same_figures_audit_log_and_rows(
    tools, tmp_path, empty_database, caseworker_a, caseworker_b, organisation_a
):
    case = _cases(caseworker_a, caseworker_b, organisation_a)
    expected = json.loads(snapshot())
    # Three school years or more, each for the country and two regions; cases and audit rows.
    assert len(expected["factsheets"]) >= 3 * 3
    assert sum(sheet["interventions"]["total"] for sheet in expected["factsheets"].values()) >= 5
    assert expected["audit"]

    backups = tmp_path / "backups"
    backups.mkdir()
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("a drill passphrase, not a real one\n")
    environment = {
        "DATABASE_URL": _url(connection.settings_dict["NAME"]),
        "BACKUP_DIR": str(backups),
        "BACKUP_PASSPHRASE_FILE": str(passphrase),
    }

    made = _script("backup", env=environment)
    assert made.returncode == 0, made.stderr
    [backup] = list(backups.iterdir())
    assert backup.name.startswith(connection.settings_dict["NAME"] + "-")
    assert backup.name.endswith(".pgdump.gpg")
    # pg_dump's custom format starts with "PGDMP"; this is gpg's envelope around it.
    assert not backup.read_bytes().startswith(b"PGDMP")

    restored = _script("restore", str(backup), _url(empty_database), env=environment)
    assert restored.returncode == 0, restored.stderr
    assert "apply_retention" in restored.stdout

    # The application answers on the restored database, with the same data.
    check = _manage(empty_database, "migrate", "--check")
    assert check.returncode == 0, check.stdout + check.stderr
    module = "from kansrijk.core.tests.test_backup_drill import"
    copy = _in_restored(empty_database, f"{module} snapshot; print(snapshot())")
    assert copy["factsheets"] == expected["factsheets"]
    assert copy["audit"] == expected["audit"]
    assert copy["tables"] == expected["tables"]
    opened = _in_restored(empty_database, f"{module} opens_a_file; print(opens_a_file({case.reference!r}))")
    assert opened == {"status": 200, "shows_name": True}

    # The restored audit log is still append-only: the trigger came along.
    with _server(empty_database) as restored_db, pytest.raises(psycopg.errors.InsufficientPrivilege):
        restored_db.execute("UPDATE audit_auditevent SET event = 'changed'")

    # Restoring into the database again, now that it has tables, is refused in one line.
    again = _script("restore", str(backup), _url(empty_database), env=environment)
    assert again.returncode == 2
    assert again.stderr.startswith("restore: the target database") and "--force" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
