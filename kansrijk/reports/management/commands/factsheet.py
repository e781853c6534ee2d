import json

from django.core.management.base import BaseCommand, CommandError

from kansrijk.core.dates import SchoolYear
from kansrijk.reports.factsheet import compute_factsheet
from kansrijk.reports.scope import Scope


class Command(BaseCommand):
    help = "Print the factsheet of one school year for a scope (all, region, municipality or school)."

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="school year, e.g. 2024-2025")
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--region", help="region name")
        scope.add_argument("--municipality", help="municipality name")
        scope.add_argument("--school", help="school BRIN code")
        parser.add_argument("--format", default="json", choices=["json"], help="output format")
        parser.add_argument("--output", help="write to this file instead of standard output")

    def handle(self, *args, **options):
        try:
            period = SchoolYear.parse(options["period"])
        except ValueError as exc:
            raise CommandError(str(exc), returncode=2) from None
        try:
            if options["region"]:
                scope = Scope.for_region(options["region"])
            elif options["municipality"]:
                scope = Scope.for_municipality(options["municipality"])
            elif options["school"]:
                scope = Scope.for_school(options["school"])
            else:
                scope = Scope.all()
        except LookupError as exc:
            raise CommandError(str(exc.args[0]), returncode=2) from None

        text = json.dumps(compute_factsheet(period=period, scope=scope), ensure_ascii=False, indent=2)
        if options["output"]:
            try:
                with open(options["output"], "w", encoding="utf-8") as handle:
                    handle.write(text + "\n")
            except OSError as exc:
                raise CommandError(f"cannot write {options['output']}: {exc.strerror}", returncode=2) from None
        else:
            self.stdout.write(text)
