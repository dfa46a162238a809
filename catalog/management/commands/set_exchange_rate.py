"""Set one currency's exchange rate: `manage.py set_exchange_rate USD 16050 --date 2026-12-01`.

For operators who take rates from their bank or Bank Indonesia's published rate by script;
nothing here calls a rate service. Saving purges the cached pages (a snippet change).
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from catalog.models import ExchangeRate
from catalog.models.exchange_rates import CURRENCIES


class Command(BaseCommand):
    help = "Set the rupiah price of one unit of a currency, with the date of the rate."

    def add_arguments(self, parser):
        parser.add_argument("currency", help=", ".join(CURRENCIES))
        parser.add_argument("rupiah", help="rupiah per unit, e.g. 16050 or 107.5")
        parser.add_argument("--date", help="YYYY-MM-DD, default today")

    def handle(self, currency, rupiah, date=None, **options):
        currency = currency.upper()
        if currency not in CURRENCIES:
            raise CommandError(f"Unknown currency {currency}; one of {', '.join(CURRENCIES)}.")
        try:
            amount = Decimal(rupiah)
        except InvalidOperation:
            raise CommandError(f"Not a number: {rupiah}") from None
        if not amount > 0:
            raise CommandError("The rate must be more than 0.")
        try:
            day = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError(f"Not a date (YYYY-MM-DD): {date}") from None
        rate = ExchangeRate.objects.filter(currency=currency).first() or ExchangeRate(
            currency=currency
        )
        rate.rupiah_per_unit, rate.rate_date = amount, day
        rate.full_clean()
        rate.save()  # a snippet save: purges cached pages, cards and the rates JSON
        self.stdout.write(f"{rate}")
