"""Venues and exhibitions: where they sit in the page tree, how they render (Indonesian and
English), which exhibitions are current, upcoming or past and which shelf placements are
current, on frozen dates."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from catalog.factories import ProductPageFactory, VendorPageFactory
from catalog.models import ProductPage
from showroom.exhibitions import ExhibitionIndexPage, ExhibitionPage
from showroom.factories import (
    ExhibitionItemFactory,
    ExhibitionPageFactory,
    ShelfPlacementFactory,
    ShowroomPageFactory,
)
from showroom.models import CatalogIndexPage, HomePage, StandardPage, VendorIndexPage
from showroom.venues import ShelfPlacement, ShowroomIndexPage, ShowroomPage

pytestmark = pytest.mark.django_db

DAY = datetime.date(2026, 8, 17)


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def card_titles(node):
    return [a.get_text(strip=True) for a in node.select(".card__title a")]


class TestPageTree(WagtailPageTestCase):
    def test_index_pages_only_under_the_home_page_once(self):
        for model in (ExhibitionIndexPage, ShowroomIndexPage):
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {HomePage})
                self.assertCanNotCreateAt(Page, model)
                self.assertCanNotCreateAt(StandardPage, model)
                self.assertEqual(model.max_count, 1)

    def test_exhibitions_and_venues_under_their_index(self):
        self.assertAllowedSubpageTypes(ExhibitionIndexPage, {ExhibitionPage})
        self.assertAllowedSubpageTypes(ShowroomIndexPage, {ShowroomPage})
        self.assertAllowedParentPageTypes(ExhibitionPage, {ExhibitionIndexPage})
        self.assertAllowedParentPageTypes(ShowroomPage, {ShowroomIndexPage})
        self.assertAllowedSubpageTypes(ExhibitionPage, set())
        self.assertAllowedSubpageTypes(ShowroomPage, set())
        for model in (HomePage, CatalogIndexPage, VendorIndexPage, ShowroomIndexPage):
            self.assertCanNotCreateAt(model, ExhibitionPage)
        self.assertCanNotCreateAt(ExhibitionIndexPage, ShowroomPage)

    def test_the_migration_added_both_index_pages(self):
        home = HomePage.objects.get()
        exhibitions = ExhibitionIndexPage.objects.get()
        venues = ShowroomIndexPage.objects.get()
        self.assertEqual((exhibitions.url, venues.url), ("/pameran/", "/showroom/"))
        self.assertEqual(exhibitions.get_parent().pk, home.pk)
        self.assertTrue(exhibitions.live and venues.live)
        self.assertEqual(home.get_children().count(), home.numchild)
        # A second one is refused (max_count).
        self.assertFalse(ExhibitionIndexPage.can_create_at(home))


class TestExhibitionDates:
    def make(self, title, starts, ends, **kwargs):
        return ExhibitionPageFactory(title=title, starts_on=starts, ends_on=ends, **kwargs)

    def test_status_on_frozen_days(self, site_tree):
        fair = self.make("Pameran Agustus", DAY, DAY + datetime.timedelta(days=6))
        permanent = self.make("Pameran Tetap", DAY, None, kind=ExhibitionPage.Kind.PERMANENT)
        with time_machine.travel(DAY - datetime.timedelta(days=1), tick=False):
            assert fair.status() == "upcoming"
            assert permanent.status() == "upcoming"
        with time_machine.travel(DAY, tick=False):
            assert fair.status() == "current"
        with time_machine.travel(DAY + datetime.timedelta(days=6), tick=False):
            assert fair.status() == "current"  # the last day still counts
        with time_machine.travel(DAY + datetime.timedelta(days=7), tick=False):
            assert fair.status() == "past"
            assert permanent.status() == "current"  # no end date: runs on
            assert set(ExhibitionPage.current()) == {permanent}

    def test_index_groups_current_upcoming_and_past(self, client, site_tree):
        self.make("Sedang A", DAY - datetime.timedelta(days=2), DAY + datetime.timedelta(days=9))
        self.make("Sedang B", DAY - datetime.timedelta(days=5), DAY + datetime.timedelta(days=1))
        self.make(
            "Nanti Jauh", DAY + datetime.timedelta(days=60), DAY + datetime.timedelta(days=65)
        )
        self.make("Nanti Dekat", DAY + datetime.timedelta(days=3), DAY + datetime.timedelta(days=8))
        self.make("Lalu Lama", DAY - datetime.timedelta(days=90), DAY - datetime.timedelta(days=80))
        self.make("Lalu Baru", DAY - datetime.timedelta(days=20), DAY - datetime.timedelta(days=1))
        self.make("Draf", DAY, DAY, live=False)
        with time_machine.travel(DAY, tick=False):
            page = soup(client.get("/pameran/"))
        assert card_titles(page.select_one(".exhibitions--current")) == ["Sedang B", "Sedang A"]
        assert card_titles(page.select_one(".exhibitions--upcoming")) == [
            "Nanti Dekat",
            "Nanti Jauh",
        ]
        assert card_titles(page.select_one(".exhibitions--past")) == ["Lalu Baru", "Lalu Lama"]
        assert "Draf" not in page.get_text()

    def test_end_before_start_is_refused(self, site_tree):
        exhibition = ExhibitionPage(
            title="Salah", slug="salah", starts_on=DAY, ends_on=DAY - datetime.timedelta(days=1)
        )
        with pytest.raises(Exception, match="sesudah tanggal mulai"):
            exhibition.full_clean()


class TestExhibitionPage:
    @pytest.fixture
    def exhibition(self, site_tree):
        venue = ShowroomPageFactory(title="Galeri IKM Kota Cirebon")
        trusmi = VendorPageFactory(title="Batik Trusmi")
        rotan = VendorPageFactory(title="Rotan Plumbon")
        exhibition = ExhibitionPageFactory(
            title="Pekan Batik",
            slug="pekan-batik",
            theme="Motif pesisir",
            venue=venue,
            title_en="Batik Week",
        )
        products = [
            ProductPageFactory(parent=trusmi, title="Kain Mega Mendung"),
            ProductPageFactory(parent=rotan, title="Kursi Rotan"),
            ProductPageFactory(parent=trusmi, title="Selendang Sutra"),
        ]
        hidden = ProductPageFactory(parent=rotan, title="Produk Draf", live=False)
        for product, note in zip(products, ["Dibuat 3 bulan", "", ""], strict=True):
            ExhibitionItemFactory(page=exhibition, product=product, note=note)
        ExhibitionItemFactory(page=exhibition, product=hidden)
        return exhibition

    def test_items_in_order_with_notes_and_participants(self, client, exhibition):
        page = soup(client.get("/pameran/pekan-batik/"))
        assert page.h1.get_text(strip=True) == "Pekan Batik"
        items = page.select(".exhibition-item")
        assert [card_titles(item)[0] for item in items] == [
            "Kain Mega Mendung",
            "Kursi Rotan",
            "Selendang Sutra",
        ]
        assert items[0].select_one(".exhibition-item__note").get_text() == "Dibuat 3 bulan"
        participants = [next(a.stripped_strings) for a in page.select(".participants a")]
        assert participants == ["Batik Trusmi", "Rotan Plumbon"]
        assert page.find("a", string="Galeri IKM Kota Cirebon")["href"] == (
            "/showroom/galeri-ikm-kota-cirebon/"
        )
        assert "Produk Draf" not in page.get_text()

    def test_structured_data_and_english(self, client, exhibition, parse_jsonld):
        response = client.get("/pameran/pekan-batik/")
        event = parse_jsonld(response.content.decode())[0]
        assert event["@type"] == "ExhibitionEvent"
        assert event["location"]["name"] == "Galeri IKM Kota Cirebon"
        english = soup(client.get("/en/pameran/pekan-batik/"))
        assert english.html["lang"] == "en"
        assert english.find(id="items-heading").get_text() == "Selected products"
        assert soup(client.get("/en/pameran/")).html["lang"] == "en"
        # The English twin is stored for the bilingual display.
        assert ExhibitionPage.objects.get(slug="pekan-batik").title_en == "Batik Week"

    def test_outside_place(self, client, site_tree):
        ExhibitionPageFactory(
            slug="inacraft",
            kind=ExhibitionPage.Kind.TRADE_FAIR,
            venue_text="JCC Senayan, Jakarta",
        )
        page = soup(client.get("/pameran/inacraft/"))
        assert "JCC Senayan, Jakarta" in page.select_one(".exhibition__header").get_text()
        assert "Pameran dagang" in page.get_text()


class TestShowroomPage:
    @pytest.fixture
    def venue(self, site_tree):
        return ShowroomPageFactory(
            title="Galeri IKM Kota Cirebon",
            slug="galeri-ikm",
            latitude="-6.712300",
            longitude="108.557500",
            phone="+62231200300",
        )

    def test_details_and_openstreetmap_link(self, client, venue):
        page = soup(client.get("/showroom/galeri-ikm/"))
        link = page.select_one("a.osm-link")
        assert link["href"] == (
            "https://www.openstreetmap.org/?mlat=-6.712300&mlon=108.557500"
            "#map=17/-6.712300/108.557500"
        )
        html = str(page)
        # No embedded map: no iframe, no tile server, no external script.
        assert "<iframe" not in html
        assert "tile.openstreetmap" not in html
        assert all(not s.get("src", "").startswith("http") for s in page.find_all("script"))
        assert "Senin–Jumat 08.00–16.00" in page.get_text()
        assert soup(client.get("/showroom/")).find("a", string="Galeri IKM Kota Cirebon")

    def test_english_pages_render(self, client, venue):
        assert soup(client.get("/en/showroom/galeri-ikm/")).html["lang"] == "en"
        assert soup(client.get("/en/showroom/")).html["lang"] == "en"

    def test_shelf_lists_current_placements_only(self, client, venue):
        vendor = VendorPageFactory()
        now = ProductPageFactory(parent=vendor, title="Di Rak Sekarang")
        ended = ProductPageFactory(parent=vendor, title="Sudah Diambil")
        later = ProductPageFactory(parent=vendor, title="Minggu Depan")
        ShelfPlacementFactory(page=venue, product=now, shelf_code="B3", starts_on=DAY)
        ShelfPlacementFactory(
            page=venue,
            product=ended,
            starts_on=DAY - datetime.timedelta(days=30),
            ends_on=DAY - datetime.timedelta(days=1),
        )
        ShelfPlacementFactory(page=venue, product=later, starts_on=DAY + datetime.timedelta(days=7))
        with time_machine.travel(DAY, tick=False):
            page = soup(client.get("/showroom/galeri-ikm/"))
        shelf = page.select_one(".shelf-products")
        assert card_titles(shelf) == ["Di Rak Sekarang"]
        assert "Rak B3" in shelf.get_text()

    def test_incomplete_coordinates_are_refused(self, venue):
        venue.longitude = None
        with pytest.raises(Exception, match="lintang dan bujur"):
            venue.full_clean()
        venue.longitude = "108.5"
        venue.latitude = "95"
        with pytest.raises(Exception, match="latitude"):
            venue.full_clean()


class TestWhereToSeeIt:
    """The product page names the venue and shelf while a placement is current."""

    @pytest.fixture
    def placed(self, site_tree):
        venue = ShowroomPageFactory(title="Galeri IKM Kota Cirebon", slug="galeri-ikm")
        product = ProductPageFactory(title="Kain Mega Mendung")
        placement = ShelfPlacementFactory(
            page=venue,
            product=product,
            shelf_code="B3",
            starts_on=DAY,
            ends_on=DAY + datetime.timedelta(days=10),
        )
        return placement

    def in_person(self, client, product):
        page = soup(client.get(product.url))
        return [p.get_text(strip=True) for p in page.select(".in-person")]

    def test_only_while_current(self, client, placed):
        product = placed.product
        expected = ["Lihat langsung di Galeri IKM Kota Cirebon, rak B3"]
        with time_machine.travel(DAY - datetime.timedelta(days=1), tick=False):
            assert self.in_person(client, product) == []
        with time_machine.travel(DAY, tick=False):
            assert self.in_person(client, product) == expected
        with time_machine.travel(DAY + datetime.timedelta(days=10), tick=False):
            assert self.in_person(client, product) == expected
        with time_machine.travel(DAY + datetime.timedelta(days=11), tick=False):
            assert self.in_person(client, product) == []
        assert placed.is_current(DAY) and not placed.is_current(DAY - datetime.timedelta(days=1))

    def test_not_for_an_unpublished_venue(self, client, placed):
        placed.page.unpublish()
        with time_machine.travel(DAY, tick=False):
            assert self.in_person(client, placed.product) == []
        assert list(ShelfPlacement.current_for_product(placed.product, DAY)) == []

    def test_english(self, client, placed):
        with time_machine.travel(DAY, tick=False):
            page = soup(client.get("/en" + placed.product.url))
        assert page.select_one(".in-person").get_text(strip=True) == (
            "See it in person at Galeri IKM Kota Cirebon, shelf B3"
        )

    def test_product_page_query_count_does_not_depend_on_placements(
        self, client, placed, count_queries
    ):
        other = ProductPageFactory(parent=placed.product.get_parent(), title="Tanpa Rak")
        with time_machine.travel(DAY, tick=False):
            with_placement = count_queries(placed.product.url)
            without = count_queries(other.url)
            ShelfPlacementFactory(
                product=placed.product, shelf_code="Z9", starts_on=DAY
            )  # a second venue
            two_venues = count_queries(placed.product.url)
        assert with_placement == without == two_venues


def test_placement_end_before_start_is_refused(site_tree):
    placement = ShelfPlacement(
        product=ProductPage(), shelf_code="A1", starts_on=DAY, ends_on=DAY - datetime.timedelta(1)
    )
    with pytest.raises(Exception, match="sesudah tanggal mulai"):
        placement.clean()
