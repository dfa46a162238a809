"""Indicative foreign prices on the English pages, from the rates operators keep
(catalog/models/exchange_rates.py).

Cached pages and cards are the same for every buyer, so the server prints the amount in the
default currency (USD) with the product's rupiah price in a `data-rupiah` attribute, and
static/js/currency.js switches every amount to the currency the buyer picked, with the rates
of `/en/kurs.json` (this module's view), remembered in localStorage. The JSON is a public GET
like any page: the anonymous page cache keeps it, and a rate change purges it with the pages.

Rates are read once per version of the page cache's site-wide tag (a rate is a snippet: its
change purges every page, pagecache/purge.py), so a page with 24 cards costs no query for them
on a warm cache.
"""

import time
from decimal import ROUND_HALF_UP, Decimal

from django.http import JsonResponse
from django.utils import dateformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from catalog.models.exchange_rates import CURRENCIES, DEFAULT_CURRENCY, ExchangeRate

# JSON max-age for browsers: a purge reaches them within this time.
JSON_MAX_AGE = 300
NO_CACHE_SECONDS = 10
_memo = {}


def _generation():
    """The site-wide tag's version, or None when the cache is down."""
    from pagecache import tags as cache_tags
    from pagecache.middleware import page_cache
    from pagecache.purge import file_tags, request_clock, tag_key

    store = page_cache()
    clock = request_clock(store)
    if clock is None:
        return None
    version = store.get(tag_key(cache_tags.SITE))
    if version is None:
        file_tags(store, [cache_tags.SITE], clock)
        version = store.get(tag_key(cache_tags.SITE))
    return version


def current_rates():
    """{code: ExchangeRate} of every currency with a rate, in the picker's order."""
    generation = _generation()
    if generation is None:
        # The cache is down (pagecache.purge): keep the rates a few seconds rather than
        # querying once per card; a change shows within NO_CACHE_SECONDS.
        generation = ("no-cache", int(time.monotonic() // NO_CACHE_SECONDS))
    cached = _memo.get(generation)  # .get: another thread may clear the memo meanwhile
    if cached is not None:
        return cached
    rows = {rate.currency: rate for rate in ExchangeRate.objects.all()}
    rates = {code: rows[code] for code in CURRENCIES if code in rows}
    _memo.clear()  # only the live generation is worth keeping
    _memo[generation] = rates
    return rates


def shows_foreign_prices():
    return (get_language() or "")[:2] == "en"


def convert(rupiah, rate):
    return Decimal(rupiah) / rate.rupiah_per_unit


def format_amount(amount, currency):
    """'US$ 115', 'S$ 155', 'RM 540', '€ 106', 'JP¥ 17,350'; under 100 units, two decimals."""
    symbol = CURRENCIES.get(currency, currency)
    if amount >= 100 or currency == "JPY":
        text = f"{amount.quantize(Decimal('1'), ROUND_HALF_UP):,}"
    else:
        text = f"{amount.quantize(Decimal('0.01'), ROUND_HALF_UP):,}"
    return f"{symbol} {text}"


def rate_label(rate):
    """'rate of 1 Dec 2026' in the current language."""
    return _("kurs %(date)s") % {"date": dateformat.format(rate.rate_date, "j M Y")}


def indicative_price(rupiah, currency=DEFAULT_CURRENCY):
    """What the price area shows beside a rupiah price on /en/: a dict with the amount text and
    the rate label, or None (Indonesian pages, no price, no rate)."""
    if rupiah is None or not shows_foreign_prices():
        return None
    rates = current_rates()
    rate = rates.get(currency) or next(iter(rates.values()), None)
    if rate is None:
        return None
    return {
        "rupiah": int(rupiah),
        "currency": rate.currency,
        "amount": format_amount(convert(rupiah, rate), rate.currency),
        "label": rate_label(rate),
    }


@require_GET
def rates_json(request):
    """The rates the currency picker converts with, in the current language's labels."""
    rates = current_rates()
    default = DEFAULT_CURRENCY if DEFAULT_CURRENCY in rates else next(iter(rates), None)
    data = {
        "base": "IDR",
        "default": default,
        "rates": [
            {
                "code": code,
                "symbol": rate.symbol,
                "rupiah_per_unit": f"{rate.rupiah_per_unit.normalize():f}",
                "date": rate.rate_date.isoformat(),
                "label": rate_label(rate),
            }
            for code, rate in rates.items()
        ],
    }
    response = JsonResponse(data)
    response["Cache-Control"] = f"public, max-age={JSON_MAX_AGE}"
    return response
