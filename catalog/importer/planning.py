"""Checking every row of a spreadsheet before anything is written (the dry run).

Every error of every row is collected in one pass: a row with a bad price and an unknown
category gets both, and the model's own checks (stock for ready products, lead time for
pre-orders) run on the values that could be read.
"""

from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from catalog.models import Category, Material, ProductPage, Region, VendorPage

from .columns import COLUMNS, FIELD_COLUMNS, INDONESIAN_HEADERS, REQUIRED_COLUMNS, normalise_header
from .images import checked_image
from .reading import read_rows
from .report import ImportReport, RowPlan
from .values import Vocabulary, closest, parse_decimal, parse_int, parse_price, split_list
from .values import unknown as unknown_message

PAGE_TREE_FIELDS = ["path", "depth", "numchild", "url_path", "draft_title", "slug"]
REGION_PREFIXES = {
    "kab": "kabupaten",
    "kab.": "kabupaten",
    "kabupaten": "kabupaten",
    "kota": "kota",
}


def region_key(name):
    """ "Kab. Cirebon" and "kabupaten  cirebon" -> "kabupaten cirebon"."""
    parts = str(name).strip().lower().replace(".", ". ").split()
    if parts and parts[0] in REGION_PREFIXES:
        parts[0] = REGION_PREFIXES[parts[0]]
    return " ".join(p for p in parts if p != ".")


def region_display(name):
    """ "Kab. Indramayu" -> "Kabupaten Indramayu": the name a new region is created with."""
    parts = str(name).strip().replace(".", ". ").split()
    if parts and parts[0].lower() in REGION_PREFIXES:
        parts[0] = REGION_PREFIXES[parts[0].lower()].capitalize()
    return " ".join(p for p in parts if p != ".")


