"""Shelf labels: product name, IKM, price and a QR code to the product page, for a venue's
shelves or an exhibition's items; and the count of visits that arrive by those QR codes.

The QR code opens the product page's full URL with `?src=label-<venue or exhibition slug>`;
the `before_serve_page` hook counts such visits per product, source and day (no cookie, no IP
kept), like the inquiries' WhatsApp clicks.
"""

import base64
import io
import re

import segno
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalog.models import ProductPage
from catalog.money import format_rupiah

SOURCE_PARAM = "src"
SOURCE_PREFIX = "label-"
# Printed catalogs (printing/) mark their QR codes `katalog-<what>`; counted the same way.
CATALOG_SOURCE_PREFIX = "katalog-"
_SOURCE = re.compile(r"^(label|katalog)-[a-z0-9][-a-z0-9]{0,70}$")


class LabelVisit(models.Model):
    """How many visits a product page got on one day from the QR codes of one set of labels."""

    product = models.ForeignKey(
        ProductPage, verbose_name=_("produk"), on_delete=models.CASCADE, related_name="+"
    )
    source = models.CharField(_("sumber"), max_length=80)
    day = models.DateField(_("tanggal"))
    count = models.PositiveIntegerField(_("jumlah kunjungan"), default=0)

    class Meta:
        verbose_name = _("kunjungan dari label")
        verbose_name_plural = _("kunjungan dari label")
        constraints = [
            models.UniqueConstraint(
                fields=["product", "source", "day"], name="unique_label_visit_per_day"
            )
        ]

    def __str__(self):
        return f"{self.product_id} {self.source} {self.day}: {self.count}"

    @classmethod
    def record(cls, product, source):
        """Count one visit; a malformed source is ignored (returns False)."""
        if not _SOURCE.match(source or ""):
            return False
        day = timezone.localdate()
        updated = cls.objects.filter(product=product, source=source, day=day).update(
            count=F("count") + 1
        )
        if not updated:
            visit, created = cls.objects.get_or_create(
                product=product, source=source, day=day, defaults={"count": 1}
            )
            if not created:
                cls.objects.filter(pk=visit.pk).update(count=F("count") + 1)
        return True


def source_for(page):
    """The source marker of a venue's or an exhibition's labels."""
    return f"{SOURCE_PREFIX}{page.slug}"[:80]


def label_url(product, source, request=None):
    return f"{product.get_full_url(request)}?{SOURCE_PARAM}={source}"


def qr_png(url, scale=4):
    """The QR code of `url` as PNG bytes (error correction M, quiet zone of 4 modules)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_data_uri(url):
    return "data:image/png;base64," + base64.b64encode(qr_png(url)).decode("ascii")


class Label:
    """What one label shows."""

    def __init__(self, product, code, source, request=None):
        self.product = product
        self.code = code
        self.url = label_url(product, source, request)

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
        return qr_data_uri(self.url)


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


def labels_pdf(labels, title):
    """A4 sheet(s) of labels, 2 columns by 5 rows, each with its QR code as an image."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    width, height = A4
    columns, rows = 2, 5
    margin = 10 * mm
    cell_w = (width - 2 * margin) / columns
    cell_h = (height - 2 * margin) / rows
    qr_size = 38 * mm
    for index, label in enumerate(labels):
        slot = index % (columns * rows)
        if index and slot == 0:
            pdf.showPage()
        col, row = slot % columns, slot // columns
        x = margin + col * cell_w
        y = height - margin - (row + 1) * cell_h
        pdf.rect(x + 2 * mm, y + 2 * mm, cell_w - 4 * mm, cell_h - 4 * mm)
        pdf.drawImage(
            ImageReader(io.BytesIO(qr_png(label.url, scale=8))),
            x + cell_w - qr_size - 5 * mm,
            y + (cell_h - qr_size) / 2,
            width=qr_size,
            height=qr_size,
        )
        text_x = x + 6 * mm
        pdf.setFont("Helvetica-Bold", 12)
        pdf.drawString(text_x, y + cell_h - 14 * mm, label.product.title[:34])
        pdf.setFont("Helvetica", 10)
        pdf.drawString(text_x, y + cell_h - 20 * mm, label.vendor_name[:40])
        pdf.setFont("Helvetica-Bold", 13)
        pdf.drawString(text_x, y + cell_h - 30 * mm, str(label.price))
        if label.code:
            pdf.setFont("Helvetica", 10)
            pdf.drawString(text_x, y + 8 * mm, str(_("Rak/stan %(code)s") % {"code": label.code}))
    if not labels:
        pdf.drawString(margin, height - margin - 12, str(_("Belum ada produk untuk label.")))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
