"""The synthetic catalog: many IKM and products from the demo vocabularies, for load testing.

`build_synthetic(n)` tops the catalog up to n generated products (`make bench` uses 10,000 and
more). The vocabularies (product families, names, places) are data, in demo/data/synthetic.json;
the pages are inserted in bulk without revisions and indexed once at the end, since a bench
catalog of 50,000 products must build in seconds, not through the importer's per-row checks.
"""

import datetime
import time
from dataclasses import dataclass, field
from functools import cache

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Collection

from catalog.models import (
    CatalogImage,
    ProductCertificate,
    ProductGalleryImage,
    ProductPage,
    ProductTag,
    VendorPage,
)
from catalog.signals import demo_catalog_built
from demo import data, pictures
from demo.accounts import BuildReport, demo_logins, ensure_staff_users
from demo.bulk import bulk_build, fast_add_children, site_pages
from demo.content import (
    VIEW_ALT,
    VIEW_CAPTION,
    care_for,
    certificate,
    description_blocks,
    ensure_image,
    spec_rows,
)
from demo.taxonomy import ensure_taxonomy

SYNTHETIC_COLLECTION = "Demo sintetis"
SYNTHETIC_SKU_PREFIX = "SX-"


@dataclass
class Item:
    name: str
    category: str
    unit: str
    price: tuple
    hs: str
    materials: tuple
    kind: str
    alt: str  # "{v}" is replaced by the variant's description
    options: dict = field(default_factory=dict)
    size: tuple | None = None
    weight: int = 500


@dataclass
class Family:
    key: str
    prefix: str
    region: str
    sentra: str | None
    places: tuple
    items: tuple
    variants: tuple  # (name, image options, alt description)
    blurb: str
    certs: tuple = ()


@cache
def vocabulary():
    return data.synthetic()


@cache
def families():
    return tuple(
        Family(
            key=spec["key"],
            prefix=spec["prefix"],
            region=spec["region"],
            sentra=spec["sentra"],
            places=tuple(spec["places"]),
            items=tuple(Item(**data.frozen(item)) for item in spec["items"]),
            variants=tuple(
                (v["name"], data.frozen(v["options"]), v["alt"]) for v in spec["variants"]
            ),
            blurb=spec["blurb"],
            certs=tuple(spec["certificates"]),
        )
        for spec in vocabulary()["families"]
    )


def _roman(n):
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while n >= value:
            out += letters
            n -= value
    return out


