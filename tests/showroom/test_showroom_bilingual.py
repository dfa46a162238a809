"""Exhibitions, venues and the home page in English: English text where curators wrote some,
else the Indonesian text marked lang="id"; exhibitions and venues in the "needs translation"
report."""

import json

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from catalog.factories import ProductPageFactory, UserFactory, VendorPageFactory
from showroom.factories import (
    ExhibitionItemFactory,
    ExhibitionPageFactory,
    ShelfPlacementFactory,
    ShowroomPageFactory,
)
from showroom.models import ExhibitionIndexPage, ShowroomIndexPage

pytestmark = pytest.mark.django_db

REPORT = "/admin/perlu-terjemahan/"


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    translation.activate("id")  # LocaleMiddleware leaves /en/ active in this thread
    return BeautifulSoup(response.content.decode(), "html.parser")


def jsonld(page, schema_type):
    for script in page.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data.get("@type") == schema_type:
            return data
    raise AssertionError(f"no {schema_type}")


def meta_description(page):
    return page.find("meta", attrs={"name": "description"})["content"]


@pytest.fixture
def venue(site_tree):
    return ShowroomPageFactory(
        title="Galeri IKM Cirebon",
        slug="galeri-ikm-cirebon",
        intro="Etalase produk IKM di pusat kota.",
        description="<p>Buka untuk umum setiap hari kerja.</p>",
        opening_hours="Senin–Jumat 08.00–16.00",
    )


@pytest.fixture
def english_venue(venue):
    venue.title_en = "Cirebon IKM Gallery"
    venue.intro_en = "A showcase of IKM products in the city centre."
    venue.description_en = "<p>Open to everyone on working days.</p>"
    venue.opening_hours_en = "Monday–Friday 8am–4pm"
    venue.save_revision().publish()
    return venue


@pytest.fixture
def exhibition(venue):
    page = ExhibitionPageFactory(
        title="Pekan Batik Cirebon",
        slug="pekan-batik-cirebon",
        theme="Motif mega mendung",
        description="<p>Batik tulis dari Trusmi.</p>",
        venue=venue,
    )
    vendor = VendorPageFactory(title="Batik Trusmi", slug="batik-trusmi")
    ExhibitionItemFactory(
        page=page, product=ProductPageFactory(parent=vendor), note="Pilihan kurator."
    )
    return page


@pytest.fixture
def english_exhibition(exhibition, english_venue):
    exhibition.title_en = "Cirebon Batik Week"
    exhibition.theme_en = "The mega mendung motif"
    exhibition.description_en = "<p>Hand-drawn batik from Trusmi.</p>"
    exhibition.save_revision().publish()
    return exhibition


class TestEnglishExhibition:
    def test_without_english_the_indonesian_is_marked(self, client, exhibition):
        page = get_page(client, "/en" + exhibition.url)
        assert page.html["lang"] == "en"
        h1 = page.find("h1")
        assert (h1.get_text(strip=True), h1["lang"]) == ("Pekan Batik Cirebon", "id")
        assert page.select_one(".exhibition .lead")["lang"] == "id"
        assert page.select_one(".exhibition .prose")["lang"] == "id"
        assert page.select_one(".exhibition-item__note")["lang"] == "id"
        assert page.find(id="items-heading").get_text(strip=True) != "Produk pilihan"
        assert jsonld(page, "ExhibitionEvent")["name"] == "Pekan Batik Cirebon"

    def test_with_english_nothing_is_marked(self, client, english_exhibition):
        page = get_page(client, "/en" + english_exhibition.url)
        h1 = page.find("h1")
        assert h1.get_text(strip=True) == "Cirebon Batik Week"
        assert not h1.has_attr("lang")
        lead = page.select_one(".exhibition .lead")
        assert (lead.get_text(strip=True), lead.has_attr("lang")) == (
            "The mega mendung motif",
            False,
        )
        prose = page.select_one(".exhibition .prose")
        assert "Hand-drawn batik" in prose.get_text() and not prose.has_attr("lang")
        assert page.select_one(".facts a").get_text(strip=True) == "Cirebon IKM Gallery"
        data = jsonld(page, "ExhibitionEvent")
        assert data["name"] == "Cirebon Batik Week"
        assert data["description"] == "The mega mendung motif"
        assert data["location"]["name"] == "Cirebon IKM Gallery"
        assert meta_description(page) == "The mega mendung motif"
        assert page.find("meta", property="og:title")["content"] == "Cirebon Batik Week"

    def test_indonesian_page_is_unchanged(self, client, english_exhibition):
        page = get_page(client, english_exhibition.url)
        h1 = page.find("h1")
        assert h1.get_text(strip=True) == "Pekan Batik Cirebon"
        assert not h1.has_attr("lang")
        assert jsonld(page, "ExhibitionEvent")["location"]["name"] == "Galeri IKM Cirebon"
        assert meta_description(page) == "Motif mega mendung"

    def test_cards_on_the_index_follow_the_language(self, client, exhibition):
        index = ExhibitionIndexPage.objects.get()
        card = get_page(client, "/en" + index.url).select_one(".exhibition-card .card__title")
        assert (card.get_text(strip=True), card["lang"]) == ("Pekan Batik Cirebon", "id")
        exhibition.title_en = "Cirebon Batik Week"
        exhibition.save_revision().publish()
        card = get_page(client, "/en" + index.url).select_one(".exhibition-card .card__title")
        assert (card.get_text(strip=True), card.has_attr("lang")) == ("Cirebon Batik Week", False)


