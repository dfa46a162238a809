"""`python manage.py close_due_requests [--enqueue]`: close open requests past their deadline.

Run it every minute from cron or the worker loop (`make run` does); `--enqueue` hands the work
to the task queue instead of doing it in this process."""

from django.core.management.base import BaseCommand

from sourcing.services.quotes import close_due_requests
from sourcing.tasks_quotes import close_due_requests_task


class Command(BaseCommand):
    help = "Close open sourcing requests whose quote deadline has passed."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Run it on the task queue.")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            close_due_requests_task.enqueue()
            self.stdout.write("enqueued")
            return
        closed = close_due_requests()
        self.stdout.write(f"closed {closed}")
