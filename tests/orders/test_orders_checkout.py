"""Buying on the site, over HTTP: when the buy box shows, the order form, the Checkout Session
created at the local Stripe stub (amounts, currency, idempotency key, reference), the pages
Stripe returns to, and bad input that must end in a clear error with nothing sent to Stripe."""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from order_helpers import ADDRESS, make_order, order_data

from catalog.factories import ProductPageFactory
from catalog.models import ProductPage
from orders.models import Order

pytestmark = pytest.mark.django_db

PAYMENT_WORDS = re.compile(r"stripe|beli online|\bbeli\b|bayar|pembayaran|checkout", re.I)


def form_url(product):
    return f"/beli/{product.pk}/"


def buy_box(response):
    return BeautifulSoup(response.content, "html.parser").select_one("section.buy-box")


# --- When buying is offered -----------------------------------------------------------------


def test_buy_box_with_quantity_on_a_buyable_product(client, buying, shop):
    response = client.get(shop.product_a.url)
    box = buy_box(response)
    assert box is not None
    form = box.find("form")
    assert form["action"] == form_url(shop.product_a)
    quantity = form.find("input", attrs={"name": "jumlah"})
    assert (quantity["min"], quantity["max"]) == ("1", "5")
    assert box.find("button").get_text(strip=True) == "Beli"


@pytest.mark.parametrize(
    "change",
    [
        {"vendor": {"sells_online": False}},
        {"product": {"price": None}},
        {"product": {"availability": "preorder", "lead_time_days": 7}},
        {"product": {"stock": 0}},
        {"product": {"min_order": 10}},  # stock 5 cannot meet the minimum order
    ],
    ids=["ikm-not-selling-online", "no-price", "preorder", "sold-out", "stock-below-minimum"],
)
def test_no_buy_box_and_no_order_form_unless_every_condition_holds(client, buying, shop, change):
    vendor, product = shop.vendor_a, shop.product_a
    for name, value in change.get("vendor", {}).items():
        setattr(vendor, name, value)
    vendor.save()
    ProductPage.objects.filter(pk=product.pk).update(**change.get("product", {}))
    assert buy_box(client.get(product.url)) is None
    assert client.get(form_url(product)).status_code == 404
    assert client.post(form_url(product), order_data(product)).status_code == 404
    assert not buying.requests


def test_without_stripe_keys_no_buy_button_and_no_payment_wording(client, settings, shop):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_WEBHOOK_SECRET = ""
    settings.BUYING_ENABLED = False
    for url in (shop.product_a.url, shop.vendor_a.url, "/katalog/", "/en" + shop.product_a.url):
        response = client.get(url)
        assert response.status_code == 200
        text = BeautifulSoup(response.content, "html.parser").get_text(" ")
        assert not PAYMENT_WORDS.search(text), url
    assert client.get(form_url(shop.product_a)).status_code == 404
    assert (
        client.post("/stripe/webhook/", data="{}", content_type="application/json").status_code
        == 404
    )


def test_order_form_prefills_the_quantity_from_the_buy_box(client, buying, shop):
    response = client.get(form_url(shop.product_a) + "?jumlah=3")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    field = BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "quantity"})
    assert field["value"] == "3"
    province = BeautifulSoup(response.content, "html.parser").find("select", {"name": "province"})
    assert len(province.find_all("option")) == 39  # the empty choice and 38 provinces


# --- Placing an order ------------------------------------------------------------------------


