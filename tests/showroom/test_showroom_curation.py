"""The curated home page (StreamField sections), the "Pilihan Kurator" badge, the home page's
query budget, and the curators' product chooser with its filters."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Page

from catalog.factories import (
    CategoryFactory,
    ProductGalleryImageFactory,
    ProductPageFactory,
    RegionFactory,
    SentraFactory,
    VendorPageFactory,
)
from showroom.blocks import featured_product_ids
from showroom.factories import ExhibitionItemFactory, ExhibitionPageFactory
from showroom.models import HomePage

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def titles(node):
    return [a.get_text(strip=True) for a in node.select(".card__title a")] if node else []


def curate(products, heading=""):
    """Publish the home page with its featured section holding `products`, in this order."""
    home = HomePage.objects.get().get_latest_revision_as_object()
    stream = list(home.body.raw_data)
    for block in stream:
        if block["type"] == "featured_products":
            block["value"] = {"heading": heading, "products": [p.pk for p in products]}
    home.body = stream
    home.save_revision().publish()
    return HomePage.objects.get()


class TestCuratedHome:
    def test_the_migrated_home_has_every_section(self, site_tree):
        kinds = [block.block_type for block in site_tree.home.specific.body]
        assert kinds == [
            "hero",
            "featured_products",
            "exhibitions",
            "categories",
            "newest_products",
            "vendors",
            "places",
        ]

    def test_featured_products_in_the_curators_order(self, client, site_tree):
        vendor = VendorPageFactory()
        first = ProductPageFactory(parent=vendor, title="Kursi Rotan")
        second = ProductPageFactory(parent=vendor, title="Batik Tulis")
        hidden = ProductPageFactory(parent=vendor, title="Draf", live=False)
        curate([second, hidden, first], heading="Pilihan Bulan Ini")
        page = soup(client.get("/"))
        section = page.select_one(".home-section--featured")
        assert section.h2.get_text() == "Pilihan Bulan Ini"
        assert titles(section) == ["Batik Tulis", "Kursi Rotan"]

    def test_default_headings_follow_the_language(self, client, site_tree):
        curate([ProductPageFactory(title="Batik Tulis")])
        assert soup(client.get("/")).select_one(".home-section--featured h2").get_text() == (
            "Pilihan Kurator"
        )
        english = soup(client.get("/en/"))
        assert english.select_one(".home-section--featured h2").get_text() == "Curator's pick"
        assert english.select_one(".hero__actions a").get_text() == "Browse the catalogue"

    def test_current_exhibitions_only(self, client, site_tree):
        today = timezone.localdate()
        ExhibitionPageFactory(title="Pekan Batik")
        ExhibitionPageFactory(
            title="Pameran Nanti",
            starts_on=today + datetime.timedelta(days=9),
            ends_on=today + datetime.timedelta(days=12),
        )
        ExhibitionPageFactory(title="Pameran Draf", live=False)
        section = soup(client.get("/")).select_one(".home-section--exhibitions")
        assert titles(section) == ["Pekan Batik"]
        assert section.find("a", string="Semua pameran →")["href"] == "/pameran/"

    def test_categories_with_product_counts(self, client, site_tree):
        batik = CategoryFactory(name="Batik", slug="batik")
        tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
        rotan = CategoryFactory(name="Rotan", slug="rotan")
        ProductPageFactory(category=batik)
        ProductPageFactory(category=tulis)
        ProductPageFactory(category=tulis)
        ProductPageFactory(category=rotan, live=False)
        section = soup(client.get("/")).select_one(".home-section--categories")
        chips = [" ".join(a.get_text(" ", strip=True).split()) for a in section.select("a")]
        assert chips == ["Batik (3 produk)", "Rotan (0 produk)"]

    def test_sentra_and_regions(self, client, site_tree):
        region = RegionFactory(name="Kabupaten Cirebon", slug="kabupaten-cirebon")
        trusmi = SentraFactory(name="Sentra Batik Trusmi", slug="trusmi", region=region)
        VendorPageFactory(region=region, sentra=trusmi)
        VendorPageFactory(region=region)
        page = soup(client.get("/"))
        sentra = [a.get_text(" ", strip=True) for a in page.select(".home-sentra a")]
        assert sentra == ["Sentra Batik Trusmi (1 IKM)"]
        assert page.select_one(".home-sentra a")["href"] == "/katalog/?sentra=trusmi"

    def test_featured_ids_read_from_the_raw_stream(self):
        stream = [
            {"type": "hero", "value": {"heading": "x"}},
            {
                "type": "featured_products",
                "value": {"products": [{"type": "item", "value": 7, "id": "a"}, 9]},
            },
        ]
        assert featured_product_ids(stream) == [7, 9]


class TestCuratorPickBadge:
    def badges(self, node):
        return [b.get_text(strip=True) for b in node.select(".badge--pick")]

    def test_on_cards_and_on_the_product_page(self, client, site_tree):
        vendor = VendorPageFactory()
        picked = ProductPageFactory(parent=vendor, title="Batik Pilihan")
        other = ProductPageFactory(parent=vendor, title="Batik Biasa")
        curate([picked])
        catalog = soup(client.get("/katalog/"))
        cards = {
            card.select_one(".card__title a").get_text(strip=True): self.badges(card)
            for card in catalog.select(".product-card")
        }
        assert cards == {"Batik Pilihan": ["Pilihan Kurator"], "Batik Biasa": []}
        assert self.badges(soup(client.get(picked.url)).select_one(".product__info")) == [
            "Pilihan Kurator"
        ]
        assert self.badges(soup(client.get(other.url)).select_one(".product__info")) == []

    def test_badge_follows_a_new_selection(self, client, site_tree):
        product = ProductPageFactory(title="Batik Pilihan")
        curate([product])
        assert self.badges(soup(client.get(product.url)))  # cached now
        curate([])  # publishing the home page forgets the cached selection
        assert self.badges(soup(client.get(product.url))) == []


class TestHomeQueryBudget:
    """The home page's SQL queries do not grow with the catalog."""

    def build(self, vendors, products_each):
        region = RegionFactory(name="Kota Cirebon", slug="kota-cirebon")
        category = CategoryFactory(name="Batik", slug="batik")
        made = []
        for v in range(vendors):
            sentra = SentraFactory(name=f"Sentra {v}", slug=f"sentra-{v}", region=region)
            vendor = VendorPageFactory(region=region, sentra=sentra)
            for _ in range(products_each):
                product = ProductPageFactory(parent=vendor, category=category)
                ProductGalleryImageFactory(page=product)
                made.append(product)
        exhibition = ExhibitionPageFactory()
        for product in made[:6]:
            ExhibitionItemFactory(page=exhibition, product=product)
        curate(made[:4])
        return made

    def test_same_count_for_a_small_and_a_larger_catalog(self, site_tree, count_queries):
        self.build(vendors=2, products_each=3)
        small = count_queries("/")
        self.build(vendors=6, products_each=5)
        larger = count_queries("/")
        assert small == larger
        assert larger < 40


