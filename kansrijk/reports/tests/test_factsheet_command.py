"""The factsheet command refuses unusable input with one line and exit status 2."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def run(*args):
    out = io.StringIO()
    call_command("factsheet", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize("period", ["2024", "2024-2026", "24-25", "2025-2024", "abcd-efgh", ""])
def test_it_refuses_a_malformed_period(period):
    with pytest.raises(CommandError) as info:
        run("--period", period)
    assert info.value.returncode == 2
    assert "period" in str(info.value)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "option,value", [("--region", "Atlantis"), ("--municipality", "Nergenshuizen"), ("--school", "99ZZ")]
)
def test_it_refuses_an_unknown_scope(option, value, school_a):
    with pytest.raises(CommandError) as info:
        run("--period", "2024-2025", option, value)
    assert info.value.returncode == 2
    assert value in str(info.value)


def test_it_prints_an_empty_factsheet_for_a_year_without_interventions(school_a):
    figures = json.loads(run("--period", "2030-2031", "--school", school_a.brin))
    assert figures["period"] == "2030-2031"
    assert figures["scope"] == {"kind": "school", "brin": school_a.brin}
    assert figures["interventions"] == {"school": 0, "neighbourhood": 0, "total": 0}
    assert figures["restoration_pct"] is None
    assert figures["parent_contact_pct"] == {"school": None, "neighbourhood": None}
    assert figures["top_reasons"] == []


def test_it_writes_to_a_file_when_asked(tmp_path, db):
    target = tmp_path / "factsheet.json"
    run("--period", "2024-2025", "--output", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["period"] == "2024-2025"


def test_it_refuses_an_unwritable_output_file(tmp_path, db):
    with pytest.raises(CommandError) as info:
        run("--period", "2024-2025", "--output", str(tmp_path / "missing" / "x.json"))
    assert info.value.returncode == 2