def test_a_valid_order_is_saved_pending_and_the_buyer_sent_to_stripe(client, buying, shop):
    product = shop.product_a
    response = client.post(form_url(product), order_data(product, quantity=2))

    order = Order.objects.get()
    assert order.status == Order.Status.PENDING
    assert re.fullmatch(r"ORD-\d{4}-\d{6}", order.reference)
    assert order.total == 300_000
    assert (order.vendor, order.phone, order.province) == (
        shop.vendor_a,
        "+6281234567890",
        "Jawa Barat",
    )
    line = order.lines.get()
    assert (line.product, line.unit_price, line.quantity) == (product, 150_000, 2)

    [create] = buying.creates
    assert create.path == "/v1/checkout/sessions"
    assert create.headers["idempotency-key"] == f"checkout-{order.reference}"
    assert create.headers["authorization"] == "Bearer sk_test_etalase_orders"
    form = create.form
    assert form["mode"] == "payment"
    assert form["line_items[0][price_data][currency]"] == "idr"
    assert form["line_items[0][price_data][unit_amount]"] == "15000000"  # Rp 150.000 × 100
    assert form["line_items[0][quantity]"] == "2"
    assert form["line_items[0][price_data][product_data][name]"] == "Kain Batik Mega Mendung"
    assert form["client_reference_id"] == order.reference
    assert form["metadata[order_reference]"] == order.reference
    assert form["customer_email"] == ADDRESS["email"]
    assert form["locale"] == "id"
    assert form["success_url"] == f"http://testserver/pesanan/{order.token}/"
    assert form["cancel_url"] == f"http://testserver/pesanan/{order.token}/batal/"

    session = buying.sessions[order.checkout_session_id]
    assert session["amount_total"] == order.amount_minor == 30_000_000
    assert response.status_code == 303
    assert response["Location"] == session["url"] == order.checkout_url
    # Placing the order takes no stock: only the paid webhook does.
    product.refresh_from_db()
    assert product.stock == 5


def test_an_english_buyer_gets_english_checkout_and_return_pages(client, buying, shop):
    response = client.post("/en" + form_url(shop.product_a), order_data(shop.product_a))
    assert response.status_code == 303
    order = Order.objects.get()
    assert order.language == "en"
    form = buying.creates[0].form
    assert form["locale"] == "en"
    assert form["success_url"] == f"http://testserver/en/pesanan/{order.token}/"


def test_a_refused_checkout_session_charges_nothing_and_is_no_500(client, buying, shop):
    buying.fail_with = (400, "invalid_request_error", "Currency not enabled")
    response = client.post(form_url(shop.product_a), order_data(shop.product_a))
    assert response.status_code == 503
    assert "tidak ada yang ditagih" in response.content.decode()
    order = Order.objects.get()
    assert order.status == Order.Status.FAILED
    assert not order.checkout_url


