import io

import segno
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from kansrijk.accounts.constants import Role
from kansrijk.accounts.models import User
from kansrijk.demo import data
from kansrijk.demo.totp import demo_otpauth_uri, demo_totp_secret_grouped


class Command(BaseCommand):
    help = "Show the demo accounts, their roles, the shared password and the shared two-step key."

    def handle(self, *args, **options):
        usernames = [username for username, *_ in data.DEMO_LOGINS]
        users = {
            user.username: user
            for user in User.objects.filter(username__in=usernames)
            .select_related("region", "organisation__municipality")
            .prefetch_related("municipalities__region")
        }
        rows = [(_("username"), _("role"), f"{_('region')} / {_('organisation')}")]
        rows += [
            (name, str(Role(users[name].role).label), self._scope(users[name]))
            for name in usernames
            if name in users
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(2)]
        lines = [f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]}".rstrip() for row in rows]
        lines.insert(1, f"{'-' * widths[0]}  {'-' * widths[1]}  {'-' * max(len(row[2]) for row in rows)}")
        self.stdout.write(_("Kansrijk demo: %(url)s") % {"url": data.DEMO_URL})
        self.stdout.write(
            _("Password for every demo account: %(password)s") % {"password": data.DEMO_PASSWORD}
        )
        self.stdout.write("")
        self.stdout.write("\n".join(lines))
        self.stdout.write("")
        self.stdout.write(
            _(
                "Two-step login (every account but the referrer): add this key to an authenticator "
                "app, time-based, and log in with the code it shows."
            )
        )
        self.stdout.write(_("Key: %(key)s") % {"key": demo_totp_secret_grouped()})
        self.stdout.write(_("Key URI: %(uri)s") % {"uri": demo_otpauth_uri()})
        if self.stdout.isatty():
            # On a terminal the key as a QR code too, to scan straight from `make demo`.
            picture = io.StringIO()
            segno.make(demo_otpauth_uri(), error="m").terminal(out=picture, compact=True)
            self.stdout.write(picture.getvalue(), ending="")
        missing = [name for name in usernames if name not in users]
        if missing:
            self.stderr.write(
                _("Not in this database: %(names)s (run: python manage.py load_demo).")
                % {"names": ", ".join(missing)}
            )

    @staticmethod
    def _scope(user: User) -> str:
        if user.region:
            return user.region.name
        if user.organisation:
            return f"{user.organisation.name} ({user.organisation.municipality.name})"
        municipalities = list(user.municipalities.all())
        if municipalities:
            # Reuses the model's translated word, so the table needs no new message.
            regions = ", ".join(sorted({m.region.name for m in municipalities}))
            return f"{regions}: {len(municipalities)} {_('municipalities')}"
        return "-"