class TestProductChooser:
    URL = "/admin/showroom_product_chooser/results/"

    @pytest.fixture
    def products(self, site_tree):
        cirebon = RegionFactory(name="Kota Cirebon", slug="kota-cirebon")
        cilegon = RegionFactory(name="Kota Cilegon", slug="kota-cilegon")
        batik = CategoryFactory(name="Batik", slug="batik")
        tulis = CategoryFactory(name="Batik Tulis", slug="batik-tulis", parent=batik)
        food = CategoryFactory(name="Makanan", slug="makanan")
        trusmi = VendorPageFactory(title="Batik Trusmi", region=cirebon)
        baja = VendorPageFactory(title="Olahan Baja", region=cilegon)
        return {
            "tulis": ProductPageFactory(parent=trusmi, title="Kain Tulis", category=tulis),
            "batik": ProductPageFactory(parent=trusmi, title="Kemeja Batik", category=batik),
            "sirup": ProductPageFactory(parent=baja, title="Sirup Pala", category=food),
            "emping": ProductPageFactory(parent=baja, title="Emping Melinjo", category=food),
            "draft": ProductPageFactory(parent=baja, title="Draf", category=food, live=False),
        }

    def chosen(self, client, **params):
        response = client.get(self.URL, params)
        assert response.status_code == 200
        page = BeautifulSoup(response.content.decode(), "html.parser")
        return sorted(a.get_text(strip=True) for a in page.select("[data-chooser-modal-choice]"))

    def test_filters_by_category_ikm_region_and_name(self, curator_client, products):
        assert self.chosen(curator_client) == [
            "Emping Melinjo",
            "Kain Tulis",
            "Kemeja Batik",
            "Sirup Pala",
        ]
        batik = products["batik"].category
        assert self.chosen(curator_client, category=batik.pk) == ["Kain Tulis", "Kemeja Batik"]
        tulis = products["tulis"].category
        assert self.chosen(curator_client, category=tulis.pk) == ["Kain Tulis"]
        baja = products["sirup"].vendor
        assert self.chosen(curator_client, vendor=baja.pk) == ["Emping Melinjo", "Sirup Pala"]
        cirebon = products["tulis"].vendor.region
        assert self.chosen(curator_client, region=cirebon.pk) == ["Kain Tulis", "Kemeja Batik"]
        assert self.chosen(curator_client, region=cirebon.pk, q="kain") == ["Kain Tulis"]
        # A bad filter value is ignored, never a 500.
        assert len(self.chosen(curator_client, category="x' OR 1=1")) == 4

    def test_chooser_page_shows_the_filters(self, curator_client, products):
        response = curator_client.get("/admin/showroom_product_chooser/")
        assert response.status_code == 200
        html = response.json()["html"]
        for name in ('name="category"', 'name="vendor"', 'name="region"'):
            assert name in html

    def test_anonymous_visitors_are_sent_to_log_in(self, client, products):
        response = client.get(self.URL)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_home_page_tree_stays_whole(site_tree):
    home = site_tree.home
    assert Page.objects.child_of(home).count() == home.numchild == 4
