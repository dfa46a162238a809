"""The sitemap lists every public URL, in both languages, with lastmod and hreflang alternates:
a crawl of the site's internal links from / and /en/ (over the test client) finds no indexable
page the sitemap leaves out, and every sitemap URL answers 200.

The fixture holds every public page type: home, catalog listing with category and subcategory
pages (routable sub-URLs of the catalog page), IKM directory and IKM, products, exhibitions and
their index, showroom venues and their index, content pages."""

import re
import xml.etree.ElementTree as ET
from collections import deque
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Page

from catalog.factories import (
    CategoryFactory,
    ImageFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    VendorPageFactory,
)
from showroom.factories import (
    ExhibitionItemFactory,
    ExhibitionPageFactory,
    ShelfPlacementFactory,
    ShowroomPageFactory,
)
from showroom.models import StandardPage

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
HOST = "http://testserver"
SKIPPED = ("/admin/", "/feeds/", "/en/feeds/", "/media/", "/static/", "/dokumen/", "/i18n/")
CRAWL_LIMIT = 400


@pytest.fixture
def site(site_tree):
    batik = CategoryFactory(name="Batik", slug="batik")
    tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
    food = CategoryFactory(name="Makanan Olahan", slug="makanan-olahan")
    CategoryFactory(name="Kategori Kosong", slug="kosong")
    vendors = [VendorPageFactory(title=f"IKM Uji {n}", slug=f"ikm-uji-{n}") for n in range(2)]
    products = []
    for index, category in enumerate([batik, tulis, food, tulis]):
        product = ProductPageFactory(
            parent=vendors[index % 2], title=f"Produk Uji {index}", category=category
        )
        ProductGalleryImageFactory(page=product, image=ImageFactory())
        products.append(product)
    products.append(ProductPageFactory(parent=vendors[0], title="Produk Harga Tanya", price=None))
    venue = ShowroomPageFactory(title="Galeri Uji", slug="galeri-uji")
    ShelfPlacementFactory(page=venue, product=products[0])
    exhibition = ExhibitionPageFactory(title="Pameran Uji", slug="pameran-uji", venue=venue)
    ExhibitionItemFactory(page=exhibition, product=products[1])
    about = StandardPage(title="Tentang Kami", slug="tentang")
    site_tree.home.add_child(instance=about)
    about.add_child(instance=StandardPage(title="Cara Memesan", slug="cara-memesan"))
    # Published as an editor would, so some pages have a real last publication date.
    products[0].save_revision().publish()
    return {"categories": [batik, tulis, food], "venue": venue, "exhibition": exhibition}


def robots_rules(client):
    rules = []
    for line in client.get("/robots.txt").content.decode().splitlines():
        kind, _, pattern = line.partition(":")
        if kind in ("Allow", "Disallow") and pattern.strip():
            pattern = pattern.strip()
            regex = re.escape(pattern).replace(r"\*", ".*")
            rules.append((len(pattern), kind == "Allow", re.compile(regex)))

    def allowed(path):
        matches = [(length, allow) for length, allow, regex in rules if regex.match(path)]
        return max(matches)[1] if matches else True

    return allowed


def internal_path(base, href):
    url, _fragment = urldefrag(urljoin(base, href))
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    if parts.query or parts.path.startswith(SKIPPED):
        return None
    return parts.path


def crawl(client):
    """{canonical URL of every indexable page reached from / and /en/}, {broken links}."""
    allowed = robots_rules(client)
    queue, seen = deque(["/", "/en/"]), {"/", "/en/"}
    canonical, broken = set(), set()
    while queue and len(seen) < CRAWL_LIMIT:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code in (301, 302):
            continue
        if response.status_code != 200:
            broken.add((path, response.status_code))
            continue
        if not response["Content-Type"].startswith("text/html"):
            continue
        html = BeautifulSoup(response.content.decode(), "html.parser")
        robots = html.find("meta", attrs={"name": "robots"})
        if not (robots and "noindex" in robots.get("content", "")):
            link = html.find("link", rel="canonical")
            canonical.add(link["href"] if link else HOST + path)
        for anchor in html.find_all("a", href=True):
            target = internal_path(HOST + path, anchor["href"])
            if target and target not in seen and allowed(target):
                seen.add(target)
                queue.append(target)
    assert len(seen) < CRAWL_LIMIT, "the crawl did not finish"
    return canonical, broken


def read_sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    urlset = ET.fromstring(response.content)  # noqa: S314 (our own response)
    entries = {}
    for url in urlset.findall(f"{SM}url"):
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        entries[url.findtext(f"{SM}loc")] = (url.findtext(f"{SM}lastmod"), alternates)
    return entries


def test_the_sitemap_lists_every_crawled_page_and_only_pages_that_answer(client, site):
    sitemap = read_sitemap(client)
    canonical, broken = crawl(client)
    assert not broken, f"internal links that do not answer: {sorted(broken)}"
    assert len(canonical) > 20
    missing = canonical - set(sitemap)
    assert not missing, f"crawled pages missing from the sitemap: {sorted(missing)}"
    for location in sitemap:
        assert location.startswith(HOST)
        response = client.get(urlparse(location).path)
        assert response.status_code == 200, location


def test_every_entry_has_lastmod_and_its_alternates(client, site):
    sitemap = read_sitemap(client)
    for location, (lastmod, alternates) in sitemap.items():
        assert re.match(r"\d{4}-\d\d-\d\d", lastmod or ""), location
        assert set(alternates) == {"id", "en", "x-default"}, location
        assert location in alternates.values()
        assert set(alternates.values()) <= set(sitemap)
    paths = {urlparse(location).path for location in sitemap}
    expected = {
        "/katalog/batik/",
        "/katalog/batik-tulis/",
        "/katalog/makanan-olahan/",
        "/pameran/",
        "/pameran/pameran-uji/",
        "/showroom/",
        "/showroom/galeri-uji/",
        "/tentang/",
        "/tentang/cara-memesan/",
        "/ikm/ikm-uji-0/",
        "/ikm/ikm-uji-0/produk-uji-0/",
    }
    assert expected <= paths
    assert {f"/en{path}" for path in expected} <= paths


def test_category_lastmod_follows_its_newest_product(client, site):
    sitemap = read_sitemap(client)
    published = Page.objects.get(title="Produk Uji 0").last_published_at
    for path in ("/katalog/batik/", "/en/katalog/batik/", "/katalog/"):
        assert sitemap[HOST + path][0] == timezone.localtime(published).date().isoformat(), path
    # A category without products takes the catalog listing's date.
    empty = sitemap[f"{HOST}/katalog/kosong/"][0]
    assert empty == sitemap[f"{HOST}/katalog/"][0]
