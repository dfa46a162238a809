"""The shopping feeds (feeds/merchant.py, feeds/products.py): Google Merchant Center's RSS and
Meta's catalog CSV, read back by a parser and checked against each format's required fields;
products on request (no price) or without a photo are left out and counted; the English
variant under /en/; the page cache keeps them until a publish; fixed query counts."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from catalog.factories import (
    CategoryFactory,
    ImageFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    VendorPageFactory,
)
from catalog.models import ProductPage

pytestmark = pytest.mark.django_db

G = "{http://base.google.com/ns/1.0}"
GOOGLE_REQUIRED = [
    "id",
    "title",
    "description",
    "link",
    "image_link",
    "availability",
    "price",
    "brand",
    "condition",
]
GOOGLE_AVAILABILITY = {"in_stock", "out_of_stock", "preorder", "backorder"}
META_REQUIRED = [
    "id",
    "title",
    "description",
    "availability",
    "condition",
    "price",
    "link",
    "image_link",
    "brand",
]
READY_PATH = "/ikm/batik-ibu-siti/kain-batik-mega-mendung/"
META_AVAILABILITY = {"in stock", "out of stock", "preorder", "available for order"}


def with_photo(product, photo=None):
    ProductGalleryImageFactory(page=product, image=photo or ImageFactory())
    return product


@pytest.fixture
def catalog(site_tree):
    batik = CategoryFactory(name="Batik", slug="batik", name_en="Batik cloth")
    tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
    vendor = VendorPageFactory(title="Batik Ibu Siti", slug="batik-ibu-siti", title_en="")
    ready = with_photo(
        ProductPageFactory(
            parent=vendor,
            title="Kain Batik Mega Mendung",
            title_en="Mega Mendung batik cloth",
            summary="<b>Kain</b> batik tulis   motif awan.",
            summary_en="Hand-drawn batik with the cloud motif.",
            description=[
                ("heading", "Cara membuat"),
                ("paragraph", RichText("<p>Dibuat dengan <i>canting</i>.</p>")),
            ],
            category=tulis,
            price=150_000,
            stock=3,
        )
    )
    preorder = with_photo(
        ProductPageFactory(
            parent=vendor,
            title="Selendang " + "panjang " * 30,
            category=batik,
            price=85_000,
            stock=None,
            availability=ProductPage.Availability.PREORDER,
            lead_time_days=14,
        )
    )
    made = with_photo(
        ProductPageFactory(
            parent=vendor,
            title="Kemeja Batik Pesanan",
            category=tulis,
            price=350_000,
            stock=None,
            availability=ProductPage.Availability.MADE_TO_ORDER,
            lead_time_days=7,
        )
    )
    sold_out = with_photo(ProductPageFactory(parent=vendor, category=batik, stock=0))
    on_request = [
        with_photo(ProductPageFactory(parent=vendor, category=batik, price=None)) for _ in range(2)
    ]
    no_photo = ProductPageFactory(parent=vendor, category=batik, price=20_000)
    draft = with_photo(ProductPageFactory(parent=vendor, category=batik, live=False))
    return {
        "ready": ready,
        "preorder": preorder,
        "made": made,
        "sold_out": sold_out,
        "on_request": on_request,
        "no_photo": no_photo,
        "draft": draft,
        "vendor": vendor,
    }


def google_items(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for name in ("title", "link", "description"):
        assert channel.findtext(name), name
    items = {}
    for item in channel.findall("item"):
        fields = {child.tag.removeprefix(G): child.text for child in item}
        items[fields["id"]] = fields
    return items


def meta_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    reader = csv.DictReader(io.StringIO(response.content.decode()))
    assert set(META_REQUIRED) <= set(reader.fieldnames)
    return {row["id"]: row for row in reader}


def absolute(url):
    parts = urlparse(url)
    return parts.scheme in ("http", "https") and parts.netloc == "testserver"


class TestGoogleFeed:
    def test_every_item_has_each_required_field_in_googles_values(self, client, catalog):
        items = google_items(client.get("/feeds/google.xml"))
        assert set(items) == {
            str(catalog[key].pk) for key in ("ready", "preorder", "made", "sold_out")
        }
        for fields in items.values():
            for name in GOOGLE_REQUIRED:
                assert fields.get(name), f"{name} missing in {fields}"
            assert fields["availability"] in GOOGLE_AVAILABILITY
            assert re.fullmatch(r"\d+\.00 IDR", fields["price"])
            assert fields["condition"] == "new"
            assert absolute(fields["link"]) and absolute(fields["image_link"])
            assert len(fields["title"]) <= 150 and len(fields["description"]) <= 5000
            if fields["availability"] in ("preorder", "backorder"):
                assert re.fullmatch(
                    r"\d{4}-\d\d-\d\dT\d\d:\d\d[+-]\d{4}", fields["availability_date"]
                )

    def test_item_values(self, client, catalog):
        items = google_items(client.get("/feeds/google.xml"))
        ready = items[str(catalog["ready"].pk)]
        assert ready["title"] == "Kain Batik Mega Mendung"
        assert (
            ready["description"]
            == "Kain batik tulis motif awan. Cara membuat Dibuat dengan canting."
        )
        assert ready["price"] == "150000.00 IDR"
        assert ready["availability"] == "in_stock"
        assert ready["brand"] == "Batik Ibu Siti"
        assert ready["product_type"] == "Batik > Batik Tulis"
        assert ready["google_product_category"].startswith("Arts & Entertainment")
        assert urlparse(ready["link"]).path == READY_PATH
        image = client.get(urlparse(ready["image_link"]).path)
        assert image.status_code == 200
        assert items[str(catalog["preorder"].pk)]["availability"] == "preorder"
        assert len(items[str(catalog["preorder"].pk)]["title"]) <= 150
        assert items[str(catalog["made"].pk)]["availability"] == "backorder"
        assert items[str(catalog["sold_out"].pk)]["availability"] == "out_of_stock"

    def test_left_out_products_are_counted(self, client, catalog):
        response = client.get("/feeds/google.xml")
        assert response["X-Feed-Skipped-On-Request"] == "2"
        assert response["X-Feed-Skipped-No-Image"] == "1"
        assert b"2 product(s) with the price on request" in response.content
        out = io.StringIO()
        call_command("product_feed_report", stdout=out)
        report = out.getvalue()
        assert "4" in report.splitlines()[0]
        assert "price on request: 2" in report and "without a photo: 1" in report

    def test_english_variant(self, client, catalog):
        response = client.get("/en/feeds/google.xml")
        assert response["Content-Language"] == "en"
        ready = google_items(response)[str(catalog["ready"].pk)]
        assert ready["title"] == "Mega Mendung batik cloth"
        # The English summary, without the Indonesian description after it.
        assert ready["description"] == "Hand-drawn batik with the cloud motif."
        assert urlparse(ready["link"]).path == f"/en{READY_PATH}"
        assert ready["product_type"] == "Batik cloth > Batik Tulis"


class TestMetaFeed:
    def test_every_row_has_each_required_column_in_metas_values(self, client, catalog):
        rows = meta_rows(client.get("/feeds/meta.csv"))
        assert set(rows) == {
            str(catalog[key].pk) for key in ("ready", "preorder", "made", "sold_out")
        }
        for row in rows.values():
            for name in META_REQUIRED:
                assert row[name], f"{name} empty in {row}"
            assert row["availability"] in META_AVAILABILITY
            assert re.fullmatch(r"\d+ IDR", row["price"])
            assert absolute(row["link"]) and absolute(row["image_link"])
        assert rows[str(catalog["ready"].pk)]["price"] == "150000 IDR"
        assert rows[str(catalog["made"].pk)]["availability"] == "available for order"
        assert rows[str(catalog["sold_out"].pk)]["availability"] == "out of stock"

    def test_english_variant_and_counts(self, client, catalog):
        response = client.get("/en/feeds/meta.csv")
        assert response["X-Feed-Skipped-On-Request"] == "2"
        rows = meta_rows(response)
        assert rows[str(catalog["ready"].pk)]["title"] == "Mega Mendung batik cloth"
        assert urlparse(rows[str(catalog["ready"].pk)]["link"]).path.startswith("/en/ikm/")


def test_page_cache_keeps_the_feed_until_a_publish(client, catalog, settings):
    settings.PAGE_CACHE_SECONDS = 600
    first = client.get("/feeds/google.xml")
    assert first["X-Page-Cache"] == "miss"
    hit = client.get("/feeds/google.xml")
    assert hit["X-Page-Cache"] == "hit"
    assert google_items(hit) == google_items(first)  # with its content type
    assert hit["X-Feed-Skipped-On-Request"] == "2"
    product = ProductPage.objects.get(pk=catalog["ready"].pk)
    product.title = "Kain Batik Mega Mendung Biru"
    product.save_revision().publish()
    after = client.get("/feeds/google.xml")
    assert after["X-Page-Cache"] == "miss"
    assert google_items(after)[str(product.pk)]["title"] == "Kain Batik Mega Mendung Biru"
    assert "Mega Mendung Biru" in meta_rows(client.get("/feeds/meta.csv"))[str(product.pk)]["title"]


def count_queries(client, url):
    assert client.get(url).status_code == 200  # warm-up: renditions, Wagtail's caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_query_count_does_not_grow_with_the_catalog(client, site_tree):
    categories = [CategoryFactory(), CategoryFactory(parent=CategoryFactory())]
    vendors = [VendorPageFactory() for _ in range(3)]
    photos = [ImageFactory() for _ in range(3)]

    def build(count):
        for index in range(count):
            product = ProductPageFactory(
                parent=vendors[index % 3],
                category=categories[index % 2],
                price=None if index % 7 == 0 else 1000 + index,
            )
            ProductGalleryImageFactory(page=product, image=photos[index % 3])

    urls = ["/feeds/google.xml", "/feeds/meta.csv", "/en/feeds/google.xml"]
    build(10)
    small = [count_queries(client, url) for url in urls]
    build(30)
    large = [count_queries(client, url) for url in urls]
    assert large == small
    assert max(large) <= 6, large
