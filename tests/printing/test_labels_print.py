"""Shelf labels as printed: every page of the PDF rendered at 300 dpi, every QR code decoded
from the rendered page to its label's URL, and no text drawn over a code, with names of 80
characters, unbroken words, "Harga atas permintaan" and diacritics. The admin's printable
page and the PDF are one template."""

import io
import re

import pytest
from pypdf import PdfReader

from printing.labels import labels_for, labels_html, labels_pdf
from tests.printing.label_data import (
    ADVERSARIAL_NAMES,
    adversarial_products,
    exhibition_with_labels,
    venue_with_labels,
)
from tests.printing.pdfcheck import qr_urls_on_pages, text_overlapping_codes

pytestmark = pytest.mark.django_db

LABELS_PER_PAGE = 10


@pytest.fixture
def curator_client(client, site_tree, verified_login):
    from catalog.factories import UserFactory
    from catalog.ownership import ensure_curator_group

    curator = UserFactory(username="kurator.cetak")
    ensure_curator_group(users=[curator])
    return verified_login(client, curator)


def sheet_url(page):
    return f"/admin/showroom/label/{page.pk}/"


def pdf_text(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader.pages]


def expected_urls(page, labels):
    source = f"label-{page.slug}"
    urls = [label.url for label in labels]
    assert all(url.endswith(f"?src={source}") for url in urls)
    return urls


def assert_prints_cleanly(pdf, labels):
    """Every label's code decodes from the printed page, on its page, and no text covers one."""
    pages = qr_urls_on_pages(pdf, dpi=300)
    assert len(pages) == -(-len(labels) // LABELS_PER_PAGE)
    urls = [label.url for label in labels]
    for number, decoded in enumerate(pages):
        on_this_page = urls[number * LABELS_PER_PAGE : (number + 1) * LABELS_PER_PAGE]
        assert sorted(decoded) == sorted(on_this_page), f"page {number + 1}"
    assert text_overlapping_codes(pdf) == []


def test_venue_labels_over_three_sheets_all_decode_with_no_text_on_a_code(
    curator_client, site_tree
):
    venue = venue_with_labels(23)
    response = curator_client.get(sheet_url(venue) + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    labels = labels_for(venue, response.wsgi_request)
    assert len(labels) == 23
    expected_urls(venue, labels)
    assert_prints_cleanly(response.content, labels)


def test_exhibition_labels_with_long_booth_codes_all_decode(site_tree):
    exhibition = exhibition_with_labels(adversarial_products(12))
    labels = labels_for(exhibition)
    assert len(labels) == 12
    expected_urls(exhibition, labels)
    assert_prints_cleanly(labels_pdf(exhibition, labels), labels)


def test_long_names_are_cut_with_an_ellipsis_and_prices_wrap_in_their_box(site_tree):
    venue = venue_with_labels(len(ADVERSARIAL_NAMES))
    labels = labels_for(venue)
    text = " ".join(pdf_text(labels_pdf(venue, labels)))
    assert "…" in text  # the 80-character names are clamped to three lines
    assert ADVERSARIAL_NAMES[0] not in text
    assert "Kain Batik Tulis Mega" in text
    assert "Selendang" in text and "Kerupuk Udang Khas Cirebon" in text
    assert "Rp 1.250.000" in text
    assert "Harga atas permintaan" in text
    assert "Rotan Ibu Ñoñi" in text and "édition spéciale" in text
    assert "Rak/stan RAK-000" in text


def test_the_printable_page_and_the_pdf_are_one_template(curator_client, site_tree):
    venue = venue_with_labels(3)
    sheet = curator_client.get(sheet_url(venue))
    pdf = curator_client.get(sheet_url(venue) + "pdf/")
    for response in (sheet, pdf):
        assert [t.name for t in response.templates][0] == "printing/labels.html"
    html = sheet.content.decode()
    assert 'class="toolbar no-print"' in html and "data-print" in html and "print-button.js" in html
    # The PDF is that page without the screen's toolbar and visit counts.
    assert 'class="toolbar' not in labels_html(venue, labels_for(venue))
    assert "kunjungan dari kode QR" not in " ".join(pdf_text(pdf.content))


def test_no_labels_prints_one_page_that_says_so(site_tree):
    from showroom.factories import ShowroomPageFactory

    venue = ShowroomPageFactory(title="Mall UKM", slug="mall-ukm")
    pdf = labels_pdf(venue, [])
    assert pdf_text(pdf) == ["Belum ada produk untuk label."]
    assert qr_urls_on_pages(pdf) == [[]]