def synthetic_vendor_spec(v):
    """Deterministic name, family and place of synthetic IKM number v (0-based)."""
    family = families()[v % len(families())]
    k = v // len(families())
    words = vocabulary()["name_words"]
    word = words[k % len(words)]
    place = family.places[(k // len(words)) % len(family.places)]
    series = k // (len(words) * len(family.places))
    title = f"{family.prefix} {word} {place}" + (f" {_roman(series + 1)}" if series else "")
    return family, title, place


def synthetic_vendor_slug(v):
    _, title, _ = synthetic_vendor_spec(v)
    return f"{slugify(title)}-{v + 1:04d}"


def synthetic_product_spec(i, vendors):
    """Product number i (0-based) belongs to IKM i % vendors; its name comes from the family."""
    v = i % vendors
    j = i // vendors
    family = families()[v % len(families())]
    item_index = j % len(family.items)
    variant_index = (j // len(family.items) + v) % len(family.variants)
    series = j // (len(family.items) * len(family.variants))
    item = family.items[item_index]
    variant = family.variants[variant_index]
    title = f"{item.name} {variant[0]}" + (f" Seri {series + 1}" if series else "")
    return v, family, item_index, variant_index, title


def synthetic_sku(i):
    return f"{SYNTHETIC_SKU_PREFIX}{i + 1:06d}"


def _price(rng, low, high):
    step = 1000 if high < 200_000 else 5000 if high < 1_000_000 else 25_000
    return round(rng.uniform(low, high) / step) * step


class SyntheticImages:
    """A small pool of pictures reused by thousands of synthetic products and IKM."""

    def __init__(self, report, motif_names):
        self.motif_names = motif_names
        root = Collection.get_first_root_node()
        self.collection = root.get_children().filter(name=SYNTHETIC_COLLECTION).first()
        if self.collection is None:
            self.collection = root.add_child(name=SYNTHETIC_COLLECTION)
        self.existing = {
            image.title: image for image in CatalogImage.objects.filter(collection=self.collection)
        }
        self.report = report

    def product(self, family, item_index, variant_index, view):
        item = family.items[item_index]
        name, options, description = family.variants[variant_index]
        options = {**item.options, **options}
        alt = item.alt.format(v=description) + VIEW_ALT[view]
        title = f"Sintetis {family.key} {item_index}-{variant_index} ({view + 1})"
        return ensure_image(
            title,
            self.collection,
            alt,
            lambda: pictures.product_image(item.kind, title, view=view, **options),
            self.report,
            existing=self.existing,
        )

    def logo(self, family, title):
        initials = pictures.initials(title.replace(family.prefix, ""))
        palette_name = family.variants[0][1].get("palette", "sogan")
        key = f"Sintetis logo {initials} {palette_name}"
        return ensure_image(
            key,
            self.collection,
            f"Logo berupa huruf {initials} di dalam lingkaran",
            lambda: pictures.logo_image(key, palette_name=palette_name, text=initials),
            self.report,
            existing=self.existing,
        )

    def cover(self, family):
        item = family.items[0]
        name, options, description = family.variants[0]
        options = {**item.options, **options}
        options = {"motif": "megamendung", "palette": "biru", **options}
        title = f"Sintetis sampul {family.key}"
        alt = item.alt.format(v=description)
        return ensure_image(
            title,
            self.collection,
            f"Sampul: pola batik {self.motif_names[options['motif']]} "
            f"dan {alt[0].lower()}{alt[1:]}",
            lambda: pictures.cover_image(item.kind, title, **options),
            self.report,
            existing=self.existing,
        )


def build_synthetic(products, vendors=None, progress=None, references=False):
    """Top the synthetic catalog up to `products` products across `vendors` IKM. Idempotent.

    Synthetic IKM have slugs ending in their number (batik-tulis-sekar-trusmi-0001); synthetic
    products have SKUs SX-000001, ... Existing ones are kept, missing ones are created, so a
    second run with the same numbers creates nothing. `progress` is a tqdm-like factory.

    For speed, pages are inserted without revisions or log entries and indexed for search in
    bulk at the end; Wagtail's reference index (image usage in the admin) is only updated with
    `references=True` (or later with `manage.py rebuild_references_index`).
    """
    vendors = vendors or max(1, products // 20)
    started = time.perf_counter()
    report = BuildReport()
    now = timezone.now()
    rng_base = "synthetic"
    with transaction.atomic(), bulk_build(references=references):
        taxonomy = ensure_taxonomy()
        vendor_index = site_pages()
        ensure_staff_users(report)
        images = SyntheticImages(report, taxonomy.motif_names)

        slugs = [synthetic_vendor_slug(v) for v in range(vendors)]
        existing = {
            page.slug: page
            for page in VendorPage.objects.child_of(vendor_index).filter(slug__in=slugs)
        }
        new_vendors = []
        for v, slug in enumerate(slugs):
            if slug in existing:
                continue
            family, title, place = synthetic_vendor_spec(v)
            rng = pictures.rng_for(rng_base, "vendor", v)
            words = vocabulary()
            region = taxonomy.regions[family.region]
            owner = f"{rng.choice(words['first_names'])} {rng.choice(words['last_names'])}"
            page = VendorPage(
                title=title,
                slug=slug,
                listing_summary=f"{family.prefix} dari {place}, {region.name}. {family.blurb}",
                owner_names=owner,
                story=f"<p>{escape(title)} adalah usaha keluarga {escape(owner)} di "
                f"{escape(place)}. {escape(family.blurb)}</p>",
                region=region,
                sentra=taxonomy.sentra.get(family.sentra) if family.sentra else None,
                address=f"{rng.choice(words['streets'])} {place} No. {rng.randint(1, 180)}, "
                f"{region.name}",
                whatsapp=f"+62{rng.choice(('812', '813', '857', '878'))}0000{v % 10000:04d}",
                nib=f"9{v:012d}",
                year_founded=rng.randint(1975, 2022),
                workforce=rng.randint(2, 60),
                monthly_capacity=f"{rng.randint(1, 40) * 50} unit",
                export_ready=rng.random() < 0.15,
                logo=images.logo(family, title),
                cover_image=images.cover(family),
            )
            new_vendors.append(page)
            existing[slug] = page
        if new_vendors:
            fast_add_children(vendor_index, new_vendors, now)
            report.vendors_created = len(new_vendors)

        skus = set(
            ProductPage.objects.filter(sku__startswith=SYNTHETIC_SKU_PREFIX).values_list(
                "sku", flat=True
            )
        )
        missing = [i for i in range(products) if synthetic_sku(i) not in skus]
        by_vendor = {}
        for i in missing:
            by_vendor.setdefault(i % vendors, []).append(i)
        tags = {}
        bar = progress(total=len(missing), unit="produk") if progress and missing else None
        new_product_ids = []
        for v, indices in sorted(by_vendor.items()):
            vendor = existing[slugs[v]]
            used_slugs = set(ProductPage.objects.child_of(vendor).values_list("slug", flat=True))
            pages, extras = [], []
            for i in indices:
                page, extra = _synthetic_product(
                    i, vendors, vendor, taxonomy, images, used_slugs, rng_base
                )
                # Spread publication over the past weeks: "newest first" listings vary.
                page.first_published_at = now - datetime.timedelta(minutes=7 * (products - i))
                pages.append(page)
                extras.append(extra)
            fast_add_children(vendor, pages, now)
            _synthetic_relations(pages, extras, taxonomy, tags)
            new_product_ids.extend(page.pk for page in pages)
            if bar is not None:
                bar.update(len(pages))
        if bar is not None:
            bar.close()
        report.products_created = len(new_product_ids)

    demo_catalog_built.send(sender=build_synthetic)
    report.logins = demo_logins()
    report.seconds = time.perf_counter() - started
    return report


def _synthetic_product(i, vendors, vendor, taxonomy, images, used_slugs, rng_base):
    v, family, item_index, variant_index, title = synthetic_product_spec(i, vendors)
    item = family.items[item_index]
    rng = pictures.rng_for(rng_base, "product", i)
    slug = slugify(title)
    if slug in used_slugs:
        slug = f"{slug}-{i + 1}"
    used_slugs.add(slug)
    category = taxonomy.categories[item.category]
    roll = rng.random()
    if roll < 0.65:
        availability, stock, lead = ProductPage.Availability.READY, rng.randint(0, 300), None
    elif roll < 0.8:
        availability, stock, lead = ProductPage.Availability.PREORDER, None, rng.randint(7, 30)
    else:
        availability, stock, lead = (
            ProductPage.Availability.MADE_TO_ORDER,
            None,
            rng.randint(7, 60),
        )
    price = None if rng.random() < 0.05 else _price(rng, *item.price)
    min_order = rng.choice((1, 1, 1, 2, 5, 10, 12)) if item.unit != "kodi" else 1
    summary = f"{title} dari {vendor.title}. {family.blurb}"[:300]
    size = item.size or (None, None, None)
    page = ProductPage(
        title=title,
        slug=slug,
        sku=synthetic_sku(i),
        summary=summary,
        listing_summary=summary,
        category=category,
        price=price,
        price_unit=item.unit,
        min_order=min_order,
        availability=availability,
        stock=stock,
        lead_time_days=lead,
        length_cm=size[0],
        width_cm=size[1],
        height_cm=size[2],
        weight_grams=item.weight,
        hs_code=item.hs,
        description=description_blocks(
            synthetic_sku(i),
            f"{title} buatan {vendor.title}. {family.blurb}",
            spec_rows(
                (),
                [taxonomy.materials[m].name for m in item.materials],
                item.size,
                item.weight,
                min_order,
                item.unit,
                lead,
            ),
            care_for(category, taxonomy.care),
        ),
        vendor=vendor,
    )
    photos = 1 + (i // vendors) % 2
    gallery = [images.product(family, item_index, variant_index, view) for view in range(photos)]
    tags = (family.prefix.lower(), item.name.split()[0].lower())
    certs = family.certs if (family.certs and rng.random() < 0.6) else ()
    return page, {"gallery": gallery, "tags": tags, "certs": certs, "i": i, "item": item}


def _synthetic_relations(pages, extras, taxonomy, tag_cache):
    """Gallery images, materials, tags and certificates of new synthetic products, in bulk."""
    gallery, through, tagged, certificates = [], [], [], []
    material_through = ProductPage.materials.through
    for page, extra in zip(pages, extras, strict=True):
        for n, image in enumerate(extra["gallery"]):
            gallery.append(
                ProductGalleryImage(page=page, image=image, sort_order=n, caption=VIEW_CAPTION[n])
            )
        for slug in extra["item"].materials:
            through.append(
                material_through(productpage_id=page.pk, material_id=taxonomy.materials[slug].pk)
            )
        for name in extra["tags"]:
            if name not in tag_cache:
                tag_cache[name], _ = Tag.objects.get_or_create(
                    slug=slugify(name), defaults={"name": name}
                )
            tagged.append(ProductTag(content_object=page, tag=tag_cache[name]))
        for n, spec in enumerate(extra["certs"]):
            certificates.append(certificate(ProductCertificate, taxonomy, spec, extra["i"]))
            certificates[-1].page = page
            certificates[-1].sort_order = n
    ProductGalleryImage.objects.bulk_create(gallery)
    material_through.objects.bulk_create(through)
    ProductTag.objects.bulk_create(tagged)
    ProductCertificate.objects.bulk_create(certificates)
