"""What the demo adds to an imported product or IKM: the structured description (about,
specifications, care), certificates, English text, and drawn pictures stored through the image
gate."""

import datetime
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify

from catalog.image_gate import check_image
from catalog.models import CatalogImage

VIEW_ALT = ("", ", dilihat dari dekat", ", difoto dari sudut lain")
VIEW_CAPTION = ("", "Detail dari dekat", "Dari sudut lain")


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def ensure_image(title, collection, alt, draw, report, existing=None):
    """The image titled `title` in `collection`; `draw()` makes its JPEG bytes if it's missing.

    `existing` is an optional {title: image} cache of the collection. The drawing passes the
    same image gate as an upload, which also measures it from its header (nothing is decoded).
    """
    if existing is not None:
        image = existing.get(title)
    else:
        image = CatalogImage.objects.filter(title=title, collection=collection).first()
    if image is not None:
        return image
    data, name = draw(), f"{slugify(title)[:80] or 'gambar'}.jpg"
    checked = check_image(data, name)
    image = CatalogImage(
        title=title,
        description=alt[:255],
        collection=collection,
        width=checked.width,
        height=checked.height,
        file=ContentFile(data, name=name),
    )
    image._set_image_file_metadata()
    image.save()
    report.images_created += 1
    if existing is not None:
        existing[title] = image
    return image


def _block_id(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "etalase-ikm/" + "/".join(map(str, parts))))


def _number(value):
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",")


def weight_text(grams):
    if grams >= 1000:
        return f"{_number(round(grams / 1000, 1))} kg"
    return f"{grams} gram"


def size_text(size):
    parts = [_number(v) for v in size if v]
    return " × ".join(parts) + " cm" if parts else ""


def description_blocks(key, detail, rows, care=""):
    blocks = [
        {"type": "heading", "value": "Tentang produk", "id": _block_id(key, "h1")},
        {"type": "paragraph", "value": f"<p>{escape(detail)}</p>", "id": _block_id(key, "p1")},
        {"type": "heading", "value": "Spesifikasi", "id": _block_id(key, "h2")},
        {
            "type": "specifications",
            "value": {
                "rows": [
                    {
                        "type": "item",
                        "value": {"label": label, "value": value},
                        "id": _block_id(key, "row", n),
                    }
                    for n, (label, value) in enumerate(rows)
                ]
            },
            "id": _block_id(key, "spec"),
        },
    ]
    if care:
        blocks += [
            {"type": "heading", "value": "Perawatan dan penyimpanan", "id": _block_id(key, "h3")},
            {"type": "paragraph", "value": f"<p>{escape(care)}</p>", "id": _block_id(key, "p2")},
        ]
    return blocks


def english_fields(sku, english):
    """The English fields of a product from its {"title", "summary", "description"} (or {})."""
    if not english:
        return {}
    key = f"etalase-ikm/{sku}/en"
    return {
        "title_en": english["title"],
        "summary_en": english["summary"],
        "listing_summary_en": english["summary"],
        "description_en": [
            {
                "type": "heading",
                "value": "About this product",
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, key + "/h1")),
            },
            {
                "type": "paragraph",
                "value": f"<p>{escape(english['description'])}</p>",
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, key + "/p1")),
            },
        ],
    }


def care_for(category, care):
    parent = category.parent.slug if category.parent_id else category.slug
    if parent in ("batik",):
        return care["batik"]
    return care.get(category.slug) or care.get(parent, "")


def spec_rows(specs, materials, size, weight, min_order, unit, lead):
    """The specification table: the product's own rows, then what its fields say."""
    rows = [tuple(row) for row in specs]
    if materials:
        rows.append(("Bahan", ", ".join(materials)))
    if size and any(size):
        rows.append(("Ukuran", size_text(size)))
    if weight:
        rows.append(("Berat", weight_text(weight)))
    rows.append(("Minimal pemesanan", f"{min_order} {unit}"))
    if lead:
        rows.append(("Waktu produksi", f"{lead} hari"))
    return rows


def certificate(model, taxonomy, spec, n=0):
    """A certificate from its data: type, number (`{n}` filled in), issued so many days ago,
    valid so many days (or for good), verified or not."""
    issued = days_ago(spec["issued_days_ago"])
    valid = spec["valid_days"]
    return model(
        certificate_type=taxonomy.certificate_types[spec["type"]],
        number=spec["number"].format(n=n),
        issued_on=issued,
        expires_on=issued + datetime.timedelta(days=valid) if valid else None,
        verified=spec["verified"],
        sort_order=n,
    )
