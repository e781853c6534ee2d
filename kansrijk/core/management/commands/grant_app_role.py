"""`manage.py grant_app_role ROLE`: the owner gives the application's role its grants
(kansrijk/core/dbroles.py). `migrate` does this itself when DATABASE_APP_ROLE is set."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection

from kansrijk.core.dbroles import grant_application_role


class Command(BaseCommand):
    help = "Grant the application's PostgreSQL role row access; the audit log SELECT and INSERT only."

    def add_arguments(self, parser):
        parser.add_argument("role", help="the application's role, e.g. kansrijk")

    def handle(self, *args, role: str, **options):
        if connection.vendor != "postgresql":
            raise CommandError("database roles exist on PostgreSQL only; SQLite has none")
        try:
            statements = grant_application_role(connection, role)
        except DatabaseError as error:
            raise CommandError(f"could not grant to {role}: {str(error).splitlines()[0]}") from None
        self.stdout.write(f"{role}: {len(statements)} grants applied")
