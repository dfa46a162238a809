"""The printed catalog itself: cover, contents, IKM introductions, entries and back page in
either language, on A4 and A5; every QR code on every page, rendered at 300 dpi, decodes to its
product's URL with the catalog's source marker, and no text overlaps any image (QR code or
photo), with adversarial long names and a price on request."""

import io
from collections import Counter

import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from pypdf import PdfReader

from printing import scopes
from printing.document import source_for
from printing.tasks import render_catalog

pytestmark = pytest.mark.django_db

DPI = 300


def qr_urls_on_pages(pdf_bytes, dpi=DPI):
    """Per page, the texts of the QR codes zxing-cpp decodes from the page rendered at `dpi`."""
    document = pypdfium2.PdfDocument(pdf_bytes)
    found = []
    for page in document:
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        found.append([r.text for r in zxingcpp.read_barcodes(image) if r.format.name == "QRCode"])
    return found


def _overlap(a, b, slack=0.2):
    return (
        a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack
    )


def text_overlapping_images(pdf_bytes):
    """(page, character) pairs whose glyph box overlaps an image's box; empty when none."""
    document = pypdfium2.PdfDocument(pdf_bytes)
    clashes = []
    for number, page in enumerate(document, start=1):
        images = [
            obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
        ]
        text = page.get_textpage()
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            if not char.strip():
                continue
            box = text.get_charbox(index)
            if any(_overlap(box, image) for image in images):
                clashes.append((number, char))
    return clashes, sum(
        len(list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))) for page in document
    )


def pdf_text(pdf_bytes):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


def expected_urls(scope, products, language):
    from django.utils import translation

    with translation.override(language):
        return Counter(f"{p.get_full_url()}?src={source_for(scope)}" for p in products)


WORDS = {
    "id": [
        "Katalog produk",
        "Daftar isi",
        "Cara memesan",
        "Harga atas permintaan",
        "Minimal pesan",
    ],
    "en": ["Product catalogue", "Contents", "How to order", "Price on request", "Minimum order"],
}


@pytest.mark.parametrize("paper", ["a4", "a5"])
@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("kind", [scopes.VENDOR, scopes.EXHIBITION])
def test_every_page_reads_and_scans(catalog, kind, language, paper):
    key = {scopes.VENDOR: "batik-trusmi-jaya", scopes.EXHIBITION: "pameran-ciayumajakuning"}[kind]
    scope = scopes.resolve(kind, key)
    products = scope.products()
    pdf, pages = render_catalog(scope, language, paper)

    text = pdf_text(pdf)
    for word in WORDS[language]:
        assert word in text, word
    assert "Batik Trusmi Jaya" in text
    assert "1234567890123" in text and "SIINAS-42" in text and "IDM000123" in text
    assert "2.750.000" in text if language == "id" else "2,750,000" in text
    assert "Belum Terbit" not in text

    reader = PdfReader(io.BytesIO(pdf))
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert round(width_mm) == (210 if paper == "a4" else 148)
    assert len(reader.pages) == pages >= 4  # cover, contents, entries, back page

    decoded = qr_urls_on_pages(pdf)
    assert Counter(url for page in decoded for url in page) == expected_urls(
        scope, products, language
    )
    assert all(source_for(scope) in url for page in decoded for url in page)

    clashes, images = text_overlapping_images(pdf)
    assert images >= 2 * len(products)  # a photo and a QR code per entry were checked
    assert clashes == []


def test_photos_are_print_renditions_not_originals(catalog):
    from printing.document import PHOTO_SPEC, photo_url

    url = photo_url(catalog.long)
    assert url.startswith("/media/") and "original" not in url
    image = catalog.long.gallery_images.first().image
    assert image.renditions.filter(filter_spec=PHOTO_SPEC).exists()


def test_publishing_a_product_makes_its_print_photo(catalog):
    from printing.document import PHOTO_SPEC

    image = catalog.chair.gallery_images.first().image
    image.renditions.all().delete()
    catalog.chair.save_revision().publish()
    assert image.renditions.filter(filter_spec=PHOTO_SPEC).exists()
