"""The count of visits that arrive by the QR codes of shelf labels and printed catalogs.

The labels themselves are laid out and rendered by `printing.labels`. A label's QR code opens
the product page's full URL with `?src=label-<venue or exhibition slug>`; the
`before_serve_page` hook counts such visits per product, source and day (no cookie, no IP kept),
like the inquiries' WhatsApp clicks.
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


def qr_png(url, scale=4):
    """The QR code of `url` as PNG bytes (error correction M, quiet zone of 4 modules).

    For code that needs a bitmap; printed layouts use the vector `printing.qr` instead.
    """
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_data_uri(url):
    return "data:image/png;base64," + base64.b64encode(qr_png(url)).decode("ascii")
