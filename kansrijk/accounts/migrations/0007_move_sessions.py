"""The sessions in Django's table (`django_session`) move to `accounts_usersession`, with whose
each is, so that nobody is logged out by the change of session engine; then the old table is
emptied: its rows would otherwise never expire (clearsessions now cleans the new one), and a
session holds the texts typed into the search boxes.

The session data are copied as they are: the new store signs them as Django's database store
did (both classes are named SessionStore, which is what the signature's salt says). Sessions of
users who no longer exist are left out, as is anything that does not decode.
"""

import datetime as dt

from django.db import migrations
from django.utils import timezone

BATCH = 500


def move_sessions(apps, schema_editor):
    from django.contrib.sessions.backends.db import SessionStore

    OldSession = apps.get_model("sessions", "Session")
    UserSession = apps.get_model("accounts", "UserSession")
    User = apps.get_model("accounts", "User")
    decoder = SessionStore()
    users = set(User.objects.values_list("pk", flat=True))
    rows = []
    for old in OldSession.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = decoder.decode(old.session_data)
        user_id = _whole_number(data.get("_auth_user_id"))
        if not data or (user_id is not None and user_id not in users):
            continue
        started = data.get("kansrijk_session_started")
        rows.append(
            UserSession(
                session_key=old.session_key,
                session_data=old.session_data,
                expire_date=old.expire_date,
                user_id=user_id,
                started_at=dt.datetime.fromtimestamp(started, tz=dt.UTC)
                if isinstance(started, int | float)
                else None,
                second_factor=bool(data.get("otp_device_id")),
            )
        )
        if len(rows) == BATCH:
            UserSession.objects.bulk_create(rows)
            rows = []
    UserSession.objects.bulk_create(rows)
    OldSession.objects.all().delete()


def _whole_number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_user_session"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(move_sessions, migrations.RunPython.noop)]
