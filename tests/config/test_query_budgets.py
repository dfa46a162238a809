"""Query budgets: every public page type costs the same number of SQL queries with 20 and with
200 products in the catalog (no N+1), and no more than its budget.

The budgets are today's counts: a change that adds a query per page shows here, and whoever
makes it raises the budget on purpose (or finds the query a home in a prefetch).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.factories import (
    CategoryFactory,
    ImageFactory,
    ProductCertificateFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    RegionFactory,
    VendorPageFactory,
)

pytestmark = pytest.mark.django_db

# The most queries each page type may make on a buyer's second visit (caches warm).
# A listing's search costs a fixed handful of queries (the ranking, one row per matching
# product, its material, certificate and exhibition pairs: facets are counted in Python); most
# of a product page's queries are Wagtail's routing down the tree and the related products.
# After the showroom merge: the home page's curated sections (featured products, exhibitions,
# places), the exhibition facet and the "Pilihan Kurator" badge add a fixed query or a few.
# Home, product and IKM pages pick their cards' ids first and load only the products whose card
# is not cached (catalog.cards.cards_for): with the card cache off, as here, that is one query
# more than loading them all at once; with it on (production), the products are not loaded.
BUDGETS = {
    "home": 25,
    "catalog": 17,
    "catalog page 2": 17,
    "category": 18,
    "product": 25,
    "ikm": 18,
    "directory": 13,
    "search": 18,
    "autocomplete": 6,
}


def build(count, vendors, categories, photos):
    """`count` more products spread over the IKM and categories, each with a photo (from a
    small set, which is quicker to build); every fifth with a certificate."""
    products = []
    for index in range(count):
        product = ProductPageFactory(
            parent=vendors[index % len(vendors)],
            category=categories[index % len(categories)],
            title=f"Batik Produk {index} {len(vendors)}",
        )
        ProductGalleryImageFactory(page=product, image=photos[index % len(photos)])
        if index % 5 == 0:
            ProductCertificateFactory(page=product)
        products.append(product)
    return products


def add_vendors(count, regions, photos):
    return [
        VendorPageFactory(region=regions[index % len(regions)], logo=photos[index % len(photos)])
        for index in range(count)
    ]


def measure(client, urls):
    counts = {}
    for name, url in urls.items():
        assert client.get(url).status_code == 200, url  # warm-up: renditions, Wagtail caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[name] = len(captured.captured_queries)
    return counts


def test_query_counts_do_not_grow_with_the_catalog(client, settings):
    settings.CATALOG_PAGE_SIZE = 12
    regions = [RegionFactory(), RegionFactory()]
    batik = CategoryFactory(name="Batik", slug="batik")
    categories = [
        CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik),
        CategoryFactory(name="Rotan", slug="rotan"),
    ]
    photos = [ImageFactory() for _ in range(6)]
    vendors = add_vendors(4, regions, photos)
    first = build(20, vendors, categories, photos)
    product, vendor = first[0], vendors[0]
    urls = {
        "home": "/",
        "catalog": "/katalog/",
        "catalog page 2": "/katalog/?halaman=2",
        "category": "/katalog/batik/",
        "product": product.url,
        "ikm": vendor.url,
        "directory": "/ikm/",
        "search": "/cari/?q=batik",
        "autocomplete": "/cari/saran/?q=bat",
    }
    small = measure(client, urls)

    vendors += add_vendors(16, regions, photos)
    build(180, vendors, categories, photos)
    large = measure(client, urls)

    assert large == small, f"20 products: {small}\n200 products: {large}"
    over = {name: count for name, count in large.items() if count > BUDGETS[name]}
    assert not over, f"over budget: {over} (budgets {BUDGETS})"
