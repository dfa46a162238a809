"""Re-drive the outbox: send every email not sent yet, now, in this process (or enqueue them)."""

from django.core.management.base import BaseCommand

from outbox import delivery, tasks


class Command(BaseCommand):
    help = (
        "Send every email not sent yet (inquiries, orders, Kurasi, invitations), without waiting "
        "for its retry time; given-up emails are retried from the admin. With --enqueue, hand "
        "the due ones to the task queue instead (a cron sweep beside the workers)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Put the due emails on the task queue for the workers instead of sending here.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            queued = sum(
                tasks.enqueue(model, list(delivery.due(model).values_list("pk", flat=True)))
                for model in delivery.outbox_models()
            )
            self.stdout.write(f"Enqueued {queued}.")
            return
        sent, failed = delivery.deliver_due(force_retry=True)
        self.stdout.write(f"Sent {sent}, failed {failed}.")
        if failed:
            self.stderr.write(
                self.style.WARNING(f"{failed} email(s) still failing; see the admin.")
            )
