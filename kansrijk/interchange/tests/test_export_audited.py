"""An export on the command line leaves an audit row, like the web export: what went out, no names."""

import pytest

from kansrijk.audit.models import AuditEvent

from .helpers import SAMPLE, run_command


@pytest.mark.django_db
def test_it_audits_an_export_to_standard_output_and_to_a_file(tmp_path):
    run_command("import_interventions", str(SAMPLE))
    assert run_command("export_interventions", "--period", "2024-2025")[0] == 0
    assert run_command("export_interventions", "--output", str(tmp_path / "out.csv"))[0] == 0

    rows = list(AuditEvent.objects.filter(event="interventions_exported").order_by("id"))
    assert [row.actor_label for row in rows] == ["system", "system"]
    assert rows[0].new["period"] == "2024-2025"
    assert rows[0].new["scope"] == {"kind": "all"}
    assert rows[1].new["period"] is None
    assert rows[1].new["count"] > rows[0].new["count"] > 0


@pytest.mark.django_db
def test_a_refused_export_is_not_audited():
    code, _out, _err = run_command("export_interventions", "--period", "2024")
    assert code == 2
    assert not AuditEvent.objects.filter(event="interventions_exported").exists()
