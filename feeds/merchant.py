"""The shopping feeds: Google Merchant Center (RSS 2.0 with the g: namespace) and the Meta
(Facebook, Instagram) catalog (CSV), in the language of the URL.

    /feeds/google.xml   /en/feeds/google.xml
    /feeds/meta.csv     /en/feeds/meta.csv

What each product says and which are left out: feeds/products.py. Both are ordinary GET views,
so the anonymous page cache (pagecache/) keeps them and every publish purges them.
"""

import csv
import io
from xml.sax.saxutils import XMLGenerator

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from feeds.products import FeedProducts

GOOGLE_NS = "http://base.google.com/ns/1.0"
META_COLUMNS = [
    "id",
    "title",
    "description",
    "availability",
    "condition",
    "price",
    "link",
    "image_link",
    "brand",
    "google_product_category",
    "product_type",
]


def google_fields(item):
    """Google's attributes of one item, in the order of its specification."""
    fields = [
        ("id", item.id),
        ("title", item.title),
        ("description", item.description),
        ("link", item.link),
        ("image_link", item.image_link),
        ("availability", item.google_availability),
    ]
    if item.availability_date and item.google_availability in ("preorder", "backorder"):
        fields.append(("availability_date", item.availability_date))
    fields += [
        ("price", f"{item.price}.00 IDR"),
        ("brand", item.brand),
        ("condition", "new"),
        # Handmade goods have no GTIN or MPN: Google asks to say so.
        ("identifier_exists", "no"),
    ]
    if item.google_product_category:
        fields.append(("google_product_category", item.google_product_category))
    fields.append(("product_type", item.product_type))
    return fields


def skipped_note(products):
    return (
        f" Left out: {products.on_request} product(s) with the price on request,"
        f" {products.no_image} without a photo. "
    )


def google_feed(request):
    products = FeedProducts(request)
    out = io.StringIO()
    xml = XMLGenerator(out, encoding="utf-8")
    xml.startDocument()
    xml.startElement("rss", {"version": "2.0", "xmlns:g": GOOGLE_NS})
    xml.startElement("channel", {})
    description = _("Produk IKM dengan harga, dari katalog %(site)s.") % {
        "site": settings.WAGTAIL_SITE_NAME
    }
    home = request.build_absolute_uri(reverse("wagtail_serve", args=[""]))
    for name, text in (
        ("title", settings.WAGTAIL_SITE_NAME),
        ("link", home),
        ("description", description),
        ("language", get_language()),
    ):
        text_element(xml, name, text)
    xml.ignorableWhitespace("\n")
    out.write(f"<!--{skipped_note(products)}-->\n")  # no start tag is pending here
    for item in products:
        xml.startElement("item", {})
        for name, value in google_fields(item):
            text_element(xml, f"g:{name}", value)
        xml.endElement("item")
        xml.ignorableWhitespace("\n")
    xml.endElement("channel")
    xml.endElement("rss")
    xml.endDocument()
    response = HttpResponse(out.getvalue(), content_type="application/rss+xml; charset=utf-8")
    return with_headers(response, products)


def text_element(xml, tag, text):
    xml.startElement(tag, {})
    xml.characters(str(text))
    xml.endElement(tag)


def meta_feed(request):
    products = FeedProducts(request)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=META_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for item in products:
        writer.writerow(
            {
                "id": item.id,
                "title": item.title,
                "description": item.description,
                "availability": item.meta_availability,
                "condition": "new",
                "price": f"{item.price} IDR",
                "link": item.link,
                "image_link": item.image_link,
                "brand": item.brand,
                "google_product_category": item.google_product_category,
                "product_type": item.product_type,
            }
        )
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    return with_headers(response, products)


def with_headers(response, products):
    for name, value in products.skipped_headers.items():
        response[name] = value
    response["Content-Language"] = get_language()
    return response
