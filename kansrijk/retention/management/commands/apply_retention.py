from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kansrijk.core.jobs import single_run
from kansrijk.retention.services import retention_apply


class Command(BaseCommand):
    help = (
        "Remove the personal data that are due (ended interventions after RETENTION_ENDED_MONTHS, "
        "rejected or withdrawn referrals after RETENTION_REJECTED_MONTHS), keeping the anonymous "
        "figures, and the login and admin log rows older than SECURITY_LOGS_KEEP_DAYS. Safe to "
        "run every day."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only count what would be removed")

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        with single_run("retention") as mine:
            if not mine:
                self.stderr.write("retention is already running; this run does nothing")
                return
            result = retention_apply(dry_run=dry_run)
        heading = _("Would be removed (dry run):") if dry_run else _("Removed:")
        self.stdout.write(heading)
        labels = {
            "referrals": _("referrals (with their interventions)"),
            "interventions": _("interventions"),
            "young_people": _("young people"),
            "parents": _("parents and carers"),
            "victims": _("victims"),
            "case_records": _(
                "case records (notes, conversations, agreements, components, contacts, restoration)"
            ),
            "care_rows_emptied": _("referrals to care and care reports emptied of their notes"),
            "evaluations_emptied": _("evaluations emptied of names, addresses and open answers"),
            "login_attempts": _("lockout counters of failed logins past their cool-off"),
            "logins": _("login records (django-axes)"),
            "login_failures": _("failed-login records (django-axes)"),
            "admin_log_entries": _("entries of the Django admin's own log"),
            "submissions": _("one-time keys of forms and API calls older than a day"),
        }
        for key, count in result.as_dict().items():
            self.stdout.write(f"  {labels[key]}: {count}")
