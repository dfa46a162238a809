"""Atom feeds (feeds/atom.py): new products (all, per category, per IKM) and exhibitions, in
both languages, read back as Atom (ids, updated, absolute links), linked with
<link rel="alternate" type="application/atom+xml"> from the pages they follow; the page cache
keeps them until a publish; fixed query counts."""

import datetime
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalog.factories import CategoryFactory, ProductPageFactory, VendorPageFactory
from catalog.models import ProductPage
from showroom.factories import ExhibitionPageFactory

pytestmark = pytest.mark.django_db

A = "{http://www.w3.org/2005/Atom}"


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def catalog(site_tree):
    batik = CategoryFactory(name="Batik", slug="batik", name_en="Batik cloth")
    tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
    food = CategoryFactory(name="Makanan Olahan", slug="makanan-olahan")
    siti = VendorPageFactory(title="Batik Ibu Siti", slug="batik-ibu-siti")
    dapur = VendorPageFactory(title="Dapur Cirebon", slug="dapur-cirebon")
    return {
        "batik": batik,
        "siti": siti,
        "old": ProductPageFactory(
            parent=siti, title="Kain Lama", category=batik, first_published_at=days_ago(9)
        ),
        "new": ProductPageFactory(
            parent=siti,
            title="Kain Baru",
            title_en="New cloth",
            category=tulis,
            first_published_at=days_ago(1),
        ),
        "syrup": ProductPageFactory(
            parent=dapur, title="Sirup Tjampolay", category=food, first_published_at=days_ago(2)
        ),
        "on_request": ProductPageFactory(
            parent=dapur, title="Kerupuk Udang", category=food, price=None
        ),
        "draft": ProductPageFactory(parent=siti, title="Kain Draf", category=batik, live=False),
        "fair": ExhibitionPageFactory(title="Pameran Batik Pesisir", venue_text="Gedung Negara"),
    }


def absolute(url):
    parts = urlparse(url)
    return parts.scheme == "http" and parts.netloc == "testserver"


def read_atom(response):
    """The feed's entries as {title: (id, link)}, after checking what Atom requires."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert feed.tag == f"{A}feed"
    assert feed.findtext(f"{A}title") and absolute(feed.findtext(f"{A}id"))
    datetime.datetime.fromisoformat(feed.findtext(f"{A}updated"))
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{A}link")}
    assert absolute(links["self"]) and absolute(links["alternate"])
    assert feed.findtext(f"{A}author/{A}name")
    entries = {}
    for entry in feed.findall(f"{A}entry"):
        link = entry.find(f"{A}link").get("href")
        entry_id = entry.findtext(f"{A}id")
        assert absolute(link) and entry_id
        datetime.datetime.fromisoformat(entry.findtext(f"{A}updated"))
        entries[entry.findtext(f"{A}title")] = (entry_id, urlparse(link).path)
    return feed, links, entries


def test_new_products_newest_first(client, catalog):
    feed, links, entries = read_atom(client.get("/feeds/produk.atom"))
    assert list(entries) == ["Kerupuk Udang", "Kain Baru", "Sirup Tjampolay", "Kain Lama"]
    assert urlparse(links["alternate"]).path == "/katalog/"
    assert urlparse(links["self"]).path == "/feeds/produk.atom"
    assert entries["Kain Baru"][1] == "/ikm/batik-ibu-siti/kain-baru/"
    assert "Kain Draf" not in entries


def test_per_category_includes_its_subcategories(client, catalog):
    _feed, links, entries = read_atom(client.get("/feeds/kategori/batik.atom"))
    assert set(entries) == {"Kain Baru", "Kain Lama"}
    assert urlparse(links["alternate"]).path == "/katalog/batik/"
    assert client.get("/feeds/kategori/tidak-ada.atom").status_code == 404


def test_per_ikm(client, catalog):
    _feed, links, entries = read_atom(client.get("/feeds/ikm/dapur-cirebon.atom"))
    assert set(entries) == {"Sirup Tjampolay", "Kerupuk Udang"}
    assert urlparse(links["alternate"]).path == "/ikm/dapur-cirebon/"
    assert client.get("/feeds/ikm/tidak-ada.atom").status_code == 404


def test_exhibitions(client, catalog):
    _feed, links, entries = read_atom(client.get("/feeds/pameran.atom"))
    assert list(entries) == ["Pameran Batik Pesisir"]
    assert urlparse(links["alternate"]).path == "/pameran/"


def test_english_feeds(client, catalog):
    response = client.get("/en/feeds/produk.atom")
    feed, links, entries = read_atom(response)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert "New cloth" in entries
    assert entries["New cloth"][1] == "/en/ikm/batik-ibu-siti/kain-baru/"
    assert urlparse(links["alternate"]).path == "/en/katalog/"
    _feed, links, _entries = read_atom(client.get("/en/feeds/kategori/batik.atom"))
    assert urlparse(links["alternate"]).path == "/en/katalog/batik/"


def alternate_feeds(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [
        urlparse(link["href"]).path
        for link in page.find_all("link", rel="alternate", type="application/atom+xml")
    ]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_pages_link_the_feeds_they_follow(client, catalog, prefix):
    followed = {
        "/katalog/": "/feeds/produk.atom",
        "/katalog/batik/": "/feeds/kategori/batik.atom",
        "/ikm/batik-ibu-siti/": "/feeds/ikm/batik-ibu-siti.atom",
        "/pameran/": "/feeds/pameran.atom",
    }
    for page, feed in followed.items():
        assert alternate_feeds(client, prefix + page) == [prefix + feed]
        read_atom(client.get(prefix + feed))


def test_page_cache_keeps_the_feed_until_a_publish(client, catalog, settings):
    settings.PAGE_CACHE_SECONDS = 600
    assert client.get("/feeds/produk.atom")["X-Page-Cache"] == "miss"
    assert client.get("/feeds/produk.atom")["X-Page-Cache"] == "hit"
    product = ProductPage.objects.get(pk=catalog["old"].pk)
    product.title = "Kain Lama Diperbarui"
    product.save_revision().publish()
    response = client.get("/feeds/produk.atom")
    assert response["X-Page-Cache"] == "miss"
    assert "Kain Lama Diperbarui" in read_atom(response)[2]


def test_query_counts_do_not_grow_with_the_catalog(client, catalog):
    urls = [
        "/feeds/produk.atom",
        "/feeds/kategori/batik.atom",
        "/feeds/ikm/batik-ibu-siti.atom",
        "/feeds/pameran.atom",
        "/en/feeds/produk.atom",
    ]

    def measure():
        counts = []
        for url in urls:
            assert client.get(url).status_code == 200
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts.append(len(captured.captured_queries))
        return counts

    def build(count):
        for _ in range(count):
            ProductPageFactory(parent=catalog["siti"], category=catalog["batik"])
            ExhibitionPageFactory()

    build(10)
    small = measure()
    build(30)
    assert measure() == small
    assert max(small) <= 5, small
