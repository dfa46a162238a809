"""Spreadsheet import of products (CSV or XLSX), for operators and IKM owners.

Two steps: `plan()` reads and checks every row and reports what would happen (the dry-run
preview) with a per-row error list (row, column, message in the active language); `commit()`
writes everything in one transaction, or nothing when any row is wrong. Re-importing updates
the products matched by IKM and SKU (or by name when a row has no SKU) instead of adding
duplicates.

Who may do what:
- operators (the command, or `catalog.import_any_catalog`): any IKM; `create_missing` adds
  missing IKM (through the onboarding service), categories and materials; `publish` publishes.
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

import csv
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from catalog.image_gate import check_image
from catalog.models import (
    CatalogImage,
    Category,
    Material,
    ProductGalleryImage,
    ProductPage,
    VendorPage,
)
from catalog.ownership import ensure_vendor_collection, vendor_group, vendors_owned_by

COLUMNS = (
    "ikm",
    "region",
    "sku",
    "name",
    "category",
    "subcategory",
    "description",
    "price",
    "price_unit",
    "min_order",
    "stock",
    "availability",
    "lead_time_days",
    "materials",
    "weight_grams",
    "length_cm",
    "width_cm",
    "height_cm",
    "tags",
    "image",
)
REQUIRED_COLUMNS = ("ikm", "name", "category")
EXAMPLE_ROW = {
    "ikm": "Batik Ibu Siti",
    "region": "Kabupaten Cirebon",
    "sku": "BTS-001",
    "name": "Batik Tulis Mega Mendung Biru",
    "category": "Batik",
    "subcategory": "Batik Tulis",
    "description": "Kain batik tulis katun primisima, pewarna alam.",
    "price": "Rp 450.000",
    "price_unit": "lembar",
    "min_order": "1",
    "stock": "12",
    "availability": "ready",
    "lead_time_days": "",
    "materials": "Katun; Pewarna alam",
    "weight_grams": "350",
    "length_cm": "200",
    "width_cm": "115",
    "height_cm": "",
    "tags": "mega mendung, batik tulis",
    "image": "bts-001.jpg",
}
# Model field -> spreadsheet column, to put a model validation error in the right column.
FIELD_COLUMNS = {
    "title": "name",
    "sku": "sku",
    "category": "category",
    "price": "price",
    "price_unit": "price_unit",
    "min_order": "min_order",
    "stock": "stock",
    "availability": "availability",
    "lead_time_days": "lead_time_days",
    "weight_grams": "weight_grams",
    "length_cm": "length_cm",
    "width_cm": "width_cm",
    "height_cm": "height_cm",
}
MAX_ROWS = 5000
MAX_IMAGES = 1000
# What a photo zip may unpack to, all entries together (the upload itself is at most 50 MB;
# photos hardly compress, so more than this is a zip bomb, not a catalog).
MAX_ZIP_UNPACKED_BYTES = 200 * 1024 * 1024
# What reading a zip or one of its entries raises when the archive is broken or hostile.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    RuntimeError,
)
LIST_SPLIT = re.compile(r"\s*[;,]\s*")
PAGE_TREE_FIELDS = ["path", "depth", "numchild", "url_path", "draft_title", "slug"]


class ImportFailed(Exception):
    """The import was not committed; `report.errors` says why."""

    def __init__(self, report):
        super().__init__(f"{len(report.errors)} error(s)")
        self.report = report


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class RowPlan:
    row: int
    ikm: str
    name: str
    action: str  # "create" or "update"
    vendor: VendorPage | None = None
    product: ProductPage | None = None
    values: dict = field(default_factory=dict)
    materials: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    images: list = field(default_factory=list)
    category_path: tuple = ()
    region: str = ""
    description: str = ""
    has_description: bool = False


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    created: int = 0
    updated: int = 0
    published: int = 0
    submitted: int = 0
    images: int = 0
    new_vendors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def error(self, row, column, message):
        self.errors.append(RowError(row, column, str(message)))


# --- Reading files -----------------------------------------------------------------------------


def normalise_header(value):
    return re.sub(r"[\s-]+", "_", str(value or "").strip().lower())


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_rows(data, filename):
    """(header, [(row number, {column: text})]) from CSV or XLSX bytes."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
            raise ValidationError(_("Berkas XLSX tidak dapat dibaca.")) from error
        sheet = workbook.worksheets[0]
        raw = ([_cell(v) for v in row] for row in sheet.iter_rows(values_only=True))
    elif name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        raw = ([_cell(v) for v in row] for row in csv.reader(io.StringIO(text), dialect))
    else:
        raise ValidationError(_("Pilih berkas .csv atau .xlsx."))
    header = None
    rows = []
    for number, values in enumerate(raw, start=1):
        if header is None:
            if any(values):
                header = [normalise_header(v) for v in values]
            continue
        if not any(values):
            continue
        if len(rows) >= MAX_ROWS:
            raise ValidationError(_("Paling banyak %(n)s baris per berkas.") % {"n": MAX_ROWS})
        rows.append((number, dict(zip(header, values, strict=False))))
    return header or [], rows


