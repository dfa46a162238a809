"""Load the demo showroom: `manage.py load_demo_showroom [--if-empty]`.

Run after load_demo_catalog (it places and exhibits the demo products). Idempotent: venues and
exhibitions already there (by slug) are left alone; the home page's featured section is filled
only while it is empty.
"""

from django.core.management.base import BaseCommand

from demo.showroom import build_demo_showroom
from showroom.venues import ShowroomPage


class Command(BaseCommand):
    help = "Build the demo venues, shelf placements, exhibitions and the curated home page."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when any showroom venue already exists.",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and ShowroomPage.objects.exists():
            self.stdout.write("Showroom venues already exist: the demo showroom was not loaded.")
            return
        report = build_demo_showroom()
        self.stdout.write(
            f"Demo showroom: {report.venues} venue(s), {report.placements} placement(s), "
            f"{report.exhibitions} exhibition(s), {report.featured} featured product(s)."
        )
