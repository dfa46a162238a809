"""Retry the inquiry emails that could not be sent (run from cron, e.g. every 10 minutes)."""

from django.core.management.base import BaseCommand

from inquiries.notifications import deliver_pending


class Command(BaseCommand):
    help = "Send every inquiry email not sent yet (failed ones are retried up to a limit)."

    def handle(self, *args, **options):
        sent, failed = deliver_pending()
        self.stdout.write(f"Sent {sent}, failed {failed}.")
        if failed:
            self.stderr.write(
                self.style.WARNING(f"{failed} email(s) still failing; see the admin.")
            )
