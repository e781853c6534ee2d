"""A file that can't be read as a whole: exit status 2, one line on stderr, nothing stored."""

import pytest

from kansrijk.interchange.columns import COLUMN_NAMES
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Region

from .helpers import run_command, valid_row, write_csv, write_xlsx

SPEC_COLUMNS = list(COLUMN_NAMES)
WITHOUT_STATUS = [name for name in SPEC_COLUMNS if name != "status"]


def _csv_with_unknown_column(path):
    row = valid_row()
    row["colour"] = "blue"
    return write_csv(path.with_suffix(".csv"), [row], [*SPEC_COLUMNS, "colour"])


def _csv_without_required_column(path):
    return write_csv(
        path.with_suffix(".csv"), [{k: v for k, v in valid_row().items() if k != "status"}], WITHOUT_STATUS
    )


def _csv_in_latin1(path):
    path = write_csv(path.with_suffix(".csv"), [valid_row(municipality="Súdwest-Fryslân")])
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    return path


def _csv_empty(path):
    path = path.with_suffix(".csv")
    path.write_bytes(b"")
    return path


def _csv_without_header(path):
    path = path.with_suffix(".csv")
    path.write_text(",".join(valid_row().values()) + "\n", encoding="utf-8")
    return path


def _missing_file(path):
    return path.with_name("does-not-exist.csv")


def _text_file(path):
    path = path.with_suffix(".txt")
    path.write_text("reference,type\n", encoding="utf-8")
    return path


def _broken_xlsx(path):
    path = path.with_suffix(".xlsx")
    path.write_bytes(b"PK\x03\x04 this is not a workbook")
    return path


def _xlsx_with_unknown_column(path):
    row = valid_row()
    row["colour"] = "blue"
    return write_xlsx(path.with_suffix(".xlsx"), [row], [*SPEC_COLUMNS, "colour"])


def _xlsx_without_required_column(path):
    return write_xlsx(path.with_suffix(".xlsx"), [valid_row()], WITHOUT_STATUS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make_file", "message"),
    [
        (_csv_with_unknown_column, "unknown columns: colour"),
        (_csv_without_required_column, "missing required columns: status"),
        (_csv_in_latin1, "not valid UTF-8"),
        (_csv_empty, "the file is empty"),
        (_csv_without_header, "no header row"),
        (_missing_file, "no such file"),
        (_text_file, "unsupported file type '.txt'"),
        (_broken_xlsx, "not a readable .xlsx workbook"),
        (_xlsx_with_unknown_column, "unknown columns: colour"),
        (_xlsx_without_required_column, "missing required columns: status"),
    ],
    ids=lambda value: value.__name__.strip("_") if callable(value) else "",
)
def test_it_answers_with_one_line_and_exit_status_2(tmp_path, make_file, message):
    path = make_file(tmp_path / "interventions")

    code, out, err = run_command("import_interventions", str(path))

    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"CommandError: cannot read {path}: ")
    assert message in lines[0]
    assert Intervention.objects.count() == 0
    assert Region.objects.count() == 0


@pytest.mark.django_db
def test_it_stores_nothing_when_bad_bytes_come_after_valid_rows(tmp_path):
    # The first rows are valid and already written when the decoding fails further down.
    rows = [valid_row(reference=f"OLD-{n}", youth_id=f"Y-{n}") for n in range(1, 4000)]
    path = write_csv(tmp_path / "interventions.csv", rows)
    with open(path, "ab") as handle:
        handle.write("OLD-X,school,Regio Test,Gemeente Test,12AB,Caf\u00e9".encode("latin-1") + b"\n")

    code, _out, err = run_command("import_interventions", str(path))

    assert code == 2
    assert "not valid UTF-8" in err
    assert Intervention.objects.count() == 0
