"""An imported row becomes the records the app writes for the same facts."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Municipality, Neighbourhood, Region, School

from .helpers import run_command, valid_row, write_csv


@pytest.mark.django_db
def test_it_writes_an_accepted_referral_and_its_intervention_with_every_record(tmp_path):
    row = valid_row(
        reference="OLD-42",
        neighbourhood="Schilderswijk",
        reasons="theft;bullying;other",
        restoration="apology_letter;restorative_conversation",
        parent_contacts="phone;face_to_face;face_to_face",
        care_referral="youth_care",
        care_reports="2",
        youth_gender="x",
    )
    run_command("import_interventions", str(write_csv(tmp_path / "one.csv", [row])))

    intervention = Intervention.objects.select_related("referral__young_person").get(reference="OLD-42")
    referral = intervention.referral
    assert referral.reference == "OLD-42"
    assert referral.status == "accepted"
    assert referral.referrer_kind == "school"
    assert referral.referral_date == intervention.referral_date == dt.date(2024, 10, 1)
    assert [(r.code, r.is_primary) for r in referral.reasons.order_by("position")] == [
        ("theft", True),
        ("bullying", False),
        ("other", False),
    ]
    assert intervention.primary_reason == "theft"
    assert intervention.type == referral.type == "school"
    assert intervention.region == referral.region == Region.objects.get(name="Regio Test")
    assert (
        intervention.municipality == referral.municipality == Municipality.objects.get(name="Gemeente Test")
    )
    assert intervention.school == referral.school == School.objects.get(brin="12AB", name="Het Testcollege")
    assert intervention.neighbourhood == Neighbourhood.objects.get(name="Schilderswijk")
    assert intervention.status == "completed"
    assert intervention.outcome == "sufficient"
    assert (intervention.intake_date, intervention.end_date) == (dt.date(2024, 10, 8), dt.date(2024, 12, 1))
    assert intervention.accepted_at == dt.datetime(2024, 10, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert intervention.uuid and referral.uuid and referral.young_person.uuid
    assert referral.young_person.gender == "x"

    history = list(intervention.history.values_list("from_status", "to_status", "reason"))
    assert history == [("", "completed", "imported")]
    assert sorted(intervention.parent_contacts.values_list("mode", flat=True)) == [
        "face_to_face",
        "face_to_face",
        "phone",
    ]
    assert all(contact.date is None for contact in intervention.parent_contacts.all())
    assert sorted(intervention.restoration_actions.values_list("kind", flat=True)) == [
        "apology_letter",
        "restorative_conversation",
    ]
    assert list(intervention.care_referrals.values_list("kind", flat=True)) == ["youth_care"]
    assert intervention.care_reports.count() == 2


@pytest.mark.django_db
def test_it_puts_interventions_in_the_organisations_kansrijk_already_has(tmp_path, school_a):
    row = valid_row(
        region="haaglanden",  # names match whatever their case
        municipality=school_a.municipality.name,
        school_brin=school_a.brin.lower(),
        school_name="another name for the same school",
    )
    run_command("import_interventions", str(write_csv(tmp_path / "one.csv", [row])))

    intervention = Intervention.objects.get()
    assert intervention.school == school_a
    assert intervention.region == school_a.municipality.region
    assert Region.objects.count() == 1
    assert School.objects.get().name == "Het Zuiderlicht College"
