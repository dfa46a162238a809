"""The home page and standard content pages."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.rich_text import RichText

from catalog.factories import (
    CategoryFactory,
    ProductPageFactory,
    RegionFactory,
    VendorPageFactory,
)
from showroom.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def section_titles(page, kind):
    """Card titles in the home page's first section of `kind` (newest, featured, vendors...)."""
    section = page.select_one(f".home-section--{kind}")
    if section is None:
        return []
    return [a.get_text(strip=True) for a in section.select(".card__title a")]


class TestHomePage:
    def test_site_tree(self, site_tree):
        assert site_tree.home.url == "/"
        assert site_tree.catalog.url == "/katalog/"
        assert site_tree.directory.url == "/ikm/"
        assert site_tree.home.get_parent().pk == site_tree.root.pk
        assert site_tree.home.get_site().is_default_site

    def test_links_into_the_catalog_and_directory(self, client, site_tree):
        page = soup(client.get("/"))
        hrefs = [a["href"] for a in page.select(".hero__actions a")]
        assert hrefs == ["/katalog/", "/ikm/"]
        hero = site_tree.home.specific.body[0]
        assert hero.block_type == "hero"
        assert page.h1.get_text(strip=True) == hero.value["heading"]
        assert hero.value["heading"].startswith("Produk unggulan IKM")

    def test_newest_eight_live_products(self, client):
        vendor = VendorPageFactory()
        now = timezone.now()
        for days in range(1, 11):
            ProductPageFactory(
                parent=vendor,
                title=f"Produk {days:02d}",
                first_published_at=now - datetime.timedelta(days=days),
            )
        ProductPageFactory(parent=vendor, title="Produk Draf", live=False)
        titles = section_titles(soup(client.get("/")), "newest")
        assert titles == [f"Produk {days:02d}" for days in range(1, 9)]

    def test_top_level_categories_only(self, client):
        batik = CategoryFactory(name="Batik", slug="batik")
        CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
        CategoryFactory(name="Kerajinan Rotan", slug="kerajinan-rotan")
        page = soup(client.get("/"))
        section = page.select_one(".home-section--categories")
        links = {next(a.stripped_strings): a["href"] for a in section.select("a")}
        assert links == {"Batik": "/katalog/batik/", "Kerajinan Rotan": "/katalog/kerajinan-rotan/"}

    def test_regions_with_live_ikm_only(self, client):
        cirebon = RegionFactory(name="Kota Cirebon", slug="kota-cirebon")
        RegionFactory(name="Kabupaten Kuningan", slug="kabupaten-kuningan")
        indramayu = RegionFactory(name="Kabupaten Indramayu", slug="kabupaten-indramayu")
        VendorPageFactory(region=cirebon)
        VendorPageFactory(region=cirebon)
        VendorPageFactory(region=indramayu, live=False)
        page = soup(client.get("/"))
        section = page.select_one(".home-regions")
        chips = [" ".join(a.get_text(" ", strip=True).split()) for a in section.select("a")]
        assert chips == ["Kota Cirebon (2 IKM)"]

    def test_ikm_cards(self, client):
        vendors = [VendorPageFactory(title=f"IKM {letter}") for letter in "ABCDEFG"]
        ProductPageFactory(parent=vendors[0])
        VendorPageFactory(title="IKM Tersembunyi", live=False)
        page = soup(client.get("/"))
        assert section_titles(page, "vendors") == [f"IKM {letter}" for letter in "ABCDEF"]

    def test_empty_site_still_renders(self, client):
        page = soup(client.get("/"))
        assert section_titles(page, "newest") == []
        assert page.find("a", href="/katalog/") is not None

    def test_english_home(self, client):
        response = client.get("/en/")
        assert response.status_code == 200
        assert '<html lang="en">' in response.content.decode()


class TestStandardPage:
    def test_tree_rules(self, site_tree):
        assert StandardPage.allowed_parent_page_models() == [HomePage, StandardPage]
        assert StandardPage.allowed_subpage_models() == [StandardPage]
        assert StandardPage.can_create_at(site_tree.home)
        assert not StandardPage.can_create_at(site_tree.catalog)
        assert not StandardPage.can_create_at(site_tree.directory)

    def test_nested_page_renders_with_breadcrumbs(self, client, site_tree):
        about = site_tree.home.add_child(
            instance=StandardPage(title="Tentang Kami", slug="tentang-kami")
        )
        contact = about.add_child(
            instance=StandardPage(
                title="Kontak",
                slug="kontak",
                search_description="Alamat Galeri IKM dan jam buka.",
                body=[
                    ("paragraph", RichText("<p>Galeri IKM buka Senin sampai Sabtu.</p>")),
                    ("quote", "Produk lokal, kualitas global."),
                ],
            )
        )
        page = soup(client.get(contact.url))
        assert contact.url == "/tentang-kami/kontak/"
        assert page.h1.get_text(strip=True) == "Kontak"
        assert "Galeri IKM buka Senin sampai Sabtu." in page.get_text()
        assert page.find("meta", attrs={"name": "description"})["content"] == (
            "Alamat Galeri IKM dan jam buka."
        )
        assert page.find("link", rel="canonical")["href"] == (
            "http://testserver/tentang-kami/kontak/"
        )

    def test_draft_page_is_404(self, client, site_tree):
        draft = site_tree.home.add_child(
            instance=StandardPage(title="Segera Hadir", slug="segera-hadir", live=False)
        )
        assert client.get("/segera-hadir/").status_code == 404
        assert draft.live is False


def test_unknown_url_is_a_friendly_404(client, site_tree):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