# --- Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"quantity": 0}, "quantity", "Jumlah minimal 1."),
        ({"quantity": -3}, "quantity", "Jumlah minimal 1."),
        ({"quantity": 6}, "quantity", "Stok tinggal 5 pcs."),
        ({"quantity": "dua"}, "quantity", "Jumlah harus berupa angka bulat."),
        ({"quantity": 10**30}, "quantity", "Stok tinggal 5 pcs."),
        ({"quantity": None}, "quantity", "Isi jumlah yang ingin dibeli."),
        ({"province": None}, "province", "Pilih provinsi."),
        ({"province": "Atlantis"}, "province", "Masukkan pilihan yang valid."),
        ({"city": ""}, "city", "Isi kota atau kabupaten."),
        ({"district": ""}, "district", "Isi kecamatan."),
        ({"postal_code": ""}, "postal_code", "Isi kode pos."),
        ({"postal_code": "4013"}, "postal_code", "Kode pos terdiri dari 5 angka."),
        ({"street": "  "}, "street", "Isi alamat jalan"),
        ({"name": ""}, "name", "Isi nama penerima."),
        ({"email": "bukan-email"}, "email", "email yang valid"),
        ({"phone": "12345"}, "phone", "08 atau +62"),
    ],
)
def test_bad_input_is_a_clear_error_and_nothing_reaches_stripe(
    client, buying, shop, overrides, field, message
):
    response = client.post(form_url(shop.product_a), order_data(shop.product_a, **overrides))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert response.context["form"][field].field.widget.attrs.get("autofocus")
    summary = BeautifulSoup(response.content, "html.parser").select_one("#order-errors")
    assert summary["role"] == "alert"
    assert Order.objects.count() == 0
    assert not buying.requests


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"price": 1}, "Harga produk ini sekarang Rp 150.000"),
        ({"price": None}, "Harga produk ini sekarang Rp 150.000"),
        ({"product": "other"}, "Formulir ini bukan untuk produk ini"),
        ({"product": None}, "Formulir ini bukan untuk produk ini"),
    ],
)
def test_a_tampered_product_or_price_is_refused(client, buying, shop, overrides, message):
    if overrides.get("product") == "other":
        overrides["product"] = shop.product_b.pk
    response = client.post(form_url(shop.product_a), order_data(shop.product_a, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Order.objects.count() == 0
    assert not buying.requests


def test_errors_come_in_the_visitors_language(client, buying, shop):
    response = client.post("/en" + form_url(shop.product_a), order_data(shop.product_a, quantity=0))
    assert response.status_code == 400
    with translation.override("en"):
        assert translation.gettext("Jumlah minimal 1.") in response.content.decode()
    assert "Jumlah minimal 1." not in response.content.decode()


@pytest.mark.parametrize("path", ["/beli/0/", "/beli/99999999999999999999/", "/beli/abc/"])
def test_unknown_products_are_404(client, buying, shop, path):
    assert client.post(path, order_data(shop.product_a)).status_code == 404


def test_a_draft_product_of_a_selling_ikm_cannot_be_bought(client, buying, shop):
    draft = ProductPageFactory(parent=shop.vendor_a, live=False, price=10_000, stock=3)
    assert client.post(form_url(draft), order_data(draft)).status_code == 404
    assert not buying.requests


def test_the_order_form_needs_its_csrf_token(buying, shop):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(form_url(shop.product_a), order_data(shop.product_a))
    assert response.status_code == 403
    assert Order.objects.count() == 0


# --- The pages Stripe returns to -------------------------------------------------------------


def status_of(response):
    return BeautifulSoup(response.content, "html.parser").select_one("[data-status]")["data-status"]


def test_success_page_shows_pending_until_the_webhook_even_when_stripe_says_paid(
    client, buying, shop
):
    client.post(form_url(shop.product_a), order_data(shop.product_a))
    order = Order.objects.get()
    buying.sessions[order.checkout_session_id]["payment_status"] = "paid"

    response = client.get(f"/pesanan/{order.token}/")
    assert response.status_code == 200
    assert status_of(response) == "pending"
    assert "Stripe sudah menerima pembayaran Anda" in response.content.decode()
    assert [r.path for r in buying.requests if r.method == "GET"] == [
        f"/v1/checkout/sessions/{order.checkout_session_id}"
    ]
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING  # only the signed webhook marks it paid
    shop.product_a.refresh_from_db()
    assert shop.product_a.stock == 5


def test_cancel_page_shows_the_real_state_and_a_way_back_to_pay(client, buying, shop):
    order = make_order(shop.product_a, checkout_url="https://checkout.stripe.com/c/pay/cs_x")
    response = client.get(f"/pesanan/{order.token}/batal/")
    assert status_of(response) == "pending"
    assert "Pembayaran dibatalkan" in response.content.decode()
    Order.objects.filter(pk=order.pk).update(status=Order.Status.PAID)
    assert status_of(client.get(f"/pesanan/{order.token}/batal/")) == "paid"
    assert status_of(client.get(f"/pesanan/{order.token}/")) == "paid"


def test_order_pages_are_found_by_token_only(client, buying, shop):
    order = make_order(shop.product_a)
    for url in (
        f"/pesanan/{order.pk}/",
        f"/pesanan/{order.reference}/",
        f"/pesanan/{order.token[:-1]}x/",
        "/pesanan/x/",
    ):
        assert client.get(url).status_code == 404, url
    response = client.get(f"/pesanan/{order.token}/")
    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]
    assert len(order.token) >= 32
    assert make_order(shop.product_a).token != order.token


def test_an_owner_turns_online_sales_on_in_their_ikms_profile(shop):
    from django.test import Client

    client = Client()
    client.force_login(shop.owner_a)
    response = client.get(f"/admin/pages/{shop.vendor_a.pk}/edit/")
    assert response.status_code == 200
    field = BeautifulSoup(response.content, "html.parser").find("input", {"name": "sells_online"})
    assert field is not None and field.has_attr("checked")


def test_robots_keep_crawlers_off_order_forms_and_order_pages(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    for path in ("/beli/", "/en/beli/", "/pesanan/", "/en/pesanan/"):
        assert f"Disallow: {path}" in lines


def test_success_page_survives_stripe_not_knowing_the_session(client, buying, shop):
    order = make_order(shop.product_a, session_id="cs_test_unknown")
    response = client.get(f"/pesanan/{order.token}/")
    assert response.status_code == 200
    assert status_of(response) == "pending"
    assert [r.path for r in buying.requests] == ["/v1/checkout/sessions/cs_test_unknown"]
