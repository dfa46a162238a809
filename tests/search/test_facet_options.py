"""Facet options as served: one without products is no link (it would lead to an empty page),
a selected one always stays a link that removes it; the "Saring (n)" control counts the
filters a buyer can remove; the cards' photos are sized for two cards a row on phones."""

import pytest
from bs4 import BeautifulSoup

from catalog.factories import (
    CategoryFactory,
    ImageFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    RegionFactory,
    VendorPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    batik = CategoryFactory(name="Batik", slug="batik")
    rotan = CategoryFactory(name="Rotan", slug="rotan")
    cirebon = RegionFactory(name="Kota Cirebon", slug="kota-cirebon")
    cilegon = RegionFactory(name="Kota Cilegon", slug="kota-cilegon")
    trusmi = VendorPageFactory(title="Batik Trusmi Jaya", slug="batik-trusmi-jaya", region=cirebon)
    anyam = VendorPageFactory(title="Rotan Cilegon", slug="rotan-cilegon", region=cilegon)
    ProductPageFactory(parent=trusmi, title="Kain Batik Tulis", category=batik, price=500_000)
    ProductPageFactory(parent=trusmi, title="Kemeja Batik Cap", category=batik, price=150_000)
    ProductPageFactory(parent=anyam, title="Kursi Rotan", category=rotan, price=900_000)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def category_options(page):
    """{label: element} of the category facet's top-level options."""
    items = page.select("#facet-category ~ ul > li")
    return {
        item.find(["a", "span"]).get_text(" ", strip=True): item.find(["a", "span"])
        for item in items
    }


def test_an_option_without_products_is_not_a_link(client, shop):
    page = soup(client.get("/cari/", {"q": "batik"}))
    options = category_options(page)
    assert options["Batik (2)"].name == "a" and "kategori=batik" in options["Batik (2)"]["href"]
    empty = options["Rotan (0)"]
    assert empty.name == "span"
    assert empty.get("href") is None and empty["aria-disabled"] == "true"
    assert not page.select('.facets a[href*="kategori=rotan"]')


def test_a_selected_option_stays_a_link_and_a_chip_even_without_products(client, shop):
    page = soup(client.get("/cari/", {"kategori": "rotan", "wilayah": "kota-cirebon"}))
    assert not page.select(".results .card")
    options = category_options(page)
    selected = options["Rotan (0) – terpilih"]
    assert selected.name == "a" and selected["aria-current"] == "true"
    chips = {a.get_text(" ", strip=True): a["href"] for a in page.select(".chip--active")}
    assert len(chips) == 2
    removal = next(href for chip, href in chips.items() if chip.startswith("Rotan"))
    assert "kategori" not in removal and "wilayah=kota-cirebon" in removal


def test_the_filter_control_counts_the_filters_a_buyer_can_remove(client, shop):
    def label(page):
        return page.select_one("[data-filter-link]").get_text(" ", strip=True)

    assert label(soup(client.get("/katalog/"))) == "Saring"
    page = soup(client.get("/katalog/", {"wilayah": "kota-cirebon", "harga_max": "200000"}))
    assert label(page) == "Saring (2)"
    assert page.select_one("[data-filter-link]")["href"] == "#filters"
    assert page.select_one("aside#filters .facets")
    # A category page's own category is the page, not a filter.
    assert label(soup(client.get("/katalog/batik/"))) == "Saring"
    assert (
        label(soup(client.get("/en/katalog/batik/", {"wilayah": "kota-cirebon"}))) == "Filter (1)"
    )


def test_listing_cards_ask_for_half_width_photos_where_two_share_a_row(client, shop):
    product = ProductPageFactory(
        parent=VendorPageFactory(title="Batik Sekar", slug="batik-sekar"),
        title="Sarung Batik",
        category=CategoryFactory(name="Sarung", slug="sarung"),
    )
    ProductGalleryImageFactory(page=product, image=ImageFactory(file__color="#1f4e8c"))
    for url in ("/katalog/", "/cari/?q=sarung"):
        images = soup(client.get(url)).select(".results .card__image[srcset]")
        assert images, url
        assert {img["sizes"] for img in images} == {"(min-width: 64em) 22vw, 46vw"}, url
