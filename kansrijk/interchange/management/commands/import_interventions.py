from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansrijk.interchange.importer import interventions_import
from kansrijk.interchange.parser import FileError


class Command(BaseCommand):
    help = (
        "Import interventions from an interchange file (.csv or .xlsx, see docs/interchange.md). "
        "All rows or none: when any row is invalid, every error is listed and nothing is stored."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the .csv or .xlsx file")
        parser.add_argument("--dry-run", action="store_true", help="check the whole file, then store nothing")
        parser.add_argument(
            "--update",
            action="store_true",
            help="replace interventions whose reference already exists instead of refusing them",
        )

    def handle(self, *args, **options):
        path = options["file"]
        try:
            result = interventions_import(path=path, update=options["update"], dry_run=options["dry_run"])
        except FileError as exc:
            raise CommandError(str(exc), returncode=2) from None
        except DatabaseError as exc:
            # Validation should leave nothing for the database to refuse; if it still does
            # (e.g. a concurrent change), the transaction is gone and so is every row.
            problem = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]
            raise CommandError(
                _("nothing was stored: the database refused the import (%(problem)s)") % {"problem": problem},
                returncode=1,
            ) from None

        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            rows = len({error.row for error in result.errors})
            raise CommandError(
                ngettext(
                    "%(rows)s invalid row; nothing was stored",
                    "%(rows)s invalid rows; nothing was stored",
                    rows,
                )
                % {"rows": rows},
                returncode=1,
            )

        counts = {
            "interventions": result.interventions,
            "young_people": result.young_people,
            "file": path,
            "replaced": result.replaced,
        }
        if options["dry_run"]:
            summary = ngettext(
                "dry run: %(interventions)s intervention (%(young_people)s young people) in %(file)s "
                "would be imported; nothing was stored",
                "dry run: %(interventions)s interventions (%(young_people)s young people) in %(file)s "
                "would be imported; nothing was stored",
                result.interventions,
            )
        else:
            summary = ngettext(
                "imported %(interventions)s intervention (%(young_people)s young people) from %(file)s",
                "imported %(interventions)s interventions (%(young_people)s young people) from %(file)s",
                result.interventions,
            )
        if options["update"]:
            summary += ngettext(
                ", %(replaced)s existing intervention replaced",
                ", %(replaced)s existing interventions replaced",
                result.replaced,
            )
        self.stdout.write(summary % counts)
