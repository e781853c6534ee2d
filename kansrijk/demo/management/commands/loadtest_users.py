"""Prepare a load test: log-in details for N Halt professionals and one API key.

    manage.py loadtest_users --count 50 --out /tmp/loadtest.json [--i-know-this-changes-accounts]

The load test (deploy/local-cluster) logs in as real caseworkers of the data set, so that their
worklists, searches and files are what a professional sees. This command takes the N active
caseworkers with the most open interventions, gives them one fresh random password (the same
for all of them: one slow hash instead of N) and a confirmed authenticator-app device with a
random key of its own (named "loadtest"; an earlier one of that name is replaced), and makes an
API key for one referrer organisation, for the throttle check. The details are written to
`--out` as JSON, readable by the file's owner only, and nowhere else; the command prints counts.

It changes accounts, so with DEBUG false it refuses unless --i-know-this-changes-accounts is
given: it is meant for benchmark and test databases, never for a production one. Each prepared
account gets an audit row (`loadtest_account_prepared`).
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.api.services import api_token_create
from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.interventions.constants import OPEN_STATUSES
from kansrijk.organisations.models import ReferrerOrganisation

DEVICE_NAME = "loadtest"
API_KEY_NAME = "loadtest"


class Command(BaseCommand):
    help = (
        "Prepare a load test: a random password and authenticator-app key for the N caseworkers "
        "with the most open interventions, and an API key, written to a file only its owner can read."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=50, help="How many caseworkers (default 50).")
        parser.add_argument("--out", required=True, help="The JSON file to write the details to.")
        parser.add_argument(
            "--i-know-this-changes-accounts",
            action="store_true",
            dest="confirmed",
            help="Needed when DEBUG is false: the caseworkers get a new password and app key.",
        )

    def handle(self, *args, count: int, out: str, confirmed: bool, **options):
        if not settings.DEBUG and not confirmed:
            raise CommandError(
                _(
                    "DEBUG is false: this looks like production. This command gives caseworkers a new "
                    "password; add --i-know-this-changes-accounts if you mean it."
                ),
                returncode=2,
            )
        if count < 1:
            raise CommandError(_("--count must be at least 1."), returncode=2)
        path = Path(out)
        if not path.parent.is_dir():
            raise CommandError(_("The folder of --out does not exist."), returncode=2)
        password = secrets.token_urlsafe(18)
        with transaction.atomic():
            users = list(
                User.objects.filter(role=Role.CASEWORKER, is_active=True)
                .annotate(
                    open_cases=Count("interventions", filter=Q(interventions__status__in=OPEN_STATUSES))
                )
                .order_by("-open_cases", "pk")[:count]
            )
            if len(users) < count:
                raise CommandError(
                    _("The database has %(found)d active caseworkers, fewer than %(count)d.")
                    % {"found": len(users), "count": count},
                    returncode=2,
                )
            organisation = ReferrerOrganisation.objects.order_by("pk").first()
            if organisation is None:
                raise CommandError(_("The database has no referrer organisation."), returncode=2)
            encoded = make_password(password)
            accounts = []
            for user in users:
                User.objects.filter(pk=user.pk).update(password=encoded)
                TOTPDevice.objects.filter(user=user, name=DEVICE_NAME).delete()
                device = TOTPDevice.objects.create(
                    user=user, name=DEVICE_NAME, key=random_hex(20), confirmed=True
                )
                audit_record(actor=None, event=Event.LOADTEST_ACCOUNT_PREPARED, subject=user)
                accounts.append({"username": user.username, "password": password, "totp_key": device.key})
            _token, api_key = api_token_create(organisation=organisation, name=API_KEY_NAME, by=None)
        # Readable by the owner only, from the first byte on.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump({"accounts": accounts, "api_key": api_key}, handle, indent=1)
        self.stdout.write(
            _("%(count)d caseworkers and one API key prepared for the load test.") % {"count": len(accounts)}
        )
