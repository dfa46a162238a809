"""Shelf labels: the printable page and the PDF carry name, IKM, price and a QR code that,
printed, decodes to the product's full URL with the label's source marker; visits by that URL are
counted; only those who may edit the venue or exhibition (curators) get labels."""

import datetime
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader
from wagtail.users.models import UserProfile

from catalog.factories import ProductPageFactory, VendorPageFactory
from printing.render import html_to_pdf
from showroom.factories import (
    ExhibitionItemFactory,
    ExhibitionPageFactory,
    ShelfPlacementFactory,
    ShowroomPageFactory,
)
from showroom.labels import LabelVisit
from tests.printing.pdfcheck import qr_urls_on_pages
from tests.two_factor_login import login_verified

pytestmark = pytest.mark.django_db


def printed_codes(response):
    """The QR codes on the sheet as its HTML prints: rendered to PDF, rasterised, decoded."""
    return [
        url for page in qr_urls_on_pages(html_to_pdf(response.content.decode())) for url in page
    ]


def sheet_url(page):
    return f"/admin/showroom/label/{page.pk}/"


@pytest.fixture
def venue_with_shelves(site_tree):
    venue = ShowroomPageFactory(title="Galeri IKM Kota Cirebon", slug="galeri-ikm")
    vendor = VendorPageFactory(title="Batik Trusmi Jaya", slug="batik-trusmi-jaya")
    kain = ProductPageFactory(parent=vendor, title="Kain Mega Mendung", slug="kain", price=150_000)
    tanya = ProductPageFactory(parent=vendor, title="Selendang", slug="selendang", price=None)
    ended = ProductPageFactory(parent=vendor, title="Sudah Diambil", slug="diambil")
    ShelfPlacementFactory(page=venue, product=kain, shelf_code="B3")
    ShelfPlacementFactory(page=venue, product=tanya, shelf_code="B4")
    ShelfPlacementFactory(
        page=venue,
        product=ended,
        starts_on=datetime.date(2020, 1, 1),
        ends_on=datetime.date(2021, 1, 1),
    )
    return venue


def label_items(response):
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return page.select(".label")


