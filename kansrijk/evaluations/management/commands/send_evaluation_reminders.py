from django.core.mail import BadHeaderError
from django.core.management.base import BaseCommand, CommandError

from kansrijk.evaluations.services import evaluations_remind


class Command(BaseCommand):
    help = (
        "Send the one reminder for every evaluation invitation that is unanswered 7 days after it "
        "was sent and has not expired. Safe to run as often as you like: nobody is reminded twice."
    )

    def handle(self, *args, **options):
        try:
            sent = evaluations_remind()
        except (OSError, BadHeaderError) as exc:
            raise CommandError(f"could not send the reminders: {exc.__class__.__name__}") from exc
        self.stdout.write(f"{sent} reminder(s) sent")
