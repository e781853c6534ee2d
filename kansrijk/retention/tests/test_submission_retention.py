"""The retention run removes the one-time keys of forms and API calls once they are a day old
(core/once.py): a repeat is caught within that day, and nothing is kept longer than that."""

import datetime as dt

import time_machine
from django.utils import timezone

from kansrijk.core.models import Submission
from kansrijk.retention.services import retention_apply

NOW = timezone.make_aware(dt.datetime(2026, 3, 10, 3, 0))


def _key(name: str, age: dt.timedelta) -> None:
    Submission.objects.create(scope="user:1", key=name, created_at=NOW - age, location="/")


def test_it_removes_keys_older_than_a_day_and_keeps_younger_ones(db):
    _key("old", dt.timedelta(hours=24, seconds=1))
    _key("young", dt.timedelta(hours=23, minutes=59))

    with time_machine.travel(NOW, tick=False):
        dry = retention_apply(dry_run=True)
        assert Submission.objects.count() == 2
        result = retention_apply()
        again = retention_apply()

    assert (dry.submissions, result.submissions, again.submissions) == (1, 1, 0)
    assert list(Submission.objects.values_list("key", flat=True)) == ["young"]
