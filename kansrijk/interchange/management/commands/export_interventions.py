import os
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.audit.events import Event
from kansrijk.audit.services import audit_record
from kansrijk.core.dates import SchoolYear
from kansrijk.interchange.exporter import interventions_export
from kansrijk.reports.scope import Scope


class _Stream:
    """Lets the csv writer write through the command's stdout without extra line endings."""

    def __init__(self, output):
        self.output = output

    def write(self, text: str) -> None:
        self.output.write(text, ending="")


def _audit(*, period, scope, count: int) -> None:
    # Data leaving the application is audited like the web export; on the command line there
    # is no logged-in user, so the row's actor is "system" and the figures say what went out.
    audit_record(
        actor=None,
        event=Event.INTERVENTIONS_EXPORTED,
        subject=None,
        new={
            "via": "command",
            "period": str(period) if period else None,
            "scope": scope.as_json(),
            "count": count,
        },
    )


class Command(BaseCommand):
    help = "Export interventions in the interchange format (see docs/interchange.md) as CSV."

    def add_arguments(self, parser):
        parser.add_argument("--period", help="only this school year (by referral date), e.g. 2024-2025")
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--region", help="only this region (name)")
        scope.add_argument("--municipality", help="only this municipality (name)")
        scope.add_argument("--school", help="only this school (BRIN code)")
        parser.add_argument("--output", help="write to this file instead of standard output")

    def handle(self, *args, **options):
        period = None
        if options["period"] is not None:
            try:
                period = SchoolYear.parse(options["period"])
            except ValueError as exc:
                raise CommandError(str(exc), returncode=2) from None
        try:
            if options["region"] is not None:
                scope = Scope.for_region(options["region"])
            elif options["municipality"] is not None:
                scope = Scope.for_municipality(options["municipality"])
            elif options["school"] is not None:
                scope = Scope.for_school(options["school"])
            else:
                scope = Scope.all()
        except LookupError as exc:
            raise CommandError(str(exc.args[0]), returncode=2) from None

        if not options["output"]:
            try:
                count = interventions_export(out=_Stream(self.stdout), period=period, scope=scope)
            except BrokenPipeError:
                # The reader went away (e.g. `| head`): silence the rest instead of a traceback.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                raise CommandError(_("standard output was closed before the export finished")) from None
            _audit(period=period, scope=scope, count=count)
            return
        try:
            # newline="" leaves the csv module's own line endings alone.
            with open(options["output"], "w", encoding="utf-8", newline="") as handle:
                count = interventions_export(out=handle, period=period, scope=scope)
        except OSError as exc:
            raise CommandError(
                _("cannot write %(file)s: %(problem)s")
                % {"file": options["output"], "problem": exc.strerror or exc},
                returncode=2,
            ) from None
        _audit(period=period, scope=scope, count=count)
        self.stdout.write(
            ngettext(
                "exported %(count)s intervention to %(file)s",
                "exported %(count)s interventions to %(file)s",
                count,
            )
            % {"count": count, "file": options["output"]}
        )