class TestPrintableSheet:
    def test_labels_show_name_ikm_price_and_a_decodable_qr(
        self, curator_client, venue_with_shelves
    ):
        response = curator_client.get(sheet_url(venue_with_shelves))
        assert response.status_code == 200
        labels = label_items(response)
        assert [label.select_one(".label__name").get_text() for label in labels] == [
            "Kain Mega Mendung",
            "Selendang",
        ]
        first = labels[0]
        assert first.select_one(".label__vendor").get_text() == "Batik Trusmi Jaya"
        assert first.select_one(".label__price").get_text() == "Rp 150.000"
        assert labels[1].select_one(".label__price").get_text() == "Harga atas permintaan"
        assert "B3" in first.select_one(".label__code").get_text()
        assert sorted(printed_codes(response)) == [
            "http://testserver/ikm/batik-trusmi-jaya/kain/?src=label-galeri-ikm",
            "http://testserver/ikm/batik-trusmi-jaya/selendang/?src=label-galeri-ikm",
        ]

    def test_price_stays_indonesian_for_an_english_admin(self, curator, client, venue_with_shelves):
        profile = UserProfile.get_for_user(curator)
        profile.preferred_language = "en"
        profile.save()
        login_verified(client, curator)
        response = client.get(sheet_url(venue_with_shelves))
        assert '<html lang="en">' in response.content.decode()  # the admin speaks English
        labels = label_items(response)
        assert labels[0].select_one(".label__price").get_text() == "Rp 150.000"

    def test_exhibition_labels_use_booth_codes(self, curator_client, site_tree):
        exhibition = ExhibitionPageFactory(title="INACRAFT", slug="inacraft")
        product = ProductPageFactory(title="Topeng Kelana", slug="topeng-kelana")
        ExhibitionItemFactory(page=exhibition, product=product, booth_code="H12")
        response = curator_client.get(sheet_url(exhibition))
        labels = label_items(response)
        assert len(labels) == 1
        assert "H12" in labels[0].select_one(".label__code").get_text()
        (url,) = printed_codes(response)
        assert url == f"http://testserver{product.url}?src=label-inacraft"

    def test_labels_index_lists_venues_and_exhibitions(self, curator_client, venue_with_shelves):
        ExhibitionPageFactory(title="Pekan Batik")
        response = curator_client.get("/admin/showroom/label/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Galeri IKM Kota Cirebon" in html and "Pekan Batik" in html


class TestPdf:
    def test_printed_pdf_decodes_to_the_product_urls(self, curator_client, venue_with_shelves):
        response = curator_client.get(sheet_url(venue_with_shelves) + "pdf/")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        reader = PdfReader(io.BytesIO(response.content))
        text = reader.pages[0].extract_text()
        assert "Kain Mega Mendung" in text and "Batik Trusmi Jaya" in text
        assert "Rp 150.000" in text
        # Decoded from the page as printed at 300 dpi, not from the images stored in the file.
        assert sorted(qr_urls_on_pages(response.content, dpi=300)[0]) == [
            "http://testserver/ikm/batik-trusmi-jaya/kain/?src=label-galeri-ikm",
            "http://testserver/ikm/batik-trusmi-jaya/selendang/?src=label-galeri-ikm",
        ]


class TestWhoGetsLabels:
    def test_owner_is_refused(self, owner_client, venue_with_shelves, owned_vendor):
        for url in (
            sheet_url(venue_with_shelves),
            sheet_url(venue_with_shelves) + "pdf/",
            "/admin/showroom/label/",
        ):
            response = owner_client.get(url)
            assert response.status_code in (302, 403), url
            assert b"Kain Mega Mendung" not in response.content
        # Not even for a page of their own IKM: labels are for venues and exhibitions only.
        assert owner_client.get(sheet_url(owned_vendor)).status_code in (302, 403)

    def test_anonymous_is_sent_to_log_in(self, client, venue_with_shelves):
        response = client.get(sheet_url(venue_with_shelves))
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


class TestLabelVisits:
    @pytest.mark.parametrize("page_cache_seconds", [0, 600], ids=["uncached", "page-cache-on"])
    def test_visits_by_the_qr_url_are_counted_per_day(
        self, client, settings, venue_with_shelves, page_cache_seconds
    ):
        # With the anonymous page cache on, a cached copy must not swallow the count.
        settings.PAGE_CACHE_SECONDS = page_cache_seconds
        product = venue_with_shelves.placements.first().product
        url = f"{product.url}?src=label-galeri-ikm"
        for _ in range(3):
            assert client.get(url).status_code == 200
        assert client.get(product.url).status_code == 200  # no marker: not counted
        assert client.get(f"{product.url}?src=iklan").status_code == 200  # not a label
        assert client.get(f"{product.url}?src=label-<script>").status_code == 200
        visits = LabelVisit.objects.get()
        assert (visits.product_id, visits.source, visits.count) == (
            product.pk,
            "label-galeri-ikm",
            3,
        )
        assert "sessionid" not in client.cookies

    def test_sheet_shows_the_count(self, curator_client, venue_with_shelves):
        product = venue_with_shelves.placements.first().product
        LabelVisit.record(product, "label-galeri-ikm")
        LabelVisit.record(product, "label-galeri-ikm")
        labels = label_items(curator_client.get(sheet_url(venue_with_shelves)))
        assert labels[0].select_one(".label__visits").get_text(strip=True) == (
            "2 kunjungan dari kode QR"
        )

    def test_source_marker_in_the_url(self, curator_client, venue_with_shelves):
        labels = label_items(curator_client.get(sheet_url(venue_with_shelves)))
        query = parse_qs(urlsplit(labels[0]["data-url"]).query)
        assert query == {"src": ["label-galeri-ikm"]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("source", "counted"),
    [
        ("label-galeri-ikm", True),
        ("katalog-ikm-batik-ibu-siti", True),
        ("katalog-", False),
        ("brosur-galeri", False),
        ("label-<script>", False),
    ],
)
def test_print_sources_are_counted_and_others_ignored(source, counted):
    """Shelf labels and printed catalogs count their QR visits; anything else is ignored."""
    from catalog.factories import ProductPageFactory

    product = ProductPageFactory()
    assert LabelVisit.record(product, source) is counted
    assert LabelVisit.objects.filter(source=source).exists() is counted
