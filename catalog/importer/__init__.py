"""Spreadsheet import of products (CSV or XLSX), for operators and IKM owners.

Two steps: `plan()` reads and checks every row and reports what would happen (the dry-run
preview) with a per-row error list (row, column, message in the active language); `commit()`
writes everything in one transaction, or nothing when any row is wrong. Re-importing updates
the products matched by IKM and SKU (or by name when a row has no SKU) instead of adding
duplicates.

People write spreadsheets their own way, so the importer reads them that way: Indonesian or
English headers in any case and spacing (columns.py), availability and units as written
("ready stock", "Pre Order", "toples", "m2"; units are the curators' catalog.Unit list with its
aliases), prices as "Rp 1.750.000" or "1.750.000,00" (catalog/rupiah.py). Every error of every
row comes out of one pass, each naming the row, the column, what was found and the closest known
value. `skip_invalid` writes the good rows and lists the refused ones.

Who may do what:
- operators (the command, or `catalog.import_any_catalog`): any IKM; `create_missing` adds
  missing IKM (through the onboarding service), regions, categories and materials;
  `publish` publishes.
- owners: only rows of their own IKM (other rows are errors); every change is saved as a
  revision and submitted to the Kurasi workflow, so a curator approves it before buyers see it.

Images come from a zip upload (admin) or a folder (command), by file name in the `image`
column (several separated by `;` or `,`); each passes the project's image gate
(catalog/image_gate.py: type from the content, byte and pixel limits before decoding) and is
stored in the IKM's collection, reused when the same file was imported before. A zip is
refused whole when it is not a zip or would unpack to more than `MAX_ZIP_UNPACKED_BYTES`
(the sizes its directory declares, read before anything is extracted); an entry that cannot be
read (a bad checksum, an unknown compression, a password) is an error on the row naming it.
"""

from .columns import (
    COLUMNS,
    EXAMPLE_ROW,
    FIELD_COLUMNS,
    INDONESIAN_HEADERS,
    REQUIRED_COLUMNS,
    canonical_column,
    normalise_header,
)
from .core import CatalogImporter
from .images import MAX_IMAGES, MAX_ZIP_UNPACKED_BYTES, ZIP_ERRORS, ImageSource, checked_image
from .planning import PAGE_TREE_FIELDS
from .reading import MAX_ROWS, read_rows
from .report import ImportFailed, ImportReport, RowError, RowPlan
from .template import template_csv, template_xlsx
from .values import parse_choice, parse_decimal, parse_int, parse_price, split_list

__all__ = [
    "COLUMNS",
    "EXAMPLE_ROW",
    "FIELD_COLUMNS",
    "INDONESIAN_HEADERS",
    "MAX_IMAGES",
    "MAX_ROWS",
    "MAX_ZIP_UNPACKED_BYTES",
    "PAGE_TREE_FIELDS",
    "REQUIRED_COLUMNS",
    "ZIP_ERRORS",
    "CatalogImporter",
    "ImageSource",
    "ImportFailed",
    "ImportReport",
    "RowError",
    "RowPlan",
    "canonical_column",
    "checked_image",
    "normalise_header",
    "parse_choice",
    "parse_decimal",
    "parse_int",
    "parse_price",
    "read_rows",
    "split_list",
    "template_csv",
    "template_xlsx",
]
