"""Indicative foreign prices on /en/ (issue 17, item 7b): operators and curators keep exchange
rates in the admin, owners cannot; English product pages and cards show "≈ US$ 115 (rate of
1 Dec 2026)" beside the rupiah price, Indonesian pages and checkout do not; a rate change purges
cached pages and cards; the picker's JSON carries every rate."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.currency import format_amount
from catalog.factories import ProductPageFactory, UserFactory, VendorPageFactory
from catalog.models import ExchangeRate
from catalog.ownership import ensure_curator_group, ensure_operator_group, grant_vendor_ownership
from demo.rates import DEMO_RATES, ensure_demo_rates

pytestmark = pytest.mark.django_db

RATES_URL = "/admin/snippets/catalog/exchangerate/"
DEC_1 = datetime.date(2026, 12, 1)


@pytest.fixture
def vendor(site_tree):
    return VendorPageFactory(title="Batik Trusmi Ibu Siti", sells_online=True)


@pytest.fixture
def product(vendor):
    return ProductPageFactory(
        parent=vendor,
        title="Kain Batik Tulis",
        price=1_850_000,
        stock=5,
        min_order=1,
        availability="ready",
    )


@pytest.fixture
def rates():
    ExchangeRate.objects.create(currency="USD", rupiah_per_unit=Decimal("16050"), rate_date=DEC_1)
    ExchangeRate.objects.create(currency="SGD", rupiah_per_unit=Decimal("11950"), rate_date=DEC_1)


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.CARD_CACHE_SECONDS = 600
    caches[settings.PAGE_CACHE_ALIAS].clear()
    yield
    caches[settings.PAGE_CACHE_ALIAS].clear()


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def foreign_prices(response):
    return [p.get_text(" ", strip=True) for p in soup(response).select(".price-foreign")]


# --- Formatting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("USD", "US$ 115"),
        ("SGD", "S$ 155"),
        ("MYR", "RM 540"),
        ("EUR", "€ 106"),
        ("AUD", "A$ 176"),
        ("JPY", "JP¥ 17,209"),
    ],
)
def test_amounts_in_english_notation(code, expected):
    assert format_amount(Decimal(1_850_000) / DEMO_RATES[code], code) == expected


def test_small_amounts_keep_cents():
    assert format_amount(Decimal(15_000) / Decimal(16050), "USD") == "US$ 0.93"


# --- Public pages ----------------------------------------------------------------------------


def test_english_product_page_shows_the_indicative_amount_with_the_rate_date(
    client, product, rates
):
    page = soup(client.get("/en" + product.url))
    price = page.select_one(".product__info .price-foreign")
    assert price.get_text(" ", strip=True) == "≈ US$ 115 ( rate of 1 Dec 2026 )"
    assert price["data-rupiah"] == "1850000"
    assert "Rp 1,850,000" in page.select_one(".product__info .price").get_text()
    picker = page.select_one("[data-currency-picker]")
    assert picker.has_attr("hidden")  # shown by currency.js; nothing to pick without it
    assert [o["value"] for o in picker.select("option")] == ["USD", "SGD"]
    assert page.select_one("label[for=currency-picker]").get_text(strip=True)
    script = page.select_one("script[src$='js/currency.js']")
    assert script["data-rates-url"] == "/en/kurs.json"


def test_english_listing_and_search_cards_show_it(client, product, rates):
    assert foreign_prices(client.get("/en/katalog/")) == ["≈ US$ 115 ( rate of 1 Dec 2026 )"]
    assert foreign_prices(client.get("/en/cari/?q=batik")) == ["≈ US$ 115 ( rate of 1 Dec 2026 )"]


def test_indonesian_pages_show_no_foreign_price(client, product, rates):
    for url in (product.url, "/katalog/", "/cari/?q=batik"):
        response = client.get(url)
        assert foreign_prices(response) == []
        html = response.content.decode()
        assert "US$" not in html
        assert "currency.js" not in html


def test_no_rate_no_foreign_price(client, product):
    response = client.get("/en" + product.url)
    assert foreign_prices(response) == []
    assert soup(response).select_one("[data-currency-picker]") is None


def test_price_on_request_has_no_foreign_price(client, vendor, rates):
    product = ProductPageFactory(parent=vendor, title="Batik pesanan", price=None)
    assert foreign_prices(client.get("/en" + product.url)) == []


def test_checkout_stays_in_rupiah(client, settings, product, rates):
    settings.BUYING_ENABLED = True
    settings.STRIPE_SECRET_KEY = "sk_test_etalase_intl"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_etalase_intl"  # noqa: S105 (a test value)
    response = client.get(f"/en/beli/{product.pk}/")
    html = response.content.decode()
    assert response.status_code == 200, html[:500]
    assert "Rp 1,850,000" in html
    assert "US$" not in html and "S$" not in html
    # currency.js is on every English page, but converts only [data-rupiah] amounts: none here.
    assert "data-rupiah" not in html and "data-currency-picker" not in html


# --- The rates JSON ---------------------------------------------------------------------------


def test_rates_json(client, rates):
    response = client.get("/en/kurs.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"]
    assert response.json() == {
        "base": "IDR",
        "default": "USD",
        "rates": [
            {
                "code": "USD",
                "symbol": "US$",
                "rupiah_per_unit": "16050",
                "date": "2026-12-01",
                "label": "rate of 1 Dec 2026",
            },
            {
                "code": "SGD",
                "symbol": "S$",
                "rupiah_per_unit": "11950",
                "date": "2026-12-01",
                "label": "rate of 1 Dec 2026",
            },
        ],
    }


def test_rates_json_without_rates(client):
    assert client.get("/en/kurs.json").json() == {"base": "IDR", "default": None, "rates": []}


# --- Purging ---------------------------------------------------------------------------------


def test_a_rate_change_purges_cached_pages_cards_and_json(
    client, page_cache_on, product, rates, verified_login
):
    url = "/en" + product.url
    assert foreign_prices(client.get(url)) == ["≈ US$ 115 ( rate of 1 Dec 2026 )"]
    assert foreign_prices(client.get("/en/katalog/")) == ["≈ US$ 115 ( rate of 1 Dec 2026 )"]
    assert client.get("/en/kurs.json").json()["rates"][0]["rupiah_per_unit"] == "16050"
    # Served from the cache: a change that bypassed the signals would not show.
    ExchangeRate.objects.filter(currency="USD").update(rupiah_per_unit=Decimal("18500"))
    assert foreign_prices(client.get(url)) == ["≈ US$ 115 ( rate of 1 Dec 2026 )"]

    operator = UserFactory(username="operator.kurs")
    ensure_operator_group([operator])
    staff = verified_login(client.__class__(), operator)
    usd = ExchangeRate.objects.get(currency="USD")
    response = staff.post(
        f"{RATES_URL}edit/{usd.pk}/",
        {"currency": "USD", "rupiah_per_unit": "18500", "rate_date": "2026-12-04"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert foreign_prices(client.get(url)) == ["≈ US$ 100 ( rate of 4 Dec 2026 )"]
    assert foreign_prices(client.get("/en/katalog/")) == ["≈ US$ 100 ( rate of 4 Dec 2026 )"]
    assert client.get("/en/kurs.json").json()["rates"][0]["rupiah_per_unit"] == "18500"


def test_the_command_sets_a_rate_and_purges(client, page_cache_on, product, rates):
    url = "/en" + product.url
    assert foreign_prices(client.get(url)) == ["≈ US$ 115 ( rate of 1 Dec 2026 )"]
    call_command("set_exchange_rate", "usd", "18500", "--date", "2026-12-04")
    assert foreign_prices(client.get(url)) == ["≈ US$ 100 ( rate of 4 Dec 2026 )"]


# --- The admin -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["operator", "curator"])
def test_staff_keep_rates_in_the_admin(client, site_tree, verified_login, role):
    user = UserFactory(username=f"{role}.kurs")
    (ensure_operator_group if role == "operator" else ensure_curator_group)([user])
    verified_login(client, user)
    assert client.get("/admin/").content.decode().count(RATES_URL) >= 1  # in the menu
    response = client.post(
        f"{RATES_URL}add/",
        {"currency": "EUR", "rupiah_per_unit": "17450", "rate_date": "2026-12-01"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    rate = ExchangeRate.objects.get(currency="EUR")
    assert (rate.rupiah_per_unit, rate.rate_date) == (Decimal("17450"), DEC_1)
    listing = client.get(RATES_URL)
    assert listing.status_code == 200
    assert "EUR" in listing.content.decode()
    response = client.post(
        f"{RATES_URL}edit/{rate.pk}/",
        {"currency": "EUR", "rupiah_per_unit": "0", "rate_date": "2026-12-01"},
    )
    assert response.status_code == 200  # refused: a rate is more than 0
    rate.refresh_from_db()
    assert rate.rupiah_per_unit == Decimal("17450")
    deleted = client.post(f"{RATES_URL}delete/{rate.pk}/")
    if role == "operator":
        assert deleted.status_code == 302
        assert not ExchangeRate.objects.exists()
    else:
        assert deleted.status_code in (302, 403)
        assert ExchangeRate.objects.exists()


def test_owners_cannot_see_or_change_rates(client, vendor, rates, verified_login):
    owner = UserFactory(username="pemilik.kurs")
    grant_vendor_ownership(vendor, [owner])
    verified_login(client, owner)
    usd = ExchangeRate.objects.get(currency="USD")
    assert RATES_URL not in client.get("/admin/").content.decode()
    for url in (RATES_URL, f"{RATES_URL}add/", f"{RATES_URL}edit/{usd.pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    client.post(
        f"{RATES_URL}edit/{usd.pk}/",
        {"currency": "USD", "rupiah_per_unit": "1", "rate_date": "2026-12-01"},
    )
    usd.refresh_from_db()
    assert usd.rupiah_per_unit == Decimal("16050")


# --- Demo and budgets ------------------------------------------------------------------------


def test_demo_rates_are_dated_and_never_overwrite_an_operators_rate():
    ExchangeRate.objects.create(currency="USD", rupiah_per_unit=Decimal("15000"), rate_date=DEC_1)
    assert ensure_demo_rates() == len(DEMO_RATES) - 1
    assert ensure_demo_rates() == 0
    assert ExchangeRate.objects.get(currency="USD").rupiah_per_unit == Decimal("15000")
    assert set(ExchangeRate.objects.values_list("rate_date", flat=True)) == {DEC_1}


def queries(client, url):
    assert client.get(url).status_code == 200  # warm-up
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_foreign_prices_cost_no_query_per_card(client, vendor, product):
    urls = ["/en" + product.url, "/en/katalog/", "/en/cari/?q=batik"]
    without = [queries(client, url) for url in urls]
    ExchangeRate.objects.create(currency="USD", rupiah_per_unit=Decimal("16050"), rate_date=DEC_1)
    for number in range(6):
        ProductPageFactory(parent=vendor, title=f"Batik lain {number}", price=100_000 + number)
    ProductPageFactory(parent=vendor, title="Batik lain 99", price=100_000)  # one more page
    with_rates = [queries(client, url) for url in urls]
    assert len(foreign_prices(client.get("/en/katalog/"))) == 8
    assert with_rates == without


def test_with_the_cache_down_rates_are_still_read_once_per_page(client, settings, vendor, rates):
    # A cache that keeps nothing: no page-cache generation to key the rates on.
    settings.CACHES = {
        **settings.CACHES,
        "nothing": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    settings.PAGE_CACHE_ALIAS = "nothing"
    ProductPageFactory(parent=vendor, title="Batik satu", price=100_000)
    few = queries(client, "/en/katalog/")
    for number in range(6):
        ProductPageFactory(parent=vendor, title=f"Batik lain {number}", price=100_000 + number)
    assert len(foreign_prices(client.get("/en/katalog/"))) == 7
    assert queries(client, "/en/katalog/") == few
