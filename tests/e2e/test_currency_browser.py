"""Indicative foreign prices in a real browser: on an English product page the buyer picks
SGD, every amount changes, and the pick holds after a reload and on a listing (localStorage);
axe finds no violation with the picker shown."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PRODUCT = "kain-batik-tulis-mega-mendung"
DEC_1 = datetime.date(2026, 12, 1)


@pytest.fixture
def rates(catalog):
    from catalog.models import ExchangeRate

    ExchangeRate.objects.create(currency="USD", rupiah_per_unit=Decimal("16050"), rate_date=DEC_1)
    ExchangeRate.objects.create(
        currency="SGD", rupiah_per_unit=Decimal("11950"), rate_date=datetime.date(2026, 12, 3)
    )
    return catalog


def expected(price, code, rupiah_per_unit):
    from catalog.currency import format_amount

    return format_amount(Decimal(price) / Decimal(rupiah_per_unit), code)


def test_picking_sgd_converts_and_persists(page, rates, assert_no_axe_violations, html_checker):
    product = rates.products[PRODUCT]
    usd = expected(product.price, "USD", "16050")
    sgd = expected(product.price, "SGD", "11950")
    documents = {"product": page.goto("/en" + product.url).text()}
    foreign = page.locator(".product__info .price-foreign")
    expect(foreign).to_have_text(f"≈ {usd} (rate of 1 Dec 2026)")
    picker = page.get_by_label("Show indicative prices in")
    expect(picker).to_be_visible()  # currency.js shows it once the rates are in
    expect(picker).to_have_value("USD")
    assert_no_axe_violations(page)

    picker.select_option("SGD")
    expect(foreign).to_have_text(f"≈ {sgd} (rate of 3 Dec 2026)")
    expect(page.locator(".product__info .price")).to_contain_text("Rp ")  # rupiah stays first

    page.reload()
    expect(foreign).to_have_text(f"≈ {sgd} (rate of 3 Dec 2026)")
    expect(page.get_by_label("Show indicative prices in")).to_have_value("SGD")

    documents["catalog"] = page.goto("/en/katalog/").text()
    cards = page.locator(".product-card .price-foreign")
    expect(cards.first).to_contain_text("S$ ")
    count = cards.count()
    assert count >= 2
    for index in range(count):
        expect(cards.nth(index)).to_contain_text("(rate of 3 Dec 2026)")
        expect(cards.nth(index)).not_to_contain_text("US$")
    assert_no_axe_violations(page)
    html_checker(documents)


def test_indonesian_pages_show_rupiah_only(page, rates):
    product = rates.products[PRODUCT]
    page.goto(product.url)
    expect(page.locator(".price").first).to_contain_text("Rp ")
    expect(page.locator(".price-foreign")).to_have_count(0)
    expect(page.locator("[data-currency-picker]")).to_have_count(0)
