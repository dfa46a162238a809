"""Product page views for the owners' statistics: one counter row per product and day.

No cookie, no address, no user agent is stored: a view is a +1 on the product's row of the
day (an F() update, so concurrent views never lose a count). Views arrive through the beacon
(catalog/stats/beacon.py) because product pages are served from the page cache.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ProductView(models.Model):
    product = models.ForeignKey(
        "catalog.ProductPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("produk"),
    )
    date = models.DateField(_("tanggal"), default=timezone.localdate)
    count = models.PositiveIntegerField(_("dilihat"), default=0)

    class Meta:
        verbose_name = _("kunjungan produk")
        verbose_name_plural = _("kunjungan produk")
        constraints = [
            models.UniqueConstraint(fields=["product", "date"], name="product_view_per_day")
        ]
        permissions = [("view_all_statistics", _("Dapat melihat statistik semua IKM"))]

    def __str__(self):
        return f"{self.product_id} {self.date}: {self.count}"

    @classmethod
    def record(cls, product_id, day=None):
        day = day or timezone.localdate()
        row, _created = cls.objects.get_or_create(product_id=product_id, date=day)
        cls.objects.filter(pk=row.pk).update(count=models.F("count") + 1)
