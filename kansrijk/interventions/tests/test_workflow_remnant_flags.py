"""Recording a parent contact or a restoration action also sets the intervention's flag for it
(the statistical remnant the factsheet counts), in the same transaction."""

import pytest
from django.utils import timezone

from kansrijk.core.errors import DomainError
from kansrijk.interventions import services
from kansrijk.interventions.models import Intervention

from .factories import make_intervention

FLAGS = ("has_restoration", "parent_contact_face_to_face", "parent_contact_digital", "parent_contact_phone")


def _flags(intervention) -> dict[str, bool]:
    return Intervention.objects.values(*FLAGS).get(pk=intervention.pk)


def test_it_starts_with_no_flag_set(caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)

    assert _flags(intervention) == dict.fromkeys(FLAGS, False)


def test_it_sets_the_flag_of_each_contact_mode_used(caseworker_a):
    intervention = make_intervention(status="new", professional=caseworker_a)

    for mode in ("phone", "digital", "phone"):
        services.intervention_record_parent_contact(
            intervention=intervention, by=caseworker_a, mode=mode, date=intervention.referral_date
        )

    assert _flags(intervention) == {
        "has_restoration": False,
        "parent_contact_face_to_face": False,
        "parent_contact_digital": True,
        "parent_contact_phone": True,
    }


def test_it_sets_the_restoration_flag_with_the_action(caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)

    services.intervention_record_restoration(
        intervention=intervention, by=caseworker_a, kind="apology_letter", date=timezone.localdate()
    )

    assert _flags(intervention)["has_restoration"] is True
    assert intervention.restoration_actions.count() == 1


def test_it_sets_no_flag_when_the_record_is_refused(caseworker_a):
    intervention = make_intervention(status="in_progress", professional=caseworker_a)

    with pytest.raises(DomainError):
        services.intervention_record_parent_contact(
            intervention=intervention, by=caseworker_a, mode="carrier_pigeon", date=timezone.localdate()
        )

    assert _flags(intervention) == dict.fromkeys(FLAGS, False)
    assert not intervention.parent_contacts.exists()
