"""What a printed catalog says: the cover, the contents, each IKM's introduction, the product
entries and the back page, as a template context, in the catalog's language.

Photos are Wagtail renditions sized for print (at most 800 px, JPEG quality 80: 68 mm wide at
300 dpi), referenced by their /media/ URL, which the print renderer reads from disk; never the
uploaded originals. Each entry's QR code opens the product page with `?src=katalog-<scope>`,
counted like a shelf label's visits (showroom/labels.py).
"""

import re
from dataclasses import dataclass, field
from urllib.parse import quote_plus

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalog.money import format_rupiah
from catalog.translation import translated_value
from printing.qr import qr_png_data_uri
from printing.scopes import EXHIBITION
from showroom.labels import CATALOG_SOURCE_PREFIX, SOURCE_PARAM

PHOTO_SPEC = "max-800x800|format-jpeg|jpegquality-80"
NAME_LIMIT = 120


def source_for(scope):
    """The `src` marker of a catalog's QR codes, within what LabelVisit accepts."""
    marker = re.sub(r"[^a-z0-9-]+", "-", f"{scope.kind}-{scope.slug()}".lower()).strip("-")
    return f"{CATALOG_SOURCE_PREFIX}{marker}"[:70].rstrip("-")


def shorten(text, limit=NAME_LIMIT):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def valid_certificates(holder, language):
    return [
        f"{translated_value(cert.certificate_type, 'name', language)} {cert.number}"
        for cert in holder.certificates.all()
        if cert.is_valid
    ]


def photo_url(product):
    items = sorted(product.gallery_images.all(), key=lambda item: item.sort_order or 0)
    if not items:
        return ""
    return items[0].image.get_rendition(PHOTO_SPEC).url


@dataclass
class Entry:
    product: object
    name: str
    vendor_name: str
    price: str
    facts: list
    certificates: list
    photo: str
    url: str
    qr: str


@dataclass
class VendorIntro:
    vendor: object
    anchor: str
    name: str
    story: str
    facts: list
    certificates: list
    contact: list
    map_url: str
    entries: list = field(default_factory=list)


def _size(product):
    sides = [v for v in (product.length_cm, product.width_cm, product.height_cm) if v]
    return " × ".join(f"{float(v):g}" for v in sides) + " cm" if sides else ""


def product_facts(product, language):
    unit = product.get_price_unit_display()
    facts = [(_("Minimal pesan"), f"{product.min_order} {unit}")]
    stock = product.availability_display
    if product.availability == product.Availability.READY and product.stock:
        stock = f"{stock} ({product.stock} {unit})"
    facts.append((_("Stok"), str(stock)))
    if product.lead_time_days:
        days = product.lead_time_days
        facts.append(
            (_("Waktu produksi"), ngettext("%(days)s hari", "%(days)s hari", days) % {"days": days})
        )
    materials = ", ".join(translated_value(m, "name", language) for m in product.materials.all())
    if materials:
        facts.append((_("Bahan"), materials))
    if _size(product):
        facts.append((_("Ukuran"), _size(product)))
    return facts


def entry_for(product, source, language):
    if product.price is None:
        price = _("Harga atas permintaan")
    else:
        amount = format_rupiah(product.price, language=language)
        price = f"{amount} / {product.get_price_unit_display()}"
    url = f"{product.get_full_url()}?{SOURCE_PARAM}={source}"
    return Entry(
        product=product,
        name=shorten(translated_value(product, "title", language)),
        vendor_name=shorten(translated_value(product.vendor, "title", language), 80),
        price=str(price),
        facts=product_facts(product, language),
        certificates=valid_certificates(product, language),
        photo=photo_url(product),
        url=url,
        qr=qr_png_data_uri(url),
    )


def vendor_intro(vendor, language):
    facts = []
    if vendor.nib:
        facts.append((_("NIB"), vendor.nib))
    if vendor.siinas:
        facts.append((_("SIINas"), vendor.siinas))
    if vendor.year_founded:
        facts.append((_("Berdiri"), str(vendor.year_founded)))
    place = ", ".join(filter(None, [vendor.address, vendor.region.name if vendor.region else ""]))
    contact = [
        value
        for value in (
            place,
            vendor.phone_display and f"{_('Telepon')} {vendor.phone_display}",
            vendor.whatsapp_display and f"WhatsApp {vendor.whatsapp_display}",
            vendor.email,
            vendor.website,
        )
        if value
    ]
    map_url = f"https://www.openstreetmap.org/search?query={quote_plus(place)}" if place else ""
    return VendorIntro(
        vendor=vendor,
        anchor=f"ikm-{vendor.pk}",
        name=translated_value(vendor, "title", language),
        story=translated_value(vendor, "story", language),
        facts=facts,
        certificates=valid_certificates(vendor, language),
        contact=contact,
        map_url=map_url,
    )


def period(scope, language):
    if scope.kind == EXHIBITION:
        exhibition = scope.subject
        start = date_format(exhibition.starts_on, "j F Y")
        if exhibition.ends_on:
            return f"{start} – {date_format(exhibition.ends_on, 'j F Y')}"
        return start
    return _("Edisi %(month)s") % {"month": date_format(timezone.localdate(), "F Y")}


def venues(scope, language):
    from showroom.venues import ShowroomPage

    if scope.kind == EXHIBITION and scope.subject.place:
        return [scope.subject.place]
    return [
        translated_value(venue, "title", language)
        for venue in ShowroomPage.objects.live().public().order_by("title")
    ]


def catalog_context(scope, language, paper, ids=None, on_progress=None):
    """The template context of one catalog; `on_progress(done, total)` after each product."""
    from catalog.models import VendorPage

    with translation.override(language):
        products = scope.products(ids)
        source = source_for(scope)
        vendor_ids = list(dict.fromkeys(p.vendor_id for p in products if p.vendor_id))
        vendors = (
            VendorPage.objects.filter(pk__in=vendor_ids)
            .select_related("region")
            .prefetch_related("certificates__certificate_type")
            .in_bulk()
        )
        intros = {pk: vendor_intro(vendors[pk], language) for pk in vendor_ids}
        entries = []
        for done, product in enumerate(products, start=1):
            entry = entry_for(product, source, language)
            entries.append(entry)
            if product.vendor_id in intros:
                intros[product.vendor_id].entries.append(entry)
            if on_progress:
                on_progress(done, len(products))
        return {
            "scope": scope,
            "language": language,
            "paper": paper,
            "title": scope.title(language),
            "kind_label": str(scope.kind_label()),
            "period": period(scope, language),
            "venues": venues(scope, language),
            "grouped": scope.grouped,
            "vendors": list(intros.values()),
            "entries": entries,
            "generated_at": timezone.localtime(),
        }
