"""Shared helpers for the interchange tests: running the commands, writing files, the sample."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from django.core.management import CommandError, call_command
from django.utils import translation

from kansrijk.interchange.columns import COLUMN_NAMES

# The sample file of the interchange format (docs/interchange.md): 300 interventions over five school years.
SAMPLE = Path(__file__).parent / "data" / "interventions-sample.csv"


def run_command(name: str, *args: str) -> tuple[int, str, str]:
    """Run a management command as the command line would: exit status, stdout, stderr.

    English, so the assertions don't depend on the Dutch translation of the messages.
    """
    stdout, stderr = io.StringIO(), io.StringIO()
    with translation.override("en"):
        try:
            call_command(name, *args, stdout=stdout, stderr=stderr)
        except CommandError as exc:
            # What BaseCommand.run_from_argv prints before exiting with exc.returncode.
            stderr.write(f"CommandError: {exc}\n")
            return exc.returncode, stdout.getvalue(), stderr.getvalue()
    return 0, stdout.getvalue(), stderr.getvalue()


def sample_rows() -> list[dict[str, str]]:
    with open(SAMPLE, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def valid_row(**values: str) -> dict[str, str]:
    """One valid interchange row (a completed school intervention), with `values` changed."""
    row = {
        "reference": "OLD-1",
        "type": "school",
        "region": "Regio Test",
        "municipality": "Gemeente Test",
        "school_brin": "12AB",
        "school_name": "Het Testcollege",
        "neighbourhood": "",
        "referral_date": "2024-10-01",
        "referrer_kind": "school",
        "youth_id": "Y-1",
        "youth_birth_date": "2010-05-17",
        "youth_gender": "f",
        "reasons": "bullying;verbal_aggression",
        "status": "completed",
        "intake_date": "2024-10-08",
        "end_date": "2024-12-01",
        "outcome": "sufficient",
        "restoration": "apology_letter",
        "parent_contacts": "phone;face_to_face",
        "care_referral": "",
        "care_reports": "0",
    }
    unknown = set(values) - set(row)
    assert not unknown, f"not interchange columns: {unknown}"
    row.update(values)
    return row


def write_csv(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> Path:
    columns = columns or list(COLUMN_NAMES)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> Path:
    """An .xlsx as Excel would save it: real dates for well-formed dates, numbers as numbers."""
    import openpyxl

    columns = columns or list(COLUMN_NAMES)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(columns)
    for row in rows:
        sheet.append([_spreadsheet_value(column, row.get(column, "")) for column in columns])
    workbook.save(path)
    return path


def _spreadsheet_value(column: str, text: str):
    if text == "":
        return None
    if column.endswith("_date"):
        try:
            # Excel stores dates as date-times at midnight.
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time())
        except ValueError:
            return text
    if column == "care_reports" and text.lstrip("-").isdigit():
        return int(text)
    return text
