"""load_demo never overwrites data by accident."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.audit.events import Event
from kansrijk.audit.models import AuditEvent
from kansrijk.audit.services import audit_record
from kansrijk.demo.generator import demo_wipe
from kansrijk.interventions.models import Intervention
from kansrijk.organisations.models import Region
from kansrijk.privacy.models import PrivacyStatement
from kansrijk.referrals.models import Referral


def test_it_refuses_a_database_with_data_and_exits_2(demo):
    before = Intervention.objects.count()

    with pytest.raises(CommandError) as refused:
        call_command("load_demo", stdout=io.StringIO())

    assert refused.value.returncode == 2
    assert "--force" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert Intervention.objects.count() == before


@pytest.mark.parametrize("leftover", ["account", "region"])
def test_it_refuses_when_only_an_account_or_a_region_exists(demo, leftover):
    demo_wipe()
    if leftover == "account":
        User.objects.create_user(username="someone", password="a-long-password", role=Role.ADMIN)
    else:
        Region.objects.create(name="Haaglanden")

    with pytest.raises(CommandError) as refused:
        call_command("load_demo", stdout=io.StringIO())

    assert refused.value.returncode == 2
    assert Referral.objects.count() == 0


def test_if_empty_leaves_existing_data_alone(demo):
    references = list(Intervention.objects.order_by("reference").values_list("reference", flat=True)[:50])
    output = io.StringIO()

    call_command("load_demo", "--if-empty", stdout=output)

    assert len(output.getvalue().strip().splitlines()) == 1
    assert "not loaded" in output.getvalue() or "niet geladen" in output.getvalue()
    assert (
        list(Intervention.objects.order_by("reference").values_list("reference", flat=True)[:50])
        == references
    )


def test_it_refuses_force_together_with_if_empty(demo):
    with pytest.raises(CommandError) as refused:
        call_command("load_demo", "--force", "--if-empty", stdout=io.StringIO())

    assert refused.value.returncode == 2


def test_it_prints_a_one_line_summary(demo):
    lines = demo.strip().splitlines()

    assert len(lines) == 1
    assert f"{Intervention.objects.count()} " in lines[0]


def test_force_keeps_the_audit_log_of_the_replaced_data(demo):
    # The audit log is append-only: replacing the demo data must leave every row as it was.
    teamlead = User.objects.get(username="teamlead")
    intervention = Intervention.objects.filter(region=teamlead.region).first()
    assert intervention is not None
    row = audit_record(actor=teamlead, event=Event.INTERVENTION_VIEWED, subject=intervention)

    call_command("load_demo", "--force", stdout=io.StringIO())

    kept = AuditEvent.objects.get(pk=row.pk)
    assert (kept.actor_label, kept.event, kept.subject_id) == (
        "teamlead",
        "intervention_viewed",
        str(intervention.uuid),
    )
    assert User.objects.filter(username="teamlead").exists()


def test_force_keeps_the_published_privacy_statements(demo, privacy_statements):
    # The privacy statements are the installation's published texts, not demo data.
    before = list(PrivacyStatement.objects.values_list("audience", "version", "title"))
    assert len(before) >= 2

    call_command("load_demo", "--force", stdout=io.StringIO())

    assert list(PrivacyStatement.objects.values_list("audience", "version", "title")) == before


@pytest.mark.django_db
def test_with_debug_false_it_refuses_without_the_explicit_flag_and_changes_nothing(settings):
    settings.DEBUG = False
    users, audit_rows = User.objects.count(), AuditEvent.objects.count()

    with pytest.raises(CommandError) as refused:
        call_command("load_demo", "--force", stdout=io.StringIO())

    assert refused.value.returncode == 2
    assert "--i-know-this-deletes-everything" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert (User.objects.count(), AuditEvent.objects.count()) == (users, audit_rows)


def test_with_debug_false_and_the_flag_it_replaces_everything_and_the_audit_log_says_so(demo, settings):
    settings.DEBUG = False
    admin = User.objects.create_user(username="echte.beheerder", password="Een-lang-wachtwoord-2026")

    call_command("load_demo", "--force", "--i-know-this-deletes-everything", stdout=io.StringIO())

    assert not User.objects.filter(username=admin.username).exists()
    assert AuditEvent.objects.filter(event="demo_data_replaced_all", actor_label="system").count() == 1
