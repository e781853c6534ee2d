"""A hostile workbook is refused with one line and exit 2 before it can take the machine's memory."""

import openpyxl
import pytest

from kansrijk.interchange.parser import files
from kansrijk.interventions.models import Intervention

from .helpers import run_command, sample_rows, write_xlsx

pytestmark = pytest.mark.django_db


def _refused(path) -> str:
    code, out, err = run_command("import_interventions", str(path))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert not Intervention.objects.exists()
    return err


def test_a_row_wider_than_the_limit_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "wide.xlsx", sample_rows()[:2])
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    sheet.cell(row=3, column=16_000, value="x")
    workbook.save(path)

    assert "100" in _refused(path)


def test_a_huge_cell_is_refused(tmp_path):
    rows = sample_rows()[:2]
    rows[1]["school_name"] = "a" * 20_000
    path = write_xlsx(tmp_path / "cell.xlsx", rows)

    assert "10000" in _refused(path).replace(".", "").replace(",", "")


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused(tmp_path, monkeypatch):
    path = write_xlsx(tmp_path / "big.xlsx", sample_rows()[:50])
    monkeypatch.setattr(files, "XLSX_MAX_UNCOMPRESSED_BYTES", 1024 * 1024 // 100)

    _refused(path)


def test_a_normal_workbook_is_within_every_limit(tmp_path):
    path = write_xlsx(tmp_path / "fine.xlsx", sample_rows()[:20])

    code, _out, err = run_command("import_interventions", str(path))

    assert code == 0, err
    assert Intervention.objects.count() == 20
