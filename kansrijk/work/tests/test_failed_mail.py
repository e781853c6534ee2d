"""A team lead sees the region's e-mails that could not be delivered: kind, reference, when and
why; never the address or the text, and never another region's."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kansrijk.outbox.constants import MailKind, MailStatus
from kansrijk.outbox.models import OutgoingMail

pytestmark = pytest.mark.django_db


def _failed(region, *, reference, error="SMTPRecipientsRefused 550", to="weg@example.org"):
    return OutgoingMail.objects.create(
        kind=MailKind.REFERRAL_ACCEPTED,
        region=region,
        reference=reference,
        to=to,
        subject="Uw aanmelding is geaccepteerd",
        body="Geheime inhoud over Daan",
        status=MailStatus.FAILED,
        attempts=1,
        failed_at=timezone.now(),
        last_error=error,
    )


def test_the_team_lead_sees_the_regions_failures_without_address_or_text(
    client, team_lead_a, region_a, region_b
):
    _failed(region_a, reference="HALT-2026-0001")
    _failed(region_a, reference="HALT-2026-0002", error="TimeoutError")
    _failed(region_b, reference="HALT-2026-0003")
    client.force_login(team_lead_a)

    work = client.get(reverse("work")).content.decode()
    page = client.get(reverse("failed_mail")).content.decode()

    assert "E-mails die niet bezorgd konden worden" in work
    assert "HALT-2026-0001" in page and "HALT-2026-0002" in page
    assert "HALT-2026-0003" not in page
    assert "weg@example.org" not in page and "Daan" not in page and "Uw aanmelding" not in page
    assert "weigerde het adres" in page
    assert "niet bereikt" in page


def test_without_failures_the_worklist_does_not_mention_them(client, team_lead_a, region_a):
    OutgoingMail.objects.create(
        kind=MailKind.INVITATION,
        region=region_a,
        to="a@example.org",
        subject="x",
        body="y",
        status=MailStatus.SENT,
        sent_at=timezone.now(),
    )
    client.force_login(team_lead_a)

    work = client.get(reverse("work")).content.decode()
    page = client.get(reverse("failed_mail")).content.decode()

    assert "niet bezorgd" not in work
    assert "Alle e-mails van uw regio zijn bezorgd." in page
