"""The operator's scripts and files (docs/deployment.md), without a database.

scripts/backup and scripts/restore refuse unusable input with one readable line and status 2,
before they touch a database; deploy/kansrijk.env.example reads in the shell as systemd reads
it, and names every variable .env.example names. The backup itself is tested end to end on
PostgreSQL by test_backup_drill.py.
"""

import os
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
SCRIPTS = BASE_DIR / "scripts"
EXAMPLE = BASE_DIR / "deploy" / "kansrijk.env.example"


def _run(*command: str | Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("BACKUP_")}
    environment.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603
        [str(part) for part in command],
        env={**environment, **(env or {})},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture
def backup_environment(tmp_path):
    passphrase = tmp_path / "passphrase"
    passphrase.write_text("not a real passphrase\n")
    (tmp_path / "backups").mkdir()
    return {
        "DATABASE_URL": "postgres://kansrijk@127.0.0.1:5432/kansrijk",
        "BACKUP_DIR": str(tmp_path / "backups"),
        "BACKUP_PASSPHRASE_FILE": str(passphrase),
    }


@pytest.mark.parametrize(
    "change, says",
    [
        ({"DATABASE_URL": ""}, "DATABASE_URL is not set"),
        ({"DATABASE_URL": "sqlite:///kansrijk.sqlite3"}, "DATABASE_URL is not a PostgreSQL URL"),
        ({"BACKUP_DIR": "/nonexistent/backups"}, "is not a folder this user can write to"),
        ({"BACKUP_PASSPHRASE_FILE": "/nonexistent/passphrase"}, "cannot read the passphrase file"),
        ({"BACKUP_KEEP": "0"}, "BACKUP_KEEP must be a whole number of at least 1, not '0'"),
        ({"BACKUP_KEEP": "two weeks"}, "BACKUP_KEEP must be a whole number"),
    ],
)
def test_backup_refuses_unusable_input_in_one_line(backup_environment, change, says):
    result = _run(SCRIPTS / "backup", env={**backup_environment, **change})

    assert result.returncode == 2
    assert result.stderr.startswith("backup: ") and says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not os.listdir(backup_environment["BACKUP_DIR"])


@pytest.mark.parametrize(
    "arguments, says",
    [
        ([], "usage: scripts/restore [--force] BACKUP_FILE TARGET_DATABASE_URL"),
        (["--forse", "backup", "postgres://x@y/z"], "unknown option --forse"),
        (["/nonexistent/backup.pgdump.gpg", "postgres://x@y/z"], "cannot read the backup file"),
        (["{backup}", "mysql://x@y/z"], "the target is not a PostgreSQL URL"),
        (["{backup}", "postgres://x@y/"], "the target is not a PostgreSQL URL"),
    ],
)
def test_restore_refuses_unusable_input_in_one_line(backup_environment, tmp_path, arguments, says):
    backup = tmp_path / "kansrijk-20260101T030000Z.pgdump.gpg"
    backup.write_bytes(b"not read: the input is refused before")
    arguments = [argument.format(backup=backup) for argument in arguments]

    result = _run(SCRIPTS / "restore", *arguments, env=backup_environment)

    assert result.returncode == 2
    assert result.stderr.startswith("restore: ") and says in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_environment_file_reads_the_same_in_the_shell(tmp_path):
    """A value with spaces and < > must be quoted for the shell; systemd reads the same quotes."""
    result = _run(
        SCRIPTS / "with-env",
        EXAMPLE,
        "python3",
        "-c",
        "import os; print(os.environ['DEFAULT_FROM_EMAIL']); print(os.environ['DEBUG'])",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Kansrijk <noreply@kansrijk.example.nl>", "false"]


def test_with_env_refuses_a_missing_file_in_one_line():
    result = _run(SCRIPTS / "with-env", "/nonexistent/kansrijk.env", "true")

    assert result.returncode == 2
    assert result.stderr.strip() == "with-env: cannot read the environment file /nonexistent/kansrijk.env"


def _names(path: Path) -> set[str]:
    """The variables a file assigns, also in comment lines ("# NAME=…")."""
    return set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", path.read_text(), flags=re.MULTILINE))


def test_the_production_example_names_every_variable_of_the_development_example():
    missing = _names(BASE_DIR / ".env.example") - _names(EXAMPLE)

    assert not missing, f"add to deploy/kansrijk.env.example: {', '.join(sorted(missing))}"
