"""Two loads give the same database content (apart from creation timestamps)."""

import hashlib
import io

from django.core.management import call_command
from django.db.models import Count

from kansrijk.accounts.models import User
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import School
from kansrijk.referrals.models import Referral


def fingerprint() -> dict:
    per_state = (
        Intervention.objects.order_by()
        .values_list("referral_date__year", "type", "status")
        .annotate(n=Count("pk"))
        .order_by("referral_date__year", "type", "status")
    )
    cases = Intervention.objects.order_by("reference").values_list(
        "reference",
        "uuid",
        "referral__reference",
        "status",
        "referral_date",
        "intake_date",
        "end_date",
        "outcome",
        "primary_reason",
        "school__brin",
        "neighbourhood__name",
        "professional__username",
        "referral__young_person__first_name",
        "referral__young_person__last_name",
        "referral__young_person__birth_date",
        "referral__description",
    )
    return {
        "per_state": list(per_state),
        "referrals": list(Referral.objects.order_by("reference").values_list("reference", "status")),
        "cases": hashlib.sha256(repr(list(cases)).encode()).hexdigest(),
        "schools": list(School.objects.order_by("brin").values_list("brin", "name")),
        "users": list(User.objects.order_by("username").values_list("username", "role", "first_name")),
    }


def test_it_loads_the_same_data_every_time(demo):
    first = fingerprint()

    call_command("load_demo", "--force", stdout=io.StringIO())

    second = fingerprint()
    assert second == first
    assert len(first["referrals"]) > 4500
