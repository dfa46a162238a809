from django.core.management.base import BaseCommand

from orders.notifications import deliver_pending


class Command(BaseCommand):
    help = "Send the order emails not sent yet now (send_pending_notifications re-drives all)."

    def handle(self, *args, **options):
        sent, failed = deliver_pending()
        self.stdout.write(f"sent {sent}, failed {failed}")
