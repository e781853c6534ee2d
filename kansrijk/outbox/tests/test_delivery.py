"""No request and no transaction waits on a mail server: messages are rows, delivered by a task
that holds no lock while it talks SMTP, retries with back-off and gives up per address."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest
import time_machine
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from kansrijk.interventions.tests.factories import make_referral
from kansrijk.outbox.constants import MailKind, MailStatus
from kansrijk.outbox.delivery import mail_deliver, outbox_deliver_due
from kansrijk.outbox.models import OutgoingMail
from kansrijk.outbox.services import mail_enqueue
from kansrijk.referrals.models import Referral

from .conftest import broker
from .smtp import free_port_refusing

pytestmark = pytest.mark.django_db


def _enqueue(addresses, capture):
    with capture(execute=True), transaction.atomic():
        return mail_enqueue(
            to=addresses,
            kind=MailKind.INVITATION,
            subject="Uitnodiging",
            template="mail/invitation.txt",
            context={"url": "http://x/", "organisation": "School", "days": 7},
        )


@pytest.mark.django_db(transaction=True)
def test_accepting_a_referral_does_not_wait_for_a_mail_server_that_never_answers(
    client, team_lead_a, caseworker_a, referrer_a, organisation_a, smtp_server, worker_elsewhere
):
    referrer_a.email = "rik@school.example.nl"
    referrer_a.save()
    referral = make_referral(organisation=organisation_a, referred_by=referrer_a)
    smtp_server.mode = "hang"
    client.force_login(team_lead_a)

    started = time.monotonic()
    response = client.post(
        reverse("referrals:accept", args=[referral.uuid]), {"accept-professional": caseworker_a.pk}
    )
    elapsed = time.monotonic() - started

    assert response.status_code == 302
    assert elapsed < 1.0
    referral.refresh_from_db()
    assert referral.status == "accepted"
    [message] = OutgoingMail.objects.filter(kind=MailKind.REFERRAL_ACCEPTED)
    assert (message.to, message.status, message.reference) == (
        "rik@school.example.nl",
        MailStatus.PENDING,
        referral.reference,
    )

    # The worker tries while the server hangs: meanwhile nothing it touched is locked.
    outcome: list[str] = []
    sender = threading.Thread(target=lambda: outcome.append(_deliver_in_thread(message.pk)))
    sender.start()
    assert smtp_server.hung.wait(timeout=5)
    with transaction.atomic():
        locked = list(OutgoingMail.objects.select_for_update(nowait=True).filter(pk=message.pk))
        Referral.objects.select_for_update(nowait=True).filter(pk=referral.pk).update(
            description="bijgewerkt terwijl de mailserver hing"
        )
    sender.join(timeout=10)
    assert locked and outcome == ["retried"]
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MailStatus.PENDING, 1)
    assert message.last_error and "rik" not in message.last_error

    # The server recovers; the sweep after the back-off delivers the message once.
    smtp_server.mode = "ok"
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        swept = outbox_deliver_due()
        again = outbox_deliver_due()
    assert (swept.sent, again.sent) == (1, 0)
    assert smtp_server.recipients() == ["rik@school.example.nl"]
    message.refresh_from_db()
    assert message.status == MailStatus.SENT


def _deliver_in_thread(pk: int) -> str:
    try:
        return mail_deliver(pk)
    finally:
        connection.close()


def test_one_address_answered_with_550_does_not_stop_the_others(
    smtp_server, worker_elsewhere, django_capture_on_commit_callbacks
):
    smtp_server.refuse = {"weg@example.org"}
    _enqueue(["a@example.org", "weg@example.org", "z@example.org"], django_capture_on_commit_callbacks)

    first = outbox_deliver_due()
    with time_machine.travel(timezone.now() + dt.timedelta(days=1)):
        later = outbox_deliver_due()

    assert (first.sent, first.failed) == (2, 1)
    assert (later.sent, later.failed, later.skipped) == (0, 0, 0)
    assert smtp_server.recipients() == ["a@example.org", "z@example.org"]
    failed = OutgoingMail.objects.get(status=MailStatus.FAILED)
    assert failed.to == "weg@example.org"
    assert failed.last_error == "SMTPRecipientsRefused 550"
    assert failed.attempts == 1


def test_a_server_that_is_down_is_tried_again_with_back_off_until_the_last_attempt(
    settings, worker_elsewhere, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port_refusing(), 1
    settings.OUTBOX_MAX_ATTEMPTS = 3
    [message] = _enqueue(["a@example.org"], django_capture_on_commit_callbacks)

    results, waits = [], []
    moment = timezone.now()
    for _ in range(4):
        with time_machine.travel(moment):
            results.append(mail_deliver(message.pk))
        message.refresh_from_db()
        waits.append(round((message.next_attempt_at - moment).total_seconds() / 60))
        moment = message.next_attempt_at + dt.timedelta(seconds=1)

    assert results == ["retried", "retried", "failed", "skipped"]
    assert waits[:2] == [1, 2]
    assert message.status == MailStatus.FAILED
    assert message.last_error == "ConnectionRefusedError"


def test_a_change_that_is_rolled_back_leaves_no_message(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            mail_enqueue(
                to=["a@example.org"],
                kind=MailKind.INVITATION,
                subject="Uitnodiging",
                template="mail/invitation.txt",
                context={"url": "http://x/", "organisation": "School", "days": 7},
            )
            raise RuntimeError("the change fails")

    assert not OutgoingMail.objects.exists()
    assert callbacks == []


def test_when_the_broker_is_down_the_change_stands_and_the_sweep_delivers(
    settings, mailoutbox, django_capture_on_commit_callbacks
):
    with broker(f"redis://127.0.0.1:{free_port_refusing()}/0"):
        _enqueue(["a@example.org"], django_capture_on_commit_callbacks)

    assert OutgoingMail.objects.get().status == MailStatus.PENDING
    assert outbox_deliver_due().sent == 1
    assert [message.to for message in mailoutbox] == [["a@example.org"]]
