"""One reminder after 7 days, by an idempotent command, delivered through the outbox."""

import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from kansrijk.evaluations.models import Evaluation
from kansrijk.outbox.constants import MailStatus
from kansrijk.outbox.delivery import outbox_deliver_due
from kansrijk.outbox.models import OutgoingMail

from .helpers import LINK, answers, ended_intervention, links_in_mail, path_of


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """Run the command as Celery beat would; the outbox hands each reminder to the worker
    once its transaction commits (in the tests the task runs in-process)."""

    def run() -> str:
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_evaluation_reminders", stdout=out)
        return out.getvalue().strip()

    return run


def test_it_reminds_once_after_7_days(django_capture_on_commit_callbacks, referrer, remind):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    mail.outbox.clear()

    with time_machine.travel(timezone.now() + dt.timedelta(days=6)):
        early = remind()
    with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1)):
        due = remind()
        again = remind()

    assert early == "0 reminder(s) queued"
    assert due == "4 reminder(s) queued"
    assert again == "0 reminder(s) queued"
    assert len(mail.outbox) == 4
    assert all(message.subject.startswith("Herinnering") for message in mail.outbox)


def test_it_does_not_remind_who_answered(django_capture_on_commit_callbacks, referrer, remind):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    Client().post(path_of(links_in_mail()["sem@example.org"]), answers("young_person"))
    mail.outbox.clear()

    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        remind()

    assert sorted(message.to[0] for message in mail.outbox) == [
        "joost@example.org",
        "marieke@example.org",
        "rik@zuiderlicht.example",
    ]


def test_it_sends_a_link_that_works_beside_the_first_one(
    django_capture_on_commit_callbacks, referrer, remind
):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    first = path_of(links_in_mail()["rik@zuiderlicht.example"])
    mail.outbox.clear()

    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        remind()
        link = LINK.search(str(mail.outbox[0].body))
        assert link is not None
        reminder = path_of(link.group(0))
        assert reminder != first
        assert Client().get(first).status_code == 200
        assert Client().post(reminder, answers("professional")).status_code == 302
        assert Client().get(first).status_code == 410


def test_it_does_not_remind_after_the_link_expired(django_capture_on_commit_callbacks, referrer, remind):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    mail.outbox.clear()

    with time_machine.travel(timezone.now() + dt.timedelta(days=31)):
        assert remind() == "0 reminder(s) queued"


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


def test_a_mail_server_that_refuses_loses_no_reminder_and_they_go_out_when_it_is_back(
    django_capture_on_commit_callbacks, referrer, settings, remind
):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    mail.outbox.clear()
    settings.EMAIL_BACKEND = "kansrijk.evaluations.tests.test_reminders.RefusingBackend"

    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        queued = remind()
        waiting = OutgoingMail.objects.filter(kind="evaluation_reminder", status=MailStatus.PENDING).count()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(timezone.now() + dt.timedelta(days=8, minutes=5)):
        outcome = outbox_deliver_due()

    assert queued == "4 reminder(s) queued"
    assert waiting == 4
    assert Evaluation.objects.filter(reminded_at__isnull=False).count() == 4
    assert outcome.sent == 4
    assert len(mail.outbox) == 4
