"""Load the demo catalog: `manage.py load_demo_catalog [--if-empty] [--products N [--vendors M]]`.

Without options it builds the curated demo (fifteen IKM, about eighty products, demo users and
groups) from demo/data/, importing the products through the spreadsheet importer, and prints
the logins. It is idempotent: a second run creates nothing. `--data DIR` reads another copy of
demo/data/ (the same files, edited).

`--products N` builds a synthetic catalog of N products across M IKM (default N/20) instead,
for load testing; a second run with the same numbers creates nothing, a larger N tops it up.
"""

import logging
import textwrap
from contextlib import contextmanager

from django.core.management.base import BaseCommand, CommandError

from catalog.importer import ImportFailed
from catalog.models import VendorPage
from demo.accounts import DEMO_PASSWORD, admin_url, demo_logins, sync_default_site
from demo.curated import build_demo
from demo.data import DATA_DIR
from demo.synthetic import build_synthetic


class Command(BaseCommand):
    help = "Build the demo catalog (IKM, products, pictures, users) and print the demo logins."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (but print the logins) when any IKM already exists.",
        )
        parser.add_argument(
            "--products",
            type=int,
            metavar="N",
            help="Build a synthetic catalog of N products instead of the curated demo.",
        )
        parser.add_argument(
            "--vendors",
            type=int,
            metavar="M",
            help="Number of synthetic IKM (with --products; default N/20).",
        )
        parser.add_argument(
            "--data",
            metavar="DIR",
            default=str(DATA_DIR),
            help="The folder of the curated demo's data files (default: demo/data/).",
        )
        parser.add_argument(
            "--renditions",
            action="store_true",
            help="Also make the image renditions of the new pages now (curated demo only; "
            "otherwise they are made on first view).",
        )

    def handle(self, *args, **options):
        products, vendors = options["products"], options["vendors"]
        if vendors is not None and products is None:
            raise CommandError("--vendors needs --products.")
        if products is not None and products < 1:
            raise CommandError("--products must be at least 1.")
        if vendors is not None and vendors < 1:
            raise CommandError("--vendors must be at least 1.")
        if sync_default_site():
            self.stdout.write(f"The default Site now answers at {admin_url()[: -len('admin/')]}")

        if options["if_empty"] and VendorPage.objects.exists():
            self.stdout.write("IKM already exist: the demo catalog was not loaded.")
            self.print_logins(demo_logins(options["data"]))
            return

        with self.quiet_wagtail_log(options["verbosity"]):
            self.build(products, vendors, options)

    def build(self, products, vendors, options):
        if products is not None:
            vendors = vendors or max(1, products // 20)
            report = build_synthetic(products, vendors, progress=self.progress_bar)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Synthetic catalog: {products} products across {vendors} IKM; created "
                    f"{report.vendors_created} IKM, {report.products_created} products and "
                    f"{report.images_created} images in {report.seconds:.1f} s."
                )
            )
            if report.products_created:
                self.rebuild_elasticsearch_index()
        else:
            try:
                report = build_demo(warm_renditions=options["renditions"], data_dir=options["data"])
            except ImportFailed as failed:
                errors = [f"row {e.row}, {e.column}: {e.message}" for e in failed.report.errors]
                raise CommandError(
                    "The importer refused products.csv; nothing was loaded.\n" + "\n".join(errors)
                ) from failed
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo catalog: created {report.vendors_created} IKM, "
                    f"{report.products_created} products, {report.images_created} images and "
                    f"{report.users_created} users in {report.seconds:.1f} s."
                )
            )
            if not (report.vendors_created or report.products_created):
                self.stdout.write("Everything was already there; nothing changed.")
        self.print_logins(report.logins)

    def rebuild_elasticsearch_index(self):
        """Synthetic pages are saved without publish signals: rebuild the products index.

        (Wagtail's own search index is filled by the builder. The curated demo publishes its
        pages, which keeps the Elasticsearch index in step by itself.)
        """
        from search import indexing
        from search.indexing import ENGINE_ERRORS

        if not indexing.enabled():
            return
        try:
            indexing.rebuild_index()
        except ENGINE_ERRORS as error:
            self.stderr.write(
                f"Elasticsearch index not rebuilt ({error}): run `manage.py search_reindex`."
            )
        else:
            self.stdout.write("Elasticsearch products index rebuilt.")

    @contextmanager
    def quiet_wagtail_log(self, verbosity):
        """Wagtail logs every page created and published: hundreds of lines here."""
        logger = logging.getLogger("wagtail")
        level = logger.level
        if verbosity < 2:
            logger.setLevel(logging.WARNING)
        try:
            yield
        finally:
            logger.setLevel(level)

    def progress_bar(self, **kwargs):
        from tqdm import tqdm

        return tqdm(disable=None, file=self.stderr._out, **kwargs)

    def print_logins(self, logins):
        self.stdout.write("")
        if not logins:
            self.stdout.write(
                "No demo accounts yet: run `manage.py load_demo_catalog` (without --if-empty)."
            )
            return
        self.stdout.write(f"Log in at {admin_url()} (every demo account: {DEMO_PASSWORD})")
        self.stdout.write(
            "Staff (operator, curator) must use two-factor sign-in: their first sign-in asks them "
            "to scan a QR code with an authenticator app."
        )
        width = max(len(login.role) for login in logins)
        for login in logins:
            note = f"  ({login.note})" if login.note else ""
            lines = textwrap.wrap(f"{login.username}{note}", 96 - width)
            self.stdout.write(f"  {login.role.ljust(width)}  {lines[0]}")
            for line in lines[1:]:
                self.stdout.write(f"  {' ' * width}  {line}")
