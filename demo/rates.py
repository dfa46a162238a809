"""The demo's exchange rates, so /en/ pages show indicative foreign prices out of the box.

Fictional, dated figures of the right size (a Rp 1,850,000 product shows "≈ US$ 115"). Rates
that exist are left alone: an operator's own rate is never overwritten by a re-run.
"""

import datetime
from decimal import Decimal

from catalog.models import ExchangeRate

DEMO_RATE_DATE = datetime.date(2026, 12, 1)
DEMO_RATES = {
    "USD": Decimal("16050"),
    "SGD": Decimal("11950"),
    "MYR": Decimal("3425"),
    "EUR": Decimal("17450"),
    "AUD": Decimal("10500"),
    "JPY": Decimal("107.5"),
    "CNY": Decimal("2210"),
}


def ensure_demo_rates():
    """Create the demo rates that are missing; returns how many were created."""
    created = 0
    for code, rupiah in DEMO_RATES.items():
        _, new = ExchangeRate.objects.get_or_create(
            currency=code, defaults={"rupiah_per_unit": rupiah, "rate_date": DEMO_RATE_DATE}
        )
        created += new
    return created
