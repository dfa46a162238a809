"""The printed-page checker itself: it decodes codes from the rendered page and finds text
drawn over a code, whether the code is an image or vector (SVG) drawing."""

import base64
import io

import segno

from printing.render import html_to_pdf
from tests.printing.pdfcheck import qr_urls_on_pages, text_overlapping_codes


def png_uri(url):
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=10, border=4)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def svg_uri(url):
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="svg", border=4)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


def page(body):
    return html_to_pdf(f"<html><body style='margin:0'>{body}</body></html>")


OVER = "position:absolute;top:12mm;left:4mm;margin:0;font-size:14pt"


def test_a_clean_page_decodes_and_has_no_overlap():
    pdf = page(
        f"<img src='{png_uri('http://x.test/a')}' style='width:30mm'><p>Kain Mega Mendung</p>"
        f"<div style='page-break-before:always'><img src='{svg_uri('http://x.test/b')}'"
        " style='width:30mm'></div>"
    )
    assert qr_urls_on_pages(pdf) == [["http://x.test/a"], ["http://x.test/b"]]
    assert text_overlapping_codes(pdf) == []


def test_text_over_an_image_code_is_found():
    pdf = page(
        f"<div style='position:relative'><img src='{png_uri('http://x.test/a')}'"
        f" style='width:30mm'><p style='{OVER}'>Harga atas permintaan</p></div>"
    )
    ((page_index, text),) = text_overlapping_codes(pdf)
    assert page_index == 0 and text.startswith("Harga atas")


def test_text_over_a_vector_code_is_found():
    pdf = page(
        f"<div style='position:relative'><img src='{svg_uri('http://x.test/b')}'"
        f" style='width:30mm'><p style='{OVER}'>Rp</p></div>"
    )
    assert text_overlapping_codes(pdf) == [(0, "Rp")]


def test_a_code_too_small_to_print_does_not_decode():
    url = "http://x.test/ikm/batik-trusmi-jaya/kain-mega-mendung/?src=label-galeri-ikm-kota"
    pdf = page(f"<img src='{svg_uri(url)}' style='width:3mm'>")
    assert qr_urls_on_pages(pdf) == [[]]
