"""References in Kansrijk's own form move its counters on, so the app never hands them out again."""

import pytest

from kansrijk.core.models import ReferenceCounter

from .helpers import run_command, valid_row, write_csv


@pytest.mark.django_db
def test_it_moves_the_counter_past_the_highest_imported_reference(tmp_path):
    ReferenceCounter.objects.create(prefix="HLT", year=2024, last=7)
    rows = [
        valid_row(reference="HLT-2024-000042", youth_id="Y-1"),
        valid_row(reference="HLT-2024-000012", youth_id="Y-2"),
        valid_row(reference="HLT-2023-000003", youth_id="Y-3"),
        valid_row(reference="OLD-11-000099", youth_id="Y-4"),
    ]

    code, _out, err = run_command("import_interventions", str(write_csv(tmp_path / "export.csv", rows)))

    assert code == 0, err
    assert ReferenceCounter.next_reference("HLT", 2024) == "HLT-2024-000043"
    assert ReferenceCounter.next_reference("HLT", 2023) == "HLT-2023-000004"
    assert not ReferenceCounter.objects.filter(prefix="OLD").exists()


@pytest.mark.django_db
def test_it_never_moves_a_counter_back(tmp_path):
    ReferenceCounter.objects.create(prefix="HLT", year=2024, last=500)

    run_command(
        "import_interventions",
        str(write_csv(tmp_path / "export.csv", [valid_row(reference="HLT-2024-000042")])),
    )

    assert ReferenceCounter.next_reference("HLT", 2024) == "HLT-2024-000501"


@pytest.mark.django_db
def test_it_leaves_the_counters_alone_on_a_dry_run(tmp_path):
    path = write_csv(tmp_path / "export.csv", [valid_row(reference="HLT-2024-000042")])

    run_command("import_interventions", str(path), "--dry-run")

    assert not ReferenceCounter.objects.exists()
