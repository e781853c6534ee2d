from django.core.management.base import BaseCommand

from kansrijk.core.jobs import single_run
from kansrijk.evaluations.services import evaluations_remind


class Command(BaseCommand):
    help = (
        "Write the one reminder for every evaluation invitation that is unanswered 7 days after it "
        "was sent and has not expired to the outbox. Safe to run as often as you like: nobody is "
        "reminded twice, and a run started while another is busy does nothing. Celery beat runs "
        "it daily (docs/deployment.md)."
    )

    def handle(self, *args, **options):
        with single_run("evaluation-reminders") as mine:
            if not mine:
                self.stderr.write("evaluation reminders are already running; this run does nothing")
                return
            sent = evaluations_remind()
        self.stdout.write(f"{sent} reminder(s) queued")
