"""Remove buyers' personal data from old inquiries, keeping them as counts for reports."""

import calendar

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from inquiries.models import Inquiry, InquiryLine, Notification

REDACTED = "[dihapus]"


def months_before(moment, months):
    """The same day and time `months` calendar months earlier (clamped to the month's end)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


class Command(BaseCommand):
    help = "Anonymise inquiries older than the retention period (INQUIRY_RETENTION_MONTHS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=settings.INQUIRY_RETENTION_MONTHS,
            help="Retention period in months (default: the INQUIRY_RETENTION_MONTHS setting).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count.")

    def handle(self, *args, **options):
        cutoff = months_before(timezone.now(), options["months"])
        old = Inquiry.objects.filter(created_at__lt=cutoff, anonymised_at__isnull=True)
        count = old.count()
        if options["dry_run"]:
            self.stdout.write(
                f"{count} inquiries older than {cutoff:%Y-%m-%d} would be anonymised."
            )
            return
        with transaction.atomic():
            for inquiry in old.select_for_update():
                if inquiry.attachment:
                    # Only once the redaction is committed: a rollback must not lose the file.
                    name, storage = inquiry.attachment.name, inquiry.attachment.storage
                    transaction.on_commit(lambda n=name, s=storage: s.delete(n))
                inquiry.name = REDACTED
                inquiry.email = ""
                inquiry.phone = ""
                inquiry.company = ""
                inquiry.message = REDACTED
                inquiry.attachment = ""
                inquiry.anonymised_at = timezone.now()
                inquiry.save()
            Notification.objects.filter(inquiry__created_at__lt=cutoff).update(
                recipients="", subject=REDACTED, body=REDACTED, reply_to=""
            )
            # A line's note is the buyer's free text too; product, quantity and unit stay.
            InquiryLine.objects.filter(inquiry__created_at__lt=cutoff).exclude(note="").update(
                note=REDACTED
            )
        self.stdout.write(f"Anonymised {count} inquiries older than {cutoff:%Y-%m-%d}.")
