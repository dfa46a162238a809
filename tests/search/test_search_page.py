"""The search page and the catalog listing as a buyer uses them: facets, chips, sorting,
suggestions, curator promotions, autocomplete; and the SQL they cost."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from catalog.factories import (
    CategoryFactory,
    ProductPageFactory,
    RegionFactory,
    VendorPageFactory,
)
from search.models import SynonymSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    batik = CategoryFactory(name="Batik", slug="batik")
    rotan = CategoryFactory(name="Rotan", slug="rotan")
    cirebon = RegionFactory(name="Kota Cirebon", slug="kota-cirebon")
    cilegon = RegionFactory(name="Kota Cilegon", slug="kota-cilegon")
    v1 = VendorPageFactory(title="Batik Trusmi Jaya", slug="batik-trusmi-jaya", region=cirebon)
    v2 = VendorPageFactory(title="Rotan Cilegon", slug="rotan-cilegon", region=cilegon)
    return {
        "tulis": ProductPageFactory(
            parent=v1,
            title="Kain Batik Tulis",
            category=batik,
            price=500_000,
            summary="Batik tulis motif mega mendung",
        ),
        "cap": ProductPageFactory(
            parent=v1, title="Kemeja Batik Cap", category=batik, price=150_000
        ),
        "kursi": ProductPageFactory(parent=v2, title="Kursi Rotan", category=rotan, price=900_000),
    }


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def card_titles(page):
    return [a.get_text(strip=True) for a in page.select(".results .card__title a")]


def test_query_stays_in_the_box_and_results_are_highlighted(client, shop):
    page = soup(client.get("/cari/", {"q": "mega mendung"}))
    assert page.select_one("#search-page-q")["value"] == "mega mendung"
    assert page.select_one("#site-search")["value"] == "mega mendung"
    assert card_titles(page) == ["Kain Batik Tulis"]
    marks = [m.get_text() for m in page.select(".card__snippet mark")]
    assert [m.lower() for m in marks] == ["mega", "mendung"]


def test_facets_show_counts_and_link_to_filtered_results(client, shop):
    page = soup(client.get("/cari/", {"q": "batik"}))
    region_links = {
        a.get_text(" ", strip=True): a["href"] for a in page.select("#facet-region ~ ul a")
    }
    assert any(label.startswith("Kota Cirebon") and "(2)" in label for label in region_links)
    href = next(h for label, h in region_links.items() if label.startswith("Kota Cirebon"))
    assert "wilayah=kota-cirebon" in href and "q=batik" in href
    filtered = soup(client.get(href))
    assert sorted(card_titles(filtered)) == ["Kain Batik Tulis", "Kemeja Batik Cap"]


def test_active_filters_are_chips_that_remove_themselves(client, shop):
    page = soup(
        client.get("/cari/", {"q": "batik", "wilayah": "kota-cirebon", "harga_max": "200000"})
    )
    chips = {a.get_text(" ", strip=True): a["href"] for a in page.select(".chip--active")}
    assert len(chips) == 2
    region_chip = next(h for label, h in chips.items() if "Kota Cirebon" in label)
    assert "wilayah" not in region_chip and "harga_max=200000" in region_chip
    assert card_titles(page) == ["Kemeja Batik Cap"]


def test_sorting_by_price(client, shop):
    page = soup(client.get("/cari/", {"kategori": "batik", "urut": "price_asc"}))
    assert card_titles(page) == ["Kemeja Batik Cap", "Kain Batik Tulis"]
    page = soup(client.get("/cari/", {"kategori": "batik", "urut": "price_desc"}))
    assert card_titles(page) == ["Kain Batik Tulis", "Kemeja Batik Cap"]


def test_no_results_suggests_a_spelling_and_other_routes(client, shop):
    # The exact words (the typo is otherwise corrected: tests/search/test_typo_correction.py).
    page = soup(client.get("/cari/", {"q": "batk", "persis": "1"}))
    suggestion = page.select_one(".suggestion a")
    assert suggestion.get_text() == "batik"
    assert suggestion["href"].endswith("?q=batik")
    empty = page.select_one(".empty")
    assert empty is not None
    hrefs = [a["href"] for a in empty.select("a")]
    assert "/katalog/" in hrefs and "/ikm/" in hrefs


def test_synonyms_kept_by_curators_apply(client, shop):
    SynonymSet.objects.all().delete()  # the default sets (a migration) have this one
    assert card_titles(soup(client.get("/cari/", {"q": "rattan"}))) == []
    SynonymSet.objects.create(terms="rotan, rattan")
    assert card_titles(soup(client.get("/cari/", {"q": "rattan"}))) == ["Kursi Rotan"]


def test_curator_promotions_come_first(client, shop):
    query = Query.get("kursi")
    SearchPromotion.objects.create(query=query, page=shop["tulis"], sort_order=0)
    page = soup(client.get("/cari/", {"q": "kursi"}))
    promoted = [a.get_text(strip=True) for a in page.select(".promoted .card__title a")]
    assert promoted == ["Kain Batik Tulis"]
    assert card_titles(page) == ["Kain Batik Tulis", "Kursi Rotan"]


def test_search_is_never_cached_and_recorded(client, shop):
    response = client.get("/cari/", {"q": "Batik"})
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert Query.get("batik").hits == 1


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        {"q": '"\\*:{}[]'},
        {"kategori": "../../etc"},
        {"harga_min": "abc"},
        {"urut": "'; DROP TABLE"},
        {"halaman": "999"},
        {"wilayah": "<b>"},
    ],
)
def test_bad_input_never_fails(client, shop, params):
    response = client.get("/cari/", params)
    assert response.status_code == 200


def test_page_number_that_is_not_a_number_is_404(client, shop):
    assert client.get("/cari/", {"q": "batik", "halaman": "abc"}).status_code == 404


def test_autocomplete_returns_products_vendors_and_categories(client, shop):
    response = client.get("/cari/saran/", {"q": "bat"})
    assert response.status_code == 200
    data = json.loads(response.content)
    assert {p["title"] for p in data["products"]} == {"Kain Batik Tulis", "Kemeja Batik Cap"}
    assert data["vendors"][0]["title"] == "Batik Trusmi Jaya"
    assert data["categories"][0]["slug"] == "batik"
    assert all(p["url"].startswith("/ikm/") for p in data["products"])
    assert json.loads(client.get("/cari/saran/", {"q": "b"}).content)["products"] == []


def test_catalog_listing_and_category_pages_use_the_service(client, shop):
    page = soup(client.get("/katalog/batik/", {"urut": "price_asc"}))
    assert card_titles(page) == ["Kemeja Batik Cap", "Kain Batik Tulis"]
    regions = {a.get_text(" ", strip=True): a["href"] for a in page.select("#facet-region ~ ul a")}
    assert list(regions) == ["Kota Cirebon (2)"]  # Cilegon has no batik: not offered
    assert regions["Kota Cirebon (2)"].startswith("/katalog/batik/?wilayah=kota-cirebon")


def test_directory_searches_and_filters_vendors(client, shop):
    page = soup(client.get("/ikm/", {"wilayah": "kota-cilegon"}))
    assert [a.get_text(strip=True) for a in page.select(".card__title a")] == ["Rotan Cilegon"]


def _count_queries(client, url, params):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/cari/", {"q": "batik"}),
        ("/katalog/", {}),
        ("/katalog/batik/", {"wilayah": "kota-cirebon"}),
    ],
)
def test_queries_per_search_page_do_not_grow_with_the_catalog(client, shop, url, params):
    client.get(url, params)  # warm caches (synonyms, vocabulary)
    before = _count_queries(client, url, params)
    vendor = shop["tulis"].vendor
    for number in range(12):
        ProductPageFactory(
            parent=vendor, title=f"Batik Tambahan {number}", category=shop["tulis"].category
        )
    client.get(url, params)  # the vocabulary is built again once after a catalog change
    assert _count_queries(client, url, params) == before
