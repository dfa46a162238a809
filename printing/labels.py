"""Shelf labels: product name, IKM, price, shelf or booth code and a QR code to the product
page, for a venue's shelves or an exhibition's items, laid out by one HTML template with print
CSS (`printing/labels.html`). The admin shows that page for the browser to print, and
WeasyPrint renders the same page to the PDF, so the two cannot drift apart.

Each label is a fixed box: the QR code has its own column (36 mm, quiet zone included, about
0.7 mm per module), and the text column clips, wraps and clamps what it holds, so no name or
price can reach the code. The QR code opens the product page with `?src=label-<slug>`, counted
by `showroom.labels.LabelVisit`.
"""

from django.template.loader import render_to_string

from catalog.models import ProductPage
from catalog.money import format_rupiah
from printing.qr import qr_png_data_uri
from printing.render import html_to_pdf
from showroom.labels import SOURCE_PARAM, source_for

TEMPLATE = "printing/labels.html"
LABELS_PER_SHEET = 10  # 2 columns by 5 rows on A4


def label_url(product, source, request=None):
    return f"{product.get_full_url(request)}?{SOURCE_PARAM}={source}"


class Label:
    """What one label shows."""

    def __init__(self, product, code, source, request=None):
        self.product = product
        self.code = code
        self.url = label_url(product, source, request)
        self.visits = 0

    @property
    def name(self):
        return self.product.title

    @property
    def vendor_name(self):
        return self.product.vendor.title if self.product.vendor else ""

    @property
    def price(self):
        """In Indonesian ('Rp 150.000') whatever the admin's language: the shelf's language."""
        if self.product.price is None:
            return self.product.price_display
        return format_rupiah(self.product.price, language="id")

    @property
    def qr(self):
        return qr_png_data_uri(self.url)


def labels_for(page, request=None):
    """Labels for a venue's current placements or an exhibition's items, in shelf order."""
    from showroom.exhibitions import ExhibitionPage
    from showroom.venues import ShowroomPage

    source = source_for(page)
    if isinstance(page, ShowroomPage):
        rows = list(page.current_placements().values_list("product_id", "shelf_code"))
    elif isinstance(page, ExhibitionPage):
        rows = list(
            page.items.filter(product__in=ProductPage.visible())
            .order_by("sort_order", "pk")
            .values_list("product_id", "booth_code")
        )
    else:
        return []
    products = ProductPage.objects.select_related("vendor").in_bulk([pk for pk, _code in rows])
    return [Label(products[pk], code, source, request) for pk, code in rows if pk in products]


def sheets(labels):
    """The labels cut into A4 sheets, so each printed page holds a fixed grid."""
    return [labels[i : i + LABELS_PER_SHEET] for i in range(0, len(labels), LABELS_PER_SHEET)]


def labels_context(page, labels, *, for_screen):
    return {"page": page, "labels": labels, "sheets": sheets(labels), "for_screen": for_screen}


def labels_html(page, labels, request=None, *, for_screen=False):
    return render_to_string(
        TEMPLATE, labels_context(page, labels, for_screen=for_screen), request=request
    )


def labels_pdf(page, labels, request=None):
    """The labels as an A4 PDF, from the same template the admin's printable page shows."""
    return html_to_pdf(labels_html(page, labels, request))
