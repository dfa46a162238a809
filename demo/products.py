"""The demo products, through the spreadsheet importer.

The rows of demo/data/products.csv whose product is missing are written to a spreadsheet, their
pictures are drawn into a folder, and `CatalogImporter` imports both as an operator would with
`import_catalog --images FOLDER`: the demo proves the import path, image gate included. The
importer saves each product as a draft; the demo then adds what a spreadsheet cannot say
(products.json: the structured description, summary, certificates, English, captions and alt
text) and publishes, as an editor finishing an imported product would.
"""

import csv
import io
import tempfile
from pathlib import Path

from catalog.importer import COLUMNS, CatalogImporter, ImageSource
from catalog.models import ProductCertificate, ProductGalleryImage, ProductPage
from demo import pictures
from demo.content import (
    VIEW_ALT,
    VIEW_CAPTION,
    care_for,
    certificate,
    description_blocks,
    english_fields,
    spec_rows,
)
from demo.data import cell_list, image_names, picture


def missing_rows(rows, vendors_by_title):
    """The rows whose IKM has no product with that SKU yet."""
    missing = []
    for row in rows:
        vendor = vendors_by_title[row["ikm"]]
        if not ProductPage.objects.child_of(vendor).filter(sku=row["sku"]).exists():
            missing.append(row)
    return missing


def spreadsheet(rows):
    """CSV bytes of `rows` in the importer's format."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, [c for c in COLUMNS if c in rows[0]])
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def draw_pictures(rows, details, folder):
    """Draw the pictures the rows' `image` column names into `folder`: view n of a product is
    its n-th file."""
    for row in rows:
        kind, options = picture(details[row["sku"]]["picture"])
        for view, name in enumerate(image_names(row)):
            data = pictures.product_image(kind, row["sku"], view=view, **options)
            (Path(folder) / name).write_bytes(data)


def import_rows(rows, details):
    """Import `rows` (drafts, pictures included); the importer's report."""
    with tempfile.TemporaryDirectory(prefix="etalase-demo-") as folder:
        draw_pictures(rows, details, folder)
        importer = CatalogImporter(images=ImageSource(folder=folder))
        return importer.commit(spreadsheet(rows), "demo-products.csv")


def finish_product(vendor, row, detail, taxonomy):
    """Add to the imported draft what the spreadsheet has no column for, then publish it."""
    draft = ProductPage.objects.child_of(vendor).get(sku=row["sku"])
    page = draft.get_latest_revision_as_object()
    size = [float(v) if v is not None else None for v in (page.length_cm, page.width_cm)]
    size.append(float(page.height_cm) if page.height_cm is not None else None)
    rows = spec_rows(
        detail.get("specs", ()),
        cell_list(row, "materials"),  # in the order written (the draft's are sorted)
        size,
        page.weight_grams,
        page.min_order,
        page.price_unit,
        page.lead_time_days,
    )
    page.summary = page.listing_summary = detail["summary"]
    page.hs_code = detail.get("hs_code", "")
    page.description = description_blocks(
        page.sku, row["description"], rows, care_for(page.category, taxonomy.care)
    )
    for name, value in english_fields(page.sku, detail.get("english")).items():
        setattr(page, name, value)
    gallery = sorted(page.gallery_images.all(), key=lambda item: item.sort_order)
    for view, item in enumerate(gallery):
        item.image.title = f"{page.title} ({view + 1})"
        item.image.description = (detail["alt"] + VIEW_ALT[view])[:255]
        item.image.save(update_fields=["title", "description"])
    page.gallery_images = [
        ProductGalleryImage(image=item.image, caption=VIEW_CAPTION[view], sort_order=view)
        for view, item in enumerate(gallery)
    ]
    page.certificates = [
        certificate(ProductCertificate, taxonomy, spec, n)
        for n, spec in enumerate(detail.get("certificates", ()))
    ]
    page.save_revision().publish()
    return page
