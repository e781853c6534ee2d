"""An imported row sets the intervention's restoration and parent-contact flags from its
`restoration` and `parent_contacts` columns, as the services do for work recorded in the app."""

import pytest

from kansrijk.interventions.models import Intervention

from .helpers import run_command, valid_row, write_csv

FLAGS = ("has_restoration", "parent_contact_face_to_face", "parent_contact_digital", "parent_contact_phone")


@pytest.mark.django_db
def test_it_sets_the_flags_from_the_restoration_and_contact_columns(tmp_path):
    rows = [
        valid_row(
            reference="OLD-1", restoration="apology_letter", parent_contacts="phone;face_to_face;phone"
        ),
        valid_row(reference="OLD-2", restoration="", parent_contacts="digital"),
        valid_row(reference="OLD-3", restoration="", parent_contacts=""),
    ]
    code, _out, err = run_command("import_interventions", str(write_csv(tmp_path / "three.csv", rows)))
    assert code == 0, err

    flags = {row.pop("reference"): row for row in Intervention.objects.values("reference", *FLAGS)}
    assert flags == {
        "OLD-1": {
            "has_restoration": True,
            "parent_contact_face_to_face": True,
            "parent_contact_digital": False,
            "parent_contact_phone": True,
        },
        "OLD-2": {
            "has_restoration": False,
            "parent_contact_face_to_face": False,
            "parent_contact_digital": True,
            "parent_contact_phone": False,
        },
        "OLD-3": dict.fromkeys(FLAGS, False),
    }


@pytest.mark.django_db
def test_it_marks_repeat_referrals_of_the_same_young_person_across_the_file(tmp_path):
    def row(reference, youth_id, day):
        return valid_row(
            reference=reference,
            youth_id=youth_id,
            referral_date=day,
            status="new",
            intake_date="",
            end_date="",
            outcome="",
        )

    rows = [
        # Out of date order, as in a real export: the repeat is found whatever the row order.
        row("OLD-1", "Y1", "2024-05-01"),
        row("OLD-2", "Y1", "2023-09-01"),
        row("OLD-3", "Y1", "2025-09-01"),
        row("OLD-4", "Y2", "2024-05-01"),
    ]
    code, _out, err = run_command("import_interventions", str(write_csv(tmp_path / "four.csv", rows)))
    assert code == 0, err

    repeats = dict(Intervention.objects.values_list("reference", "is_repeat"))
    # 243 days after OLD-2: a repeat; OLD-3 comes 488 days after OLD-1: not one.
    assert repeats == {"OLD-1": True, "OLD-2": False, "OLD-3": False, "OLD-4": False}
