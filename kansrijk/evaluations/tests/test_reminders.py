"""One reminder after 7 days, by an idempotent command."""

import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from kansrijk.evaluations.models import Evaluation

from .helpers import LINK, answers, ended_intervention, links_in_mail, path_of


def _remind() -> str:
    out = io.StringIO()
    call_command("send_evaluation_reminders", stdout=out)
    return out.getvalue().strip()


def test_it_reminds_once_after_7_days(django_capture_on_commit_callbacks, referrer):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    mail.outbox.clear()

    with time_machine.travel(timezone.now() + dt.timedelta(days=6)):
        early = _remind()
    with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1)):
        due = _remind()
        again = _remind()

    assert early == "0 reminder(s) sent"
    assert due == "4 reminder(s) sent"
    assert again == "0 reminder(s) sent"
    assert len(mail.outbox) == 4
    assert all(message.subject.startswith("Herinnering") for message in mail.outbox)


def test_it_does_not_remind_who_answered(django_capture_on_commit_callbacks, referrer):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    Client().post(path_of(links_in_mail()["sem@example.org"]), answers("young_person"))
    mail.outbox.clear()

    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        _remind()

    assert sorted(message.to[0] for message in mail.outbox) == [
        "joost@example.org",
        "marieke@example.org",
        "rik@zuiderlicht.example",
    ]


def test_it_sends_a_link_that_works_beside_the_first_one(django_capture_on_commit_callbacks, referrer):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    first = path_of(links_in_mail()["rik@zuiderlicht.example"])
    mail.outbox.clear()

    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        _remind()
        reminder = path_of(LINK.search(mail.outbox[0].body).group(0))
        assert reminder != first
        assert Client().get(first).status_code == 200
        assert Client().post(reminder, answers("professional")).status_code == 302
        assert Client().get(first).status_code == 410


def test_it_does_not_remind_after_the_link_expired(django_capture_on_commit_callbacks, referrer):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    mail.outbox.clear()

    with time_machine.travel(timezone.now() + dt.timedelta(days=31)):
        assert _remind() == "0 reminder(s) sent"


class RefusingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


def test_it_says_so_in_one_line_and_tries_again_when_the_mail_server_refuses(
    django_capture_on_commit_callbacks, referrer, settings
):
    ended_intervention(django_capture_on_commit_callbacks, referrer=referrer)
    settings.EMAIL_BACKEND = "kansrijk.evaluations.tests.test_reminders.RefusingBackend"

    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        with pytest.raises(CommandError, match="could not send the reminders"):
            _remind()
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
        mail.outbox.clear()
        retried = _remind()

    assert retried == "4 reminder(s) sent"
    assert Evaluation.objects.filter(reminded_at__isnull=False).count() == 4
