"""A buyer buys a product online in a real browser, up to the redirect to Stripe Checkout (the
local stub plays Stripe): the buy box, the order form with its errors, and the pages pass axe
and the Nu HTML checker.

Run with ``.venv/bin/pytest tests/e2e``; see conftest.py for what the fixtures need.
"""

import copy
import re

import pytest
from playwright.sync_api import expect

from orders.models import Order
from orders.stripe_stub import StripeStub

pytestmark = pytest.mark.e2e

PRODUCT = "kain-batik-tulis-mega-mendung"


@pytest.fixture
def stripe(settings):
    with StripeStub() as stub:
        settings.STRIPE_SECRET_KEY = "sk_test_etalase_e2e"
        settings.STRIPE_WEBHOOK_SECRET = "whsec_test_etalase_e2e"  # noqa: S105
        settings.BUYING_ENABLED = True
        settings.STRIPE_API_BASE = stub.url
        # The CSP lets forms lead to Stripe Checkout only (form-action also binds the redirect
        # after the POST): the stub stands in for checkout.stripe.com, so it is allowed instead.
        policy = copy.deepcopy(settings.CONTENT_SECURITY_POLICY)
        form_action = policy["DIRECTIVES"]["form-action"]
        form_action[form_action.index(settings.STRIPE_CHECKOUT_ORIGIN)] = stub.url
        settings.CONTENT_SECURITY_POLICY = policy
        yield stub


def fill_address(form):
    form.get_by_label("Nama").fill("Siti Aminah")
    form.get_by_label("Email").fill("siti@example.test")
    form.get_by_label("Telepon/WhatsApp").fill("0812 3456 7890")
    form.get_by_label("Provinsi").select_option("Jawa Barat")
    form.get_by_label("Kota/kabupaten").fill("Kota Bandung")
    form.get_by_label("Kecamatan").fill("Coblong")
    form.get_by_label("Kode pos").fill("40132")
    form.get_by_label("Alamat jalan").fill("Jl. Dago No. 10, RT 02/RW 05")


def test_buyer_orders_a_product_and_is_sent_to_stripe_checkout(
    page, catalog, stripe, assert_no_axe_violations, html_checker
):
    vendor = catalog.vendors["trusmi"]
    vendor.sells_online = True
    vendor.save()
    product = catalog.products[PRODUCT]
    documents = {}

    response = page.goto(product.url)
    documents["product with buy box"] = response.text()
    box = page.get_by_role("region", name="Beli online")
    expect(box).to_be_visible()
    assert_no_axe_violations(page)
    box.get_by_label(re.compile("^Jumlah")).fill("2")
    box.get_by_role("button", name="Beli", exact=True).click()

    expect(page).to_have_url(f"{catalog.url}/beli/{product.pk}/?jumlah=2")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Beli {product.title}")
    documents["order form"] = page.request.get(page.url).text()
    assert_no_axe_violations(page)

    # Too many and an incomplete address: a clear, announced error; nothing sent to Stripe.
    form = page.locator("form.order-form")
    form.get_by_label("Jumlah").fill("999")
    with page.expect_response(lambda r: r.request.method == "POST") as refused:
        form.get_by_role("button", name="Lanjut ke pembayaran").click()
    assert refused.value.status == 400
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Pesanan belum dibuat")
    expect(alert).to_contain_text("Stok tinggal 12 pcs.")
    expect(alert).to_contain_text("Isi kecamatan.")
    expect(form.get_by_label("Jumlah")).to_be_focused()
    documents["order form with errors"] = refused.value.text()
    assert_no_axe_violations(page)
    assert stripe.requests == []
    assert Order.objects.count() == 0

    form.get_by_label("Jumlah").fill("2")
    fill_address(form)
    form.get_by_role("button", name="Lanjut ke pembayaran").click()

    expect(page).to_have_url(re.compile(re.escape(stripe.url) + r"/c/pay/cs_test_\w+$"))
    order = Order.objects.get()
    assert order.status == Order.Status.PENDING
    assert order.total == 2 * product.price
    [create] = stripe.creates
    assert create.form["line_items[0][price_data][unit_amount]"] == str(product.price * 100)
    assert create.form["line_items[0][quantity]"] == "2"
    assert create.form["client_reference_id"] == order.reference

    # Back from Stripe (the cancel link): the order's real state.
    response = page.goto(f"/pesanan/{order.token}/batal/")
    expect(page.get_by_text("Menunggu pembayaran")).to_be_visible()
    documents["order status"] = response.text()
    assert_no_axe_violations(page)
    html_checker(documents)
