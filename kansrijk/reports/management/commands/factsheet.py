import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kansrijk.core.dates import SchoolYear
from kansrijk.reports.factsheet import compute_factsheet, factsheet_document
from kansrijk.reports.render import (
    PUBLISHED_LANGUAGE,
    factsheet_csv,
    factsheet_pdf,
    factsheet_print_html,
    figures_stamp,
)
from kansrijk.reports.scope import Scope
from kansrijk.reports.selectors import relationship_manager_for

FORMATS = ["json", "html", "pdf", "csv"]


class Command(BaseCommand):
    help = (
        "Print the factsheet of one school year for a scope (all, region, municipality or school). "
        "JSON has the exact figures; HTML, PDF and CSV are the published formats, with small numbers "
        "suppressed and the previous school year beside every figure."
    )

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="school year, e.g. 2024-2025")
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--region", help="region name")
        scope.add_argument("--municipality", help="municipality name")
        scope.add_argument("--school", help="school BRIN code")
        parser.add_argument("--format", default="json", choices=FORMATS, help="output format (default json)")
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

        fmt = options["format"]
        binary_out = getattr(self.stdout, "buffer", None)
        if fmt == "pdf" and not options["output"] and (binary_out is None or self.stdout.isatty()):
            raise CommandError("a PDF does not go to a terminal: pass --output FILE", returncode=2)
        content = self._render(fmt, period, scope)

        if options["output"]:
            mode, encoding = ("wb", None) if isinstance(content, bytes) else ("w", "utf-8")
            try:
                with open(options["output"], mode, encoding=encoding) as handle:
                    handle.write(
                        content if isinstance(content, bytes) else content + ("\n" if fmt == "json" else "")
                    )
            except OSError as exc:
                raise CommandError(
                    f"cannot write {options['output']}: {exc.strerror}", returncode=2
                ) from None
        elif isinstance(content, bytes):
            assert binary_out is not None  # refused above for a PDF to standard output
            self.stdout.flush()
            binary_out.write(content)
            binary_out.flush()
        else:
            self.stdout.write(content, ending="\n" if fmt == "json" else "")

    def _render(self, fmt: str, period: SchoolYear, scope: Scope) -> str | bytes:
        if fmt == "json":
            return json.dumps(compute_factsheet(period=period, scope=scope), ensure_ascii=False, indent=2)
        with translation.override(PUBLISHED_LANGUAGE):
            document = factsheet_document(period=period, scope=scope, language=PUBLISHED_LANGUAGE)
            if fmt == "csv":
                return factsheet_csv(document=document)
            contact = relationship_manager_for(scope=scope)
            render = factsheet_pdf if fmt == "pdf" else factsheet_print_html
            return render(document=document, scope=scope, contact=contact, stamp=figures_stamp())