class TestEnglishVenue:
    def test_without_english_the_indonesian_is_marked(self, client, venue):
        page = get_page(client, "/en" + venue.url)
        h1 = page.find("h1")
        assert (h1.get_text(strip=True), h1["lang"]) == ("Galeri IKM Cirebon", "id")
        assert page.select_one(".lead")["lang"] == "id"
        assert page.select_one(".prose")["lang"] == "id"
        hours = page.select(".venue-info dd")[1]
        assert (hours.get_text(strip=True), hours["lang"]) == ("Senin–Jumat 08.00–16.00", "id")

    def test_with_english_nothing_is_marked(self, client, english_venue):
        page = get_page(client, "/en" + english_venue.url)
        h1 = page.find("h1")
        assert (h1.get_text(strip=True), h1.has_attr("lang")) == ("Cirebon IKM Gallery", False)
        assert page.select_one(".lead").get_text(strip=True) == (
            "A showcase of IKM products in the city centre."
        )
        assert "Open to everyone" in page.select_one(".prose").get_text()
        hours = page.select(".venue-info dd")[1]
        assert (hours.get_text(strip=True), hours.has_attr("lang")) == (
            "Monday–Friday 8am–4pm",
            False,
        )
        assert jsonld(page, "Store")["name"] == "Cirebon IKM Gallery"
        assert meta_description(page) == "A showcase of IKM products in the city centre."
        index = get_page(client, "/en" + ShowroomIndexPage.objects.get().url)
        assert index.select_one(".venue-card .card__title").get_text(strip=True) == (
            "Cirebon IKM Gallery"
        )
        # On the Indonesian site the Indonesian text, as before.
        page = get_page(client, english_venue.url)
        assert page.find("h1").get_text(strip=True) == "Galeri IKM Cirebon"
        assert "Senin–Jumat" in page.select(".venue-info dd")[1].get_text()

    def test_product_page_names_the_venue_in_english(self, client, english_venue):
        placement = ShelfPlacementFactory(page=english_venue, shelf_code="B3")
        page = get_page(client, "/en" + placement.product.url)
        assert "Cirebon IKM Gallery" in page.select_one(".in-person").get_text()
        page = get_page(client, placement.product.url)
        assert "Galeri IKM Cirebon" in page.select_one(".in-person").get_text()


