"""Checks on a printed PDF as it comes out of the printer, not as it is stored in the file.

`qr_urls_on_pages` rasterises every page (pypdfium2, 300 dpi by default) and decodes every QR
code zxing-cpp finds on the rendered page: a code drawn over by text, cut by the page edge or
printed too small does not decode, however intact its embedded image is.

`text_overlapping_codes` finds every character whose box intersects a QR code's box, quiet zone
included. A QR box is (a) an image drawn on the page whose own bitmap decodes as a QR code
(whether or not the printed page still decodes) and (b) every code decoded on the rendered page
(SVG or vector codes too), widened by its 4-module quiet zone.

Shared by the shelf label and catalog tests.
"""

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import zxingcpp

POINTS_PER_INCH = 72
QUIET_ZONE_MODULES = 4


def _pages(pdf_bytes):
    document = pdfium.PdfDocument(pdf_bytes)
    try:
        for index in range(len(document)):
            yield index, document[index]
    finally:
        document.close()


def _read_qr(image):
    return zxingcpp.read_barcodes(image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode)


def _render(page, dpi):
    return page.render(scale=dpi / POINTS_PER_INCH, grayscale=True).to_pil()


def qr_urls_on_pages(pdf_bytes, dpi=300):
    """The decoded text of every QR code on each rendered page: one list per page."""
    return [
        [code.text for code in _read_qr(_render(page, dpi))] for _index, page in _pages(pdf_bytes)
    ]


def _decoded_boxes(page, dpi):
    """Boxes (left, bottom, right, top, in PDF points) of the codes decoded on the page."""
    scale = dpi / POINTS_PER_INCH
    height = page.get_height()
    boxes = []
    for code in _read_qr(_render(page, dpi)):
        corners = code.position
        points = [corners.top_left, corners.top_right, corners.bottom_right, corners.bottom_left]
        xs = [p.x / scale for p in points]
        ys = [height - p.y / scale for p in points]
        try:
            modules = 17 + 4 * int(code.extra.get("Version", ""))
        except ValueError:
            modules = 21
        quiet = (max(xs) - min(xs)) / modules * QUIET_ZONE_MODULES
        boxes.append((min(xs) - quiet, min(ys) - quiet, max(xs) + quiet, max(ys) + quiet))
    return boxes


def _image_objects(container):
    for obj in container.get_objects(max_depth=8):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            yield obj


def _image_code_boxes(page):
    """Boxes of the images on the page whose own bitmap is a QR code."""
    boxes = []
    for image in _image_objects(page):
        try:
            bitmap = image.get_bitmap(render=False).to_pil()
        except pdfium.PdfiumError:
            continue
        if _read_qr(bitmap):
            boxes.append(tuple(image.get_bounds()))
    return boxes


def _intersects(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def qr_boxes(page, dpi=300):
    """Every QR code box on a pypdfium2 page, in PDF points, quiet zone included."""
    return _image_code_boxes(page) + _decoded_boxes(page, dpi)


def text_overlapping_codes(pdf_bytes, dpi=300):
    """(page index, text) for every run of visible characters that intersects a QR box."""
    offending = []
    for index, page in _pages(pdf_bytes):
        boxes = qr_boxes(page, dpi)
        if not boxes:
            continue
        text_page = page.get_textpage()
        run = []
        for char_index in range(text_page.count_chars()):
            char = text_page.get_text_range(char_index, 1)
            box = text_page.get_charbox(char_index)
            if not char.strip():
                if run:
                    run.append(char)
            elif any(_intersects(box, qr) for qr in boxes):
                run.append(char)
            elif run:
                offending.append((index, "".join(run).strip()))
                run = []
        if run:
            offending.append((index, "".join(run).strip()))
        text_page.close()
    return offending
