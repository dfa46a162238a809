"""The print renderer: HTML to PDF through WeasyPrint, fetching nothing from the network."""

import io

import pytest
from pypdf import PdfReader

from printing.render import ResourceRefused, html_to_pdf, local_file


def test_html_becomes_a_pdf_with_its_text():
    pdf = html_to_pdf("<html><body><h1>Batik Trusmi</h1><p>Rp 150.000</p></body></html>")
    assert pdf.startswith(b"%PDF-")

    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Batik Trusmi" in text and "Rp 150.000" in text


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:6379/",
        "file:///etc/passwd",
        "http://print.invalid/media/../../etc/passwd",
        "http://print.invalid/static/../../../etc/passwd",
    ],
)
def test_the_renderer_fetches_nothing_outside_static_and_media(url):
    with pytest.raises(ResourceRefused):
        local_file(url)


def test_an_external_image_is_left_out_not_fetched():
    """A listening socket that records connections: the renderer must never connect."""
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.2)
    port = server.getsockname()[1]
    html = f"<html><body><img src='http://127.0.0.1:{port}/x.png' alt='x'>tetap</body></html>"
    assert html_to_pdf(html).startswith(b"%PDF-")
    with pytest.raises(TimeoutError):
        server.accept()
    server.close()


def test_static_files_are_read_from_disk(settings):
    file = local_file(settings.STATIC_URL + "css/site.css")
    assert file.is_file()


def test_a_linked_stylesheet_applies(settings, tmp_path):
    """The fetcher gives static files their type: a stylesheet served as text/plain is dropped."""
    css = tmp_path / "uji.css"
    css.write_text("@page { size: A5; }")
    settings.STATICFILES_DIRS = [str(tmp_path)]
    pdf = html_to_pdf(
        f"<html><head><link rel='stylesheet' href='{settings.STATIC_URL}uji.css'></head>"
        "<body>A5</body></html>"
    )
    width_mm = float(PdfReader(io.BytesIO(pdf)).pages[0].mediabox.width) / 72 * 25.4
    assert round(width_mm) == 148
