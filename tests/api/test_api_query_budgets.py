"""Query budgets of the API: each listing costs the same number of SQL queries with 10 and with
40 products (and their IKM, photos, certificates, exhibition items and shelves), whatever the
page size, and no more than its budget (tests/config/test_query_budgets.py for the pages)."""

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
    SentraFactory,
    VendorCertificateFactory,
    VendorPageFactory,
)
from showroom.factories import (
    ExhibitionItemFactory,
    ExhibitionPageFactory,
    ShelfPlacementFactory,
    ShowroomPageFactory,
)

pytestmark = pytest.mark.django_db

# Today's counts on a second request (renditions made, Wagtail's site cache warm): each has the
# site lookup and the count; the products listing the search service's handful (ranking, rows,
# pairs) and the page of products with their photos, renditions, certificates and materials.
BUDGETS = {
    "products": 15,
    "products search": 16,
    "products filtered": 15,
    "ikm": 9,
    "categories": 4,
    "regions": 3,
    "sentra": 3,
    "exhibitions": 9,
    "venues": 10,
}
URLS = {
    "products": "/api/v2/products/?limit=100",
    "products search": "/api/v2/products/?limit=100&search=batik",
    "products filtered": "/api/v2/products/?limit=100&region=kota-a&availability=ready",
    "ikm": "/api/v2/ikm/?limit=100",
    "categories": "/api/v2/categories/?limit=100",
    "regions": "/api/v2/regions/?limit=100",
    "sentra": "/api/v2/sentra/?limit=100",
    "exhibitions": "/api/v2/exhibitions/?limit=100",
    "venues": "/api/v2/venues/?limit=100",
}


def grow(count, regions, photos, venue, exhibition):
    """`count` more products, each on its own new IKM (with a logo and a certificate) in a new
    category, with a photo and a certificate, on a shelf and in an exhibition."""
    for index in range(count):
        region = regions[index % len(regions)]
        vendor = VendorPageFactory(
            region=region, sentra=SentraFactory(region=region), logo=photos[index % 2]
        )
        VendorCertificateFactory(page=vendor)
        product = ProductPageFactory(
            parent=vendor,
            category=CategoryFactory(parent=CategoryFactory()),
            title=f"Batik Contoh {index} {vendor.pk}",
        )
        ProductGalleryImageFactory(page=product, image=photos[index % 2])
        ProductCertificateFactory(page=product)
        ShelfPlacementFactory(page=venue, product=product)
        ExhibitionItemFactory(page=exhibition, product=product)
    ExhibitionPageFactory()
    ShowroomPageFactory()


def measure(client):
    counts = {}
    for name, url in URLS.items():
        assert client.get(url).status_code == 200, url  # warm-up: renditions, site root paths
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        assert response.json()["items"], url
        counts[name] = len(captured.captured_queries)
    return counts


def test_api_listings_cost_a_fixed_number_of_queries(client, site_tree):
    regions = [RegionFactory(name="Kota A", slug="kota-a"), RegionFactory(name="Kota B")]
    photos = [ImageFactory(), ImageFactory()]
    venue = ShowroomPageFactory()
    exhibition = ExhibitionPageFactory()
    grow(10, regions, photos, venue, exhibition)
    small = measure(client)
    grow(30, regions, photos, venue, exhibition)
    large = measure(client)
    assert large == small
    over = {name: count for name, count in large.items() if count > BUDGETS[name]}
    assert not over, (over, large)
