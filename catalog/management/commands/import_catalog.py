"""Import products from a spreadsheet: `manage.py import_catalog FILE [options]`.

    manage.py import_catalog produk.xlsx --dry-run          # check and preview, write nothing
    manage.py import_catalog produk.csv --images foto/      # image column: files in foto/
    manage.py import_catalog produk.csv --create-missing --publish
    manage.py import_catalog produk.csv --user pemilik.trusmi   # as an owner: own IKM only,
                                                               # submitted to Kurasi

    manage.py import_catalog produk.csv --skip-invalid      # write the good rows, list the rest

Everything or nothing by default: one bad row and no row is written; every error is listed with
its row and column. With --skip-invalid the good rows are written and every refused row is
listed. Re-importing updates the products matched by IKM and SKU (or name).
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from catalog.importer import CatalogImporter, ImageSource, ImportFailed


class Command(BaseCommand):
    help = "Import products from a CSV or XLSX file (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .csv or .xlsx file (see the template in the admin).")
        parser.add_argument("--dry-run", action="store_true", help="Check and preview only.")
        parser.add_argument(
            "--images",
            metavar="DIR",
            help="Folder of the files named in the image column (default: the file's folder).",
        )
        parser.add_argument(
            "--create-missing",
            action="store_true",
            help="Create missing IKM (needs the region column), regions, categories and materials.",
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Write the valid rows and list the refused ones (default: all or nothing).",
        )
        parser.add_argument("--publish", action="store_true", help="Publish the products now.")
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="Import as this user (an owner: own IKM only, changes go to Kurasi).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"No such user: {options['user']}")
        try:
            images = ImageSource(folder=options["images"] or path.parent)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        importer = CatalogImporter(
            user,
            create_missing=options["create_missing"],
            publish=options["publish"],
            images=images,
            skip_invalid=options["skip_invalid"],
        )
        data = path.read_bytes()
        if options["dry_run"]:
            report = importer.plan(data, path.name)
            for row in report.rows:
                self.stdout.write(f"row {row.row}: {row.action} {row.ikm} / {row.name}")
            self.write_errors(report)
            self.write_new_names(report, "Would create")
            if not report.ok and not options["skip_invalid"]:
                raise CommandError(f"{len(report.errors)} error(s); nothing would be imported.")
            self.stdout.write(self.style.SUCCESS(f"Dry run: {len(report.rows)} row(s) are fine."))
            return

        def progress(rows):
            return tqdm(
                rows,
                desc="import",
                unit="row",
                disable=options["no_progress"],
                file=self.stderr._out,
            )

        try:
            report = importer.commit(data, path.name, progress=progress)
        except ImportFailed as failed:
            self.write_errors(failed.report)
            raise CommandError(
                f"{len(failed.report.errors)} error(s); nothing was imported."
            ) from failed
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(report.rows)} row(s): {report.created} created, "
                f"{report.updated} updated, {report.published} published, "
                f"{report.submitted} submitted for review, {report.images} image(s), "
                f"{len(report.new_vendors)} new IKM."
            )
        )
        self.write_new_names(report, "Created")
        if report.refused:
            self.write_errors(report)
            self.stderr.write(
                f"Refused {len(report.refused)} row(s): "
                + ", ".join(str(row) for row, _ikm, _name in report.refused)
            )

    def write_errors(self, report):
        for error in report.errors:
            self.stderr.write(f"row {error.row}, column {error.column or '-'}: {error.message}")

    def write_new_names(self, report, verb):
        for kind, names in report.new_names.items():
            self.stdout.write(f"{verb} {kind}: {', '.join(names)}")