# --- Parsing cells -----------------------------------------------------------------------------


def parse_price(text):
    """150000, 150.000, Rp 150.000, Rp150.000,00 -> 150000; empty -> None."""
    text = str(text).strip()
    if not text:
        return None
    cleaned = re.sub(r"(?i)^rp\.?\s*", "", text).replace(" ", "")
    cleaned = re.sub(r",0{1,2}$", "", cleaned)
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")
    elif re.fullmatch(r"\d+\.0+", cleaned):
        cleaned = cleaned.split(".")[0]
    if not cleaned.isdigit():
        raise ValueError(_("Harga tidak dikenali: tulis 150000, 150.000 atau Rp 150.000."))
    return int(cleaned)


def parse_int(text, minimum=0):
    text = str(text).strip().replace(".", "") if str(text).strip() else ""
    if not text:
        return None
    if not text.isdigit() or int(text) < minimum:
        raise ValueError(_("Harus bilangan bulat %(min)s atau lebih.") % {"min": minimum})
    return int(text)


def parse_decimal(text):
    text = str(text).strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation as error:
        raise ValueError(_("Harus angka, misalnya 12,5.")) from error
    if value < 0 or not value.is_finite():
        raise ValueError(_("Tidak boleh negatif."))
    return value.quantize(Decimal("0.1"))


def parse_choice(text, choices, default):
    text = str(text).strip()
    if not text:
        return default
    for value, label in choices:
        if text.lower() in (str(value).lower(), str(label).lower()):
            return value
    raise ValueError(
        _("Pilih salah satu: %(choices)s.") % {"choices": ", ".join(v for v, _l in choices)}
    )


def split_list(text):
    return [item for item in LIST_SPLIT.split(str(text).strip()) if item]


# --- Image sources -----------------------------------------------------------------------------


