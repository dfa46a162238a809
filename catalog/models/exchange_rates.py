"""Exchange rates operators keep in the admin, for indicative foreign prices on /en/ pages.

One row per currency: how many rupiah one unit costs and the date of that rate. Prices stay in
rupiah everywhere (and checkout is rupiah only); the English pages add "≈ US$ 115 (rate of
1 Dec 2026)" from these rows (catalog/currency.py). No rate service is called at request time:
operators type the rate, or `manage.py set_exchange_rate USD 16050 --date 2026-12-01` sets it.
Saving or deleting a rate is a snippet change, so it purges cached pages and cards
(pagecache/purge.py) and the rates JSON the currency picker reads.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

# Code -> the symbol English readers know (prefix of the amount), in the picker's order.
CURRENCIES = {
    "USD": "US$",
    "SGD": "S$",
    "MYR": "RM",
    "EUR": "€",
    "AUD": "A$",
    "JPY": "JP¥",
    "CNY": "CN¥",
    "GBP": "£",
    "HKD": "HK$",
    "SAR": "SAR",
}
DEFAULT_CURRENCY = "USD"


class ExchangeRate(models.Model):
    currency = models.CharField(
        _("mata uang"),
        max_length=3,
        unique=True,
        choices=[(code, code) for code in CURRENCIES],
    )
    rupiah_per_unit = models.DecimalField(
        _("rupiah per satuan"),
        max_digits=14,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0.0001"))],
        help_text=_("Berapa rupiah untuk 1 satuan mata uang ini, misalnya 16050 untuk 1 USD."),
    )
    rate_date = models.DateField(
        _("tanggal kurs"), help_text=_("Tanggal kurs ini berlaku; ditampilkan kepada pembeli.")
    )

    panels = [FieldPanel("currency"), FieldPanel("rupiah_per_unit"), FieldPanel("rate_date")]

    class Meta:
        ordering = ["currency"]
        verbose_name = _("kurs mata uang")
        verbose_name_plural = _("kurs mata uang")

    def __str__(self):
        return f"{self.currency} = Rp {self.rupiah_per_unit:,.2f} ({self.rate_date:%Y-%m-%d})"

    @property
    def symbol(self):
        return CURRENCIES.get(self.currency, self.currency)