class Planner:
    def plan(self, data, filename):
        report = ImportReport()
        self.vocabulary = Vocabulary()
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
        for column in header:
            if column and column not in COLUMNS:
                report.error(
                    1,
                    column,
                    unknown_message(
                        _("Kolom “%(name)s” tidak dikenal"),
                        column,
                        list(INDONESIAN_HEADERS.values()) + list(COLUMNS),
                    ),
                )
        doubled = sorted({c for c in header if c and header.count(c) > 1})
        if doubled:
            report.error(
                1, ", ".join(doubled), _("Kolom ditulis dua kali: %s.") % ", ".join(doubled)
            )
        if not rows:
            report.error(1, "", _("Berkas tidak berisi baris produk."))
        seen = {}
        for number, row in rows:
            plan = self.plan_row(number, row, report)
            if plan is None:
                report.refused.append((number, row.get("ikm", ""), row.get("name", "")))
                continue
            key = (plan.ikm.lower(), (row.get("sku") or "").upper() or plan.name.lower())
            if key in seen:
                report.error(
                    number,
                    "sku" if row.get("sku") else "name",
                    _("Produk yang sama sudah ada di baris %(row)s.") % {"row": seen[key]},
                )
                report.refused.append((number, plan.ikm, plan.name))
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

    def find_region(self, name):
        region = (
            Region.objects.filter(name__iexact=name.strip()).first()
            or Region.objects.filter(slug=slugify(name)).first()
        )
        if region is None:
            key = region_key(name)
            region = next((r for r in Region.objects.all() if region_key(r.name) == key), None)
        return region

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
        region_name = row.get("region", "").strip()
        if ikm and vendor is None:
            self.plan_new_vendor(ikm, region_name, fail, report)
        owned = self.own_vendor_ids
        if vendor is not None and owned is not None and vendor.pk not in owned:
            fail("ikm", _("Anda hanya dapat mengimpor produk IKM Anda sendiri."))
            return None
        plan = RowPlan(number, ikm, name, "create", vendor=vendor, region=region_name)
        category = self.plan_taxonomy(plan, row, fail, report)
        plan.values = self.plan_values(row, fail)
        plan.values["title"] = name
        if row.get("sku", "").strip():
            plan.values["sku"] = row["sku"].strip().upper()
        if "description" in row:
            plan.has_description = True
            plan.description = row["description"].strip()[:5000]
        self.plan_images(plan, row, fail)
        if vendor is not None:
            plan.product = self.match(vendor, plan.values.get("sku"), name)
            plan.action = "update" if plan.product else "create"
        self.validate_model(plan, category, report)
        plan.values["category"] = category
        return plan if len(report.errors) == errors_before else None

    def plan_new_vendor(self, ikm, region_name, fail, report):
        if not self.create_missing:
            names = VendorPage.objects.values_list("title", flat=True)
            fail("ikm", unknown_message(_("IKM “%(name)s” tidak terdaftar"), ikm, names))
            return
        report.note_new("ikm", ikm)
        if not region_name:
            fail("region", _("Isi wilayah untuk IKM baru."))
        elif self.find_region(region_name) is None:
            report.note_new("region", region_display(region_name))

    def plan_taxonomy(self, plan, row, fail, report):
        category_name = row.get("category", "").strip()
        sub_name = row.get("subcategory", "").strip()
        category = self.find_category(category_name) if category_name else None
        if category_name and category is None:
            if self.create_missing:
                report.note_new("category", category_name)
            else:
                names = Category.objects.filter(parent=None).values_list("name", flat=True)
                fail(
                    "category",
                    unknown_message(_("Kategori “%(name)s” tidak dikenal"), category_name, names),
                )
        if sub_name:
            sub = self.find_category(sub_name, category) if category else None
            if sub is None and self.create_missing:
                report.note_new("category", f"{category_name} › {sub_name}")
            elif sub is None:
                names = Category.objects.filter(parent=category).values_list("name", flat=True)
                message = _("Subkategori “%(name)s” tidak ada di bawah “%(parent)s”") % {
                    "name": sub_name,
                    "parent": category_name,
                }
                suggestion = closest(sub_name, names) if category else None
                fail(
                    "subcategory",
                    _("%(message)s; mungkin “%(suggestion)s”?")
                    % {"message": message, "suggestion": suggestion}
                    if suggestion
                    else message + ".",
                )
            category = sub or category
        plan.category_path = (category_name, sub_name)
        for material_name in split_list(row.get("materials", "")):
            material = (
                Material.objects.filter(name__iexact=material_name).first()
                or Material.objects.filter(slug=slugify(material_name)).first()
            )
            if material is None and self.create_missing:
                report.note_new("material", material_name)
            elif material is None:
                names = Material.objects.values_list("name", flat=True)
                fail(
                    "materials",
                    unknown_message(_("Bahan “%(name)s” tidak dikenal"), material_name, names),
                )
            plan.materials.append(material or material_name)
        plan.tags = split_list(row.get("tags", ""))[:20]
        return category

    def plan_values(self, row, fail):
        parsers = {
            "price": parse_price,
            "min_order": lambda t: parse_int(t, 1),
            "stock": parse_int,
            "lead_time_days": parse_int,
            "weight_grams": parse_int,
            "length_cm": parse_decimal,
            "width_cm": parse_decimal,
            "height_cm": parse_decimal,
            "price_unit": self.vocabulary.parse_unit,
            "availability": self.vocabulary.parse_availability,
        }
        values = {}
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
        return values

    def plan_images(self, plan, row, fail):
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
        """The model's own checks on what could be read; fields already wrong are left out so
        one mistake is reported once."""
        if plan.product is not None:
            page = plan.product.get_latest_revision_as_object()
        else:
            page = ProductPage(slug="x")
        self.apply(page, plan, category)
        wrong = {e.column for e in report.errors if e.row == plan.row}
        exclude = [*PAGE_TREE_FIELDS, *(f for f, c in FIELD_COLUMNS.items() if c in wrong)]
        if category is None:
            exclude.append("category")
        try:
            page.full_clean(exclude=exclude)
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                column = FIELD_COLUMNS.get(field_name, normalise_header(field_name))
                for message in messages:
                    report.error(plan.row, column, message)