class ImageSource:
    """Image files by name: from a zip (admin upload) or a folder (command)."""

    def __init__(self, zip_bytes=None, folder=None):
        self.files = {}
        self.too_large = set()
        self.folder = Path(folder).resolve() if folder else None
        if zip_bytes:
            try:
                archive = zipfile.ZipFile(io.BytesIO(zip_bytes))
                entries = [i for i in archive.infolist() if not i.is_dir()]
            except ZIP_ERRORS as error:
                raise ValidationError(_("Berkas zip foto tidak dapat dibaca.")) from error
            if len(entries) > MAX_IMAGES:
                raise ValidationError(_("Terlalu banyak berkas di dalam zip."))
            if sum(info.file_size for info in entries) > MAX_ZIP_UNPACKED_BYTES:
                raise ValidationError(
                    _("Isi zip foto terlalu besar setelah dibuka (paling besar %(mb)s MB).")
                    % {"mb": MAX_ZIP_UNPACKED_BYTES // (1024 * 1024)}
                )
            for info in entries:
                key = PurePosixPath(info.filename).name.lower()
                if info.file_size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
                    self.too_large.add(key)  # reported when a row names it, never extracted
                    continue
                self.files[key] = (info, archive)

    def read(self, name):
        """The bytes of `name`, or raise ValueError with a message for the report."""
        key = PurePosixPath(name.replace("\\", "/")).name.lower()
        if key in self.too_large:
            raise ValueError(_("Foto “%(name)s” terlalu besar.") % {"name": name})
        if key in self.files:
            info, archive = self.files[key]
            try:
                # The entry's declared size (checked above) bounds what this unpacks.
                return archive.read(info)
            except ZIP_ERRORS as error:
                raise ValueError(
                    _("Foto “%(name)s” di dalam zip rusak atau tidak dapat dibuka.")
                    % {"name": name}
                ) from error
        if self.folder is not None:
            path = (self.folder / name).resolve()
            if not path.is_relative_to(self.folder) or not path.is_file():
                raise ValueError(_("Foto “%(name)s” tidak ditemukan.") % {"name": name})
            if path.stat().st_size > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE:
                raise ValueError(_("Foto “%(name)s” terlalu besar.") % {"name": name})
            try:
                return path.read_bytes()
            except OSError as error:
                raise ValueError(
                    _("Foto “%(name)s” tidak dapat dibaca.") % {"name": name}
                ) from error
        raise ValueError(_("Foto “%(name)s” tidak ada di dalam zip.") % {"name": name})


def checked_image(data, name):
    """(bytes, width, height, extension) of an image that passes the image gate, or ValueError
    whose message names the file and says why."""
    try:
        image = check_image(data, PurePosixPath(name.replace("\\", "/")).name)
    except ValidationError as error:
        raise ValueError(
            _("“%(name)s”: %(reason)s") % {"name": name, "reason": " ".join(error.messages)}
        ) from error
    return data, image.width, image.height, image.extension


# --- The importer ------------------------------------------------------------------------------


class CatalogImporter:
    """Plan and commit one spreadsheet. `user` None means the command (operator rights)."""

    def __init__(self, user=None, *, create_missing=False, publish=False, images=None):
        self.user = user
        self.is_operator = user is None or user.has_perm("catalog.import_any_catalog")
        self.create_missing = create_missing and self.is_operator
        self.publish = publish and self.is_operator
        self.images = images
        self.own_vendor_ids = None if self.is_operator else set(vendors_owned_by(user))

    # -- plan

    def plan(self, data, filename):
        report = ImportReport()
        try:
            header, rows = read_rows(data, filename)
        except ValidationError as error:
            report.error(1, "", "; ".join(error.messages))
            return report
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            report.error(
                1, ", ".join(missing), _("Kolom wajib tidak ada: %s.") % ", ".join(missing)
            )
            return report
        unknown = [c for c in header if c and c not in COLUMNS]
        if unknown:
            report.error(1, ", ".join(unknown), _("Kolom tidak dikenal: %s.") % ", ".join(unknown))
        if not rows:
            report.error(1, "", _("Berkas tidak berisi baris produk."))
        seen = {}
        for number, row in rows:
            plan = self.plan_row(number, row, report)
            if plan is None:
                continue
            key = (plan.ikm.lower(), (row.get("sku") or "").upper() or plan.name.lower())
            if key in seen:
                report.error(
                    number,
                    "sku" if row.get("sku") else "name",
                    _("Produk yang sama sudah ada di baris %(row)s.") % {"row": seen[key]},
                )
                continue
            seen[key] = number
            report.rows.append(plan)
        return report

    def find_vendor(self, name):
        return (
            VendorPage.objects.filter(title__iexact=name).order_by("pk").first()
            or VendorPage.objects.filter(slug=slugify(name)).order_by("pk").first()
        )

    def find_category(self, name, parent=None):
        queryset = Category.objects.filter(parent=parent)
        return (
            queryset.filter(name__iexact=name).first()
            or queryset.filter(slug=slugify(name)).first()
        )

    def plan_row(self, number, row, report):
        errors_before = len(report.errors)

        def fail(column, message):
            report.error(number, column, message)

        ikm = row.get("ikm", "").strip()
        name = row.get("name", "").strip()
        for column in REQUIRED_COLUMNS:
            if not row.get(column, "").strip():
                fail(column, _("Wajib diisi."))
        if len(name) > 255:
            fail("name", _("Paling banyak 255 karakter."))
        vendor = self.find_vendor(ikm) if ikm else None
        if ikm and vendor is None:
            if not self.create_missing:
                fail("ikm", _("IKM “%(name)s” tidak terdaftar.") % {"name": ikm})
            elif not row.get("region", "").strip():
                fail("region", _("Isi wilayah untuk IKM baru."))
        owned = self.own_vendor_ids
        if vendor is not None and owned is not None and vendor.pk not in owned:
            fail("ikm", _("Anda hanya dapat mengimpor produk IKM Anda sendiri."))
            return None
        plan = RowPlan(number, ikm, name, "create", vendor=vendor, region=row.get("region", ""))
        # Taxonomies
        category_name = row.get("category", "").strip()
        sub_name = row.get("subcategory", "").strip()
        category = self.find_category(category_name) if category_name else None
        if category_name and category is None and not self.create_missing:
            fail("category", _("Kategori “%(name)s” tidak dikenal.") % {"name": category_name})
        if sub_name:
            sub = self.find_category(sub_name, category) if category else None
            if sub is None and not self.create_missing:
                fail(
                    "subcategory",
                    _("Subkategori “%(name)s” tidak ada di bawah “%(parent)s”.")
                    % {"name": sub_name, "parent": category_name},
                )
            category = sub or category
        plan.category_path = (category_name, sub_name)
        material_names = split_list(row.get("materials", ""))
        for material_name in material_names:
            material = (
                Material.objects.filter(name__iexact=material_name).first()
                or Material.objects.filter(slug=slugify(material_name)).first()
            )
            if material is None and not self.create_missing:
                fail("materials", _("Bahan “%(name)s” tidak dikenal.") % {"name": material_name})
            plan.materials.append(material or material_name)
        plan.tags = split_list(row.get("tags", ""))[:20]
        # Values
        values = {"title": name}
        if row.get("sku", "").strip():
            values["sku"] = row["sku"].strip().upper()
        parsers = {
            "price": parse_price,
            "min_order": lambda t: parse_int(t, 1),
            "stock": parse_int,
            "lead_time_days": parse_int,
            "weight_grams": parse_int,
            "length_cm": parse_decimal,
            "width_cm": parse_decimal,
            "height_cm": parse_decimal,
            "price_unit": lambda t: parse_choice(t, ProductPage.Unit.choices, None),
            "availability": lambda t: parse_choice(t, ProductPage.Availability.choices, None),
        }
        for column, parser in parsers.items():
            if column not in row:
                continue
            try:
                value = parser(row[column])
            except ValueError as error:
                fail(column, error)
                continue
            if value is not None or column not in ("price_unit", "availability", "min_order"):
                values[column] = value
        if "description" in row:
            plan.has_description = True
            plan.description = row["description"].strip()[:5000]
        plan.values = values
        # Images
        for image_name in split_list(row.get("image", "")):
            if self.images is None:
                fail("image", _("Unggah zip foto untuk kolom image."))
                break
            try:
                plan.images.append(
                    (image_name, *checked_image(self.images.read(image_name), image_name))
                )
            except ValueError as error:
                fail("image", error)
        # Match an existing product and validate the whole product as the model would.
        if vendor is not None:
            plan.product = self.match(vendor, values.get("sku"), name)
            plan.action = "update" if plan.product else "create"
        if len(report.errors) == errors_before and category is not None:
            self.validate_model(plan, category, report)
        plan.values["category"] = category
        return plan if len(report.errors) == errors_before else None

    def match(self, vendor, sku, name):
        products = ProductPage.objects.child_of(vendor)
        if sku:
            return products.filter(sku__iexact=sku).first()
        return products.filter(title__iexact=name).first()

    def apply(self, page, plan, category):
        for name, value in plan.values.items():
            if name != "category":
                setattr(page, name, value)
        page.category = category
        if plan.has_description:
            page.description = (
                [{"type": "paragraph", "value": f"<p>{escape(plan.description)}</p>"}]
                if plan.description
                else []
            )

    def validate_model(self, plan, category, report):
        if plan.product is not None:
            page = plan.product.get_latest_revision_as_object()
        else:
            page = ProductPage(slug="x")
        self.apply(page, plan, category)
        try:
            page.full_clean(exclude=PAGE_TREE_FIELDS)
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                column = FIELD_COLUMNS.get(field_name, field_name)
                for message in messages:
                    report.error(plan.row, column, message)

    # -- commit

    def commit(self, data, filename, progress=None):
        """Plan again and write every row in one transaction; ImportFailed when any row fails."""
        with transaction.atomic():
            report = self.plan(data, filename)
            if not report.ok:
                raise ImportFailed(report)
            rows = progress(report.rows) if progress else report.rows
            for plan in rows:
                try:
                    self.commit_row(plan, report)
                except ValidationError as error:
                    report.error(plan.row, "", "; ".join(error.messages))
            if not report.ok:
                transaction.set_rollback(True)
                raise ImportFailed(report)
        return report

    def ensure_taxonomy(self, plan):
        category_name, sub_name = plan.category_path
        category = self.find_category(category_name)
        if category is None:
            category = Category.objects.create(name=category_name)
        if sub_name:
            sub = self.find_category(sub_name, category)
            category = sub or Category.objects.create(name=sub_name, parent=category)
        materials = [
            m
            if isinstance(m, Material)
            else Material.objects.get_or_create(slug=slugify(m)[:120], defaults={"name": m})[0]
            for m in plan.materials
        ]
        return category, materials

    def commit_row(self, plan, report):
        from catalog.onboarding import onboard_ikm

        vendor = plan.vendor or self.find_vendor(plan.ikm)
        if vendor is None:
            vendor = onboard_ikm(plan.ikm, plan.region, publish=self.publish, invite=False).vendor
            report.new_vendors.append(vendor)
        category, materials = self.ensure_taxonomy(plan)
        product = plan.product or self.match(vendor, plan.values.get("sku"), plan.name)
        if product is None:
            page = ProductPage(slug=self.free_slug(vendor, plan.name), live=False)
            self.apply(page, plan, category)
            page.owner = self.user
            vendor.add_child(instance=page)
            report.created += 1
        else:
            page = product.get_latest_revision_as_object()
            self.apply(page, plan, category)
            report.updated += 1
        page.materials = materials
        if plan.tags:
            page.tags.set(plan.tags)
        if plan.images:
            page.gallery_images = [
                ProductGalleryImage(image=image, sort_order=n)
                for n, image in enumerate(self.store_images(vendor, plan, report))
            ]
        page.full_clean(exclude=PAGE_TREE_FIELDS)
        revision = page.save_revision(user=self.user)
        if self.publish:
            revision.publish(user=self.user)
            report.published += 1
        elif not self.is_operator:
            self.submit(page, report)

    def submit(self, page, report):
        """Submit to the page's workflow (Kurasi) as the owner, restarting one in progress."""
        page = ProductPage.objects.get(pk=page.pk)
        workflow = page.get_workflow()
        if workflow is None:
            return
        current = page.current_workflow_state
        if current is not None:
            current.cancel(user=self.user)
        workflow.start(page, self.user)
        report.submitted += 1

    def free_slug(self, vendor, name):
        base = slugify(name)[:200] or "produk"
        slug, n = base, 1
        siblings = ProductPage.objects.child_of(vendor)
        while siblings.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug

    def store_images(self, vendor, plan, report):
        collection = ensure_vendor_collection(vendor, vendor_group(vendor))
        images = []
        for name, data, width, height, extension in plan.images:
            image = CatalogImage(
                title=f"{plan.name} ({PurePosixPath(name).stem})"[:255],
                description=plan.name[:255],
                collection=collection,
                width=width,
                height=height,
                file=ContentFile(
                    data, name=f"{slugify(PurePosixPath(name).stem) or 'foto'}.{extension}"
                ),
                uploaded_by_user=self.user,
            )
            image._set_file_hash()
            existing = CatalogImage.objects.filter(
                collection=collection, file_hash=image.file_hash
            ).first()
            if existing is not None:
                images.append(existing)
                continue
            image.save()
            report.images += 1
            images.append(image)
        return images


# --- The template ----------------------------------------------------------------------------


def template_csv():
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerow([EXAMPLE_ROW[c] for c in COLUMNS])
    return buffer.getvalue().encode("utf-8-sig")


def template_xlsx():
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Produk"
    sheet.append(list(COLUMNS))
    sheet.append([EXAMPLE_ROW[c] for c in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