class TestEnglishHome:
    def hero(self, site_tree, **english):
        site_tree.home.body = [
            (
                "hero",
                {"heading": "Etalase IKM", "text": "Produk IKM pilihan.", "links": [], **english},
            ),
            ("exhibitions", {"heading": "", "count": 3}),
            ("categories", {"heading": "Kategori pilihan"}),
        ]
        site_tree.home.save_revision().publish()

    def test_hero_in_english(self, client, site_tree, exhibition):
        self.hero(site_tree, heading_en="IKM Showcase", text_en="Chosen IKM products.")
        page = get_page(client, "/en/")
        h1 = page.select_one(".hero h1")
        assert (h1.get_text(strip=True), h1.has_attr("lang")) == ("IKM Showcase", False)
        lead = page.select_one(".hero__lead")
        assert (lead.get_text(strip=True), lead.has_attr("lang")) == ("Chosen IKM products.", False)
        assert meta_description(page) == "Chosen IKM products."
        card = page.select_one(".home-section--exhibitions .card__title")
        assert (card.get_text(strip=True), card["lang"]) == ("Pekan Batik Cirebon", "id")
        # The default heading is English; a curator's own heading is Indonesian, marked.
        heading = page.select_one(".home-section--exhibitions h2")
        assert not heading.has_attr("lang")
        heading = page.select_one(".home-section--categories h2")
        assert (heading.get_text(strip=True), heading["lang"]) == ("Kategori pilihan", "id")
        page = get_page(client, "/")
        assert page.select_one(".hero h1").get_text(strip=True) == "Etalase IKM"

    def test_hero_without_english_is_marked(self, client, site_tree):
        self.hero(site_tree)
        page = get_page(client, "/en/")
        h1 = page.select_one(".hero h1")
        assert (h1.get_text(strip=True), h1["lang"]) == ("Etalase IKM", "id")
        assert page.select_one(".hero__lead")["lang"] == "id"


class TestNeedsTranslationReport:
    def counts(self, page):
        return {s["data-kind"]: int(s.get_text()) for s in page.select(".needs-translation-count")}

    def rows(self, page):
        return [
            row.find("td").get_text(strip=True)
            for row in page.select("table.needs-translation tbody tr")
        ]

    def test_lists_untranslated_exhibitions_and_venues(self, curator_client, exhibition):
        ExhibitionPageFactory(title="Pameran Draf", slug="pameran-draf", live=False)
        page = get_page(curator_client, REPORT + "?jenis=pameran")
        assert self.counts(page)["pameran"] == 1
        assert self.counts(page)["showroom"] == 1
        assert self.rows(page) == ["Pekan Batik Cirebon"]
        assert page.select_one("table.needs-translation tbody a")["href"] == (
            f"/admin/pages/{exhibition.pk}/edit/"
        )
        assert self.rows(get_page(curator_client, REPORT + "?jenis=showroom")) == [
            "Galeri IKM Cirebon"
        ]

    def test_translated_ones_leave_the_list(self, curator_client, english_exhibition):
        page = get_page(curator_client, REPORT + "?jenis=pameran")
        assert self.counts(page)["pameran"] == 0
        assert self.counts(page)["showroom"] == 0

    def test_owners_get_no_showroom_tabs(self, owner_client, exhibition):
        page = get_page(owner_client, REPORT + "?jenis=pameran")
        assert "pameran" not in self.counts(page)
        assert "Pekan Batik Cirebon" not in str(page)

    def test_no_access_without_admin(self, client, exhibition):
        client.force_login(UserFactory(username="pembeli.uji"))
        assert client.get(REPORT + "?jenis=pameran").status_code in (302, 403)


class TestExhibitionFilterInEnglish:
    def facet_link(self, page):
        return page.select_one("#facet-exhibition").find_next("ul").select_one("a")

    def test_english_title_when_there_is_one(self, client, site_tree, exhibition):
        exhibition.save_revision().publish()  # clears the taxonomy cache, as a curator would
        url = "/en" + site_tree.catalog.url + "?pameran=pekan-batik-cirebon"
        page = get_page(client, url)
        link = self.facet_link(page)
        assert link.get_text(" ", strip=True).startswith("Pekan Batik Cirebon")
        assert link["lang"] == "id"
        exhibition.title_en = "Cirebon Batik Week"
        exhibition.save_revision().publish()
        page = get_page(client, url)
        link = self.facet_link(page)
        assert link.get_text(" ", strip=True).startswith("Cirebon Batik Week")
        assert not link.has_attr("lang")
        chips = [chip.get_text(" ", strip=True) for chip in page.select(".chip--active")]
        assert any(chip.startswith("Cirebon Batik Week") for chip in chips), chips
        # The Indonesian catalog keeps the Indonesian title.
        page = get_page(client, site_tree.catalog.url + "?pameran=pekan-batik-cirebon")
        assert self.facet_link(page).get_text(" ", strip=True).startswith("Pekan Batik Cirebon")
