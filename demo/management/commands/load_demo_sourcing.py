"""Load the Kebutuhan Industri demo: `manage.py load_demo_sourcing [--if-empty]`.

Fictitious Cilegon industries (steel, chemical, energy; one more waiting for verification) and
eight requests in various states, built through the sourcing services (demo/sourcing.py);
idempotent. `make run` calls it after the catalog demo.
"""

from django.core.management.base import BaseCommand

from demo.accounts import DEMO_PASSWORD
from demo.sourcing import build_sourcing_demo
from sourcing.models import BuyerCompany


class Command(BaseCommand):
    help = "Build the demo industry buyers and their requests for quotation."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when any buyer company already exists.",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and BuyerCompany.objects.exists():
            self.stdout.write("Buyer companies already exist: the sourcing demo was not loaded.")
            return
        report = build_sourcing_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Sourcing demo: created {report.companies_created} buyer companies and "
                f"{report.requests_created} requests, with {report.quotes_created} quotes."
            )
        )
        self.stdout.write(f"Buyers sign in at /kebutuhan/masuk/ with password {DEMO_PASSWORD}:")
        for name, email in report.logins:
            self.stdout.write(f"  {email}  ({name})")
