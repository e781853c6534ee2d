import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kansrijk.demo.generator import database_has_data, demo_load


class Command(BaseCommand):
    help = (
        "Fill an empty database with the demo data set: Halt's regions, schools and organisations, "
        "the demo accounts and three school years of referrals and interventions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Delete all cases, organisations and users first, then load the demo data.",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (and succeed) when the database already has data.",
        )
        parser.add_argument(
            "--i-know-this-deletes-everything",
            action="store_true",
            dest="confirmed",
            help="Needed when DEBUG is false: the demo accounts have published passwords, and "
            "with --force every case and user is deleted.",
        )

    def handle(self, *args, force: bool, if_empty: bool, confirmed: bool, **options):
        if force and if_empty:
            raise CommandError(_("Use either --force or --if-empty, not both."), returncode=2)
        if not settings.DEBUG and not confirmed:
            raise CommandError(
                _(
                    "DEBUG is false: this looks like production. The demo data bring accounts whose "
                    "passwords are published; add --i-know-this-deletes-everything if you mean it."
                ),
                returncode=2,
            )
        if database_has_data():
            if if_empty:
                self.stdout.write(_("The database already has data: demo data not loaded."))
                return
            if not force:
                raise CommandError(
                    _("The database is not empty: run with --force to replace it with the demo data."),
                    returncode=2,
                )
        started = time.monotonic()
        summary = demo_load(wipe=force)
        self.stdout.write(
            _(
                "Demo data loaded in %(seconds).1f s: %(regions)d regions, "
                "%(municipalities)d municipalities, %(schools)d schools, %(organisations)d organisations, "
                "%(users)d users, %(young_people)d young people, %(referrals)d referrals, "
                "%(interventions)d interventions."
            )
            % {"seconds": time.monotonic() - started, **summary.__dict__}
        )
