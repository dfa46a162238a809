"""Kept facet counts (search/summary.py): an unfiltered listing reads no row per product, and
its counts follow every publish."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.factories import CategoryFactory, ProductPageFactory, VendorPageFactory
from search.engines.database import DatabaseEngine
from search.models import FacetSummary
from search.query import CatalogQuery

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop(site_tree):
    batik = CategoryFactory(name="Batik", slug="batik")
    tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
    rotan = CategoryFactory(name="Rotan", slug="rotan")
    vendor = VendorPageFactory(title="Batik Ibu Siti")
    made = [
        ProductPageFactory(parent=vendor, title=f"Produk {n}", category=category, price=n * 1000)
        for n, category in enumerate([batik, tulis, tulis, rotan, rotan, rotan], start=1)
    ]
    return {"vendor": vendor, "products": made, "batik": batik, "rotan": rotan}


def full_pass(query):
    """What the engine counts reading every row (a price filter never uses the summary)."""
    engine = DatabaseEngine()
    return engine.answer(query, None)


@pytest.mark.parametrize("category", ["", "batik", "batik-tulis", "rotan", "tidak-ada"])
def test_kept_counts_equal_the_full_pass(shop, category):
    engine = DatabaseEngine()
    query = CatalogQuery(category=category, page_size=2)
    for _ in range(2):  # counted, then kept
        ids, total, facets, _full = engine.answer(query, None)
        rows = engine.matching(None).order_by()
        from search.engines.database import CatalogRows

        counted = CatalogRows(rows)
        counted.filtered(query)
        assert total == len(counted.passing)
        assert facets == {
            name: {k: n for k, n in counts.items() if k is not None}
            for name, counts in counted.facet_counts(query).items()
        }
        expected = [row[0] for row in CatalogRows.ordered(counted.passing, "newest")][:2]
        assert ids == expected
    assert FacetSummary.objects.filter(scope=category if category != "tidak-ada" else "").exists()


def test_a_kept_listing_reads_no_row_per_product(shop):
    engine = DatabaseEngine()
    query = CatalogQuery()
    engine.answer(query, None)
    with CaptureQueriesContext(connection) as captured:
        _ids, total, _facets, _ = engine.answer(query, None)
    assert total == 6
    sqls = [q["sql"] for q in captured.captured_queries]
    # The restrictions, the summary and the page of ids: no pass over the products or pairs.
    assert len(sqls) <= 4
    assert not [sql for sql in sqls if "materials" in sql or "certificate" in sql]
    assert "LIMIT 24" in sqls[-1]


def test_counts_follow_a_publish_and_an_unpublish(client, shop):
    engine = DatabaseEngine()
    _ids, total, facets, _ = engine.answer(CatalogQuery(category="rotan"), None)
    assert total == 3
    ProductPageFactory(parent=shop["vendor"], title="Kursi Baru", category=shop["rotan"])
    _ids, total, facets, _ = engine.answer(CatalogQuery(category="rotan"), None)
    assert total == 4 and facets["category"]["rotan"] == 4
    shop["products"][3].unpublish()
    _ids, total, _facets, _ = engine.answer(CatalogQuery(), None)
    assert total == 6
    page = client.get("/katalog/rotan/")
    assert page.status_code == 200 and b"Kursi Baru" in page.content


def test_a_filtered_listing_is_still_counted_in_full(shop):
    engine = DatabaseEngine()
    query = CatalogQuery(price_min=2000)
    _ids, total, _facets, _ = engine.answer(query, None)
    assert total == 5
    assert not FacetSummary.objects.exists()


def test_the_home_page_counts_categories_from_the_summary(client, shop):
    from search.summary import catalog_counts

    counts = catalog_counts()
    assert counts["batik"] == 3 and counts["rotan"] == 3
