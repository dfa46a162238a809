"""The product card cache (catalog/cards.py): listings reuse rendered cards, without loading
their products, until something is published; cards that differ are never mixed up."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.factories import (
    CategoryFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    VendorPageFactory,
)
from catalog.models import ProductPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def card_cache_on(settings):
    settings.CARD_CACHE_SECONDS = 600
    caches[settings.PAGE_CACHE_ALIAS].clear()
    yield
    caches[settings.PAGE_CACHE_ALIAS].clear()


@pytest.fixture
def vendor():
    return VendorPageFactory(title="Batik Ibu Siti", slug="batik-ibu-siti")


@pytest.fixture
def products(vendor):
    category = CategoryFactory(name="Batik", slug="batik")
    return [
        ProductPageFactory(
            parent=vendor,
            title=f"Batik Mega Mendung {number}",
            summary=f"Ringkasan batik nomor {number}",
            category=category,
            price=150_000 + number,
        )
        for number in range(5)
    ]


def cards(response):
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return page.select(".results .product-card")


def card_titles(response):
    return [card.select_one(".card__title a").get_text(strip=True) for card in cards(response)]


def listing_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, [q["sql"] for q in captured.captured_queries]


def test_a_listing_from_cached_cards_is_the_same_page(client, products):
    first = client.get("/katalog/")
    second = client.get("/katalog/")
    assert len(cards(first)) == 5
    assert second.content == first.content


def test_cached_cards_load_no_product(client, products):
    _first, cold = listing_queries(client, "/katalog/")
    _second, warm = listing_queries(client, "/katalog/")
    gallery = [sql for sql in cold if "catalog_productgalleryimage" in sql]
    assert gallery, "the cold listing loads the cards' photos"
    assert not [sql for sql in warm if "catalog_productgalleryimage" in sql]
    assert len(warm) < len(cold)


def test_a_listing_result_holds_products_and_leaves_cached_cards_to_the_template(client, products):
    cold = client.get("/katalog/").context["result"]
    assert sorted(cold.ids) == sorted(p.pk for p in products)
    assert [p.pk for p in cold.products] == cold.ids
    assert all(isinstance(p, ProductPage) for p in cold.products)
    assert cold.cards == {}
    warm = client.get("/katalog/").context["result"]
    assert warm.ids == cold.ids
    assert warm.products == []  # every card came from the cache: no product loaded
    assert set(warm.cards) == set(warm.ids)


def test_publishing_a_change_shows_on_the_next_listing(client, products):
    assert "Batik Mega Mendung 0" in card_titles(client.get("/katalog/"))
    # A change behind the cache's back (no publish) is not shown: the card came from the cache.
    ProductPage.objects.filter(pk=products[0].pk).update(title="Diam-diam diganti")
    assert "Diam-diam diganti" not in card_titles(client.get("/katalog/"))
    page = ProductPage.objects.get(pk=products[0].pk)
    page.title = "Batik Mega Mendung Baru"
    page.price = 175_000
    page.save_revision().publish()
    response = client.get("/katalog/")
    assert "Batik Mega Mendung Baru" in card_titles(response)
    assert "Rp 175.000" in response.content.decode()


def test_a_listing_card_is_not_the_ikm_pages_card(client, products, vendor):
    # The IKM page's cards have no summary snippet; the catalog's do. One must not serve the other.
    client.get(vendor.url)
    snippets = [card.select_one(".card__snippet") for card in cards(client.get("/katalog/"))]
    assert all(snippet is not None for snippet in snippets)
    assert "Ringkasan batik nomor" in snippets[0].get_text()


def test_search_cards_with_highlights_are_not_reused(client, products):
    searched = client.get("/cari/", {"q": "ringkasan"})
    assert "<mark>" in searched.content.decode()
    listing = client.get("/katalog/")
    assert "<mark>" not in listing.content.decode()
    assert len(cards(listing)) == 5


def test_each_language_has_its_own_cards(client, products):
    assert "Rp 150.000" in client.get("/katalog/").content.decode()
    english = client.get("/en/katalog/").content.decode()
    assert "Rp 150,000" in english
    assert "Rp 150.000" not in english


def test_only_the_first_three_cards_load_their_photo_eagerly(client, products):
    for product in products:
        ProductGalleryImageFactory(page=product)
    # The cards cached while a product was below the fold must not come back above it.
    for url in ("/katalog/?urut=price_asc", "/katalog/", "/katalog/?urut=price_asc"):
        loading = [card.select_one("img")["loading"] for card in cards(client.get(url))]
        assert loading == ["eager", "eager", "eager", "lazy", "lazy"], url


def test_a_publish_during_a_listing_does_not_leave_its_old_cards_behind(
    client, products, monkeypatch
):
    from pagecache.purge import purge_pages
    from search import service

    load_products = service.load_products

    def load_then_someone_publishes(ids):
        loaded = load_products(ids)
        if ids:  # the products are read; a publish lands before their cards are stored
            ProductPage.objects.filter(pk=products[0].pk).update(title="Judul Baru Terbit")
            purge_pages()
        return loaded

    monkeypatch.setattr(service, "load_products", load_then_someone_publishes)
    assert "Batik Mega Mendung 0" in card_titles(client.get("/katalog/"))
    monkeypatch.setattr(service, "load_products", load_products)
    # The cards of the first request were filed under the generation it started with.
    assert "Judul Baru Terbit" in card_titles(client.get("/katalog/"))
