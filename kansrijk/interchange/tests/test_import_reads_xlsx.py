"""An .xlsx with the same header imports like the CSV, with Excel's dates and numbers."""

import pytest

from kansrijk.interventions.models import CareReport, Intervention
from kansrijk.people.models import YoungPerson

from .helpers import run_command, sample_rows, write_xlsx


@pytest.mark.django_db
def test_it_imports_the_sample_saved_as_a_workbook(tmp_path):
    rows = sample_rows()
    path = write_xlsx(tmp_path / "interventions.xlsx", rows, list(reversed(list(rows[0]))))

    code, out, err = run_command("import_interventions", str(path))

    assert code == 0, err
    assert out.startswith("imported 300 interventions (280 young people)")
    assert Intervention.objects.count() == 300
    assert YoungPerson.objects.count() == 280
    assert CareReport.objects.count() == sum(int(row["care_reports"] or 0) for row in rows)
    first = rows[0]
    intervention = Intervention.objects.get(reference=first["reference"])
    assert intervention.referral_date.isoformat() == first["referral_date"]
    birth_date = intervention.referral.young_person.birth_date
    assert birth_date is not None
    assert birth_date.isoformat() == first["youth_birth_date"]
