"""Malformed Stripe webhook bodies with valid signatures: 400, logged, nothing changed.

The signature proves the body came from whoever holds the secret, not that it is an event:
a body without `data`, a JSON array, or an event id holding a NUL byte raised a 500 (or could
reach the database as it was). Signatures are real (stripe.WebhookSignature).
"""

import json
import logging
import secrets
import time

import pytest
import stripe
from django.test import Client

from catalog.factories import ProductPageFactory, VendorPageFactory
from orders.models import Order, OrderLine, PaymentEvent

pytestmark = pytest.mark.django_db
SECRET = "whsec_test_security_input"  # noqa: S105 (a test value)


@pytest.fixture
def order(site_tree, settings):
    settings.STRIPE_SECRET_KEY = "sk_test_security_input"  # noqa: S105 (a test value)
    settings.STRIPE_WEBHOOK_SECRET = SECRET
    settings.BUYING_ENABLED = True
    vendor = VendorPageFactory(title="Batik Trusmi Asri", sells_online=True)
    product = ProductPageFactory(parent=vendor, title="Kain Batik", price=150_000, stock=5)
    order = Order.objects.create(
        vendor=vendor,
        total=product.price,
        name="Siti Aminah",
        email="siti@example.test",
        phone="+6281234567890",
        province="Jawa Barat",
        city="Kota Bandung",
        district="Coblong",
        postal_code="40132",
        street="Jl. Dago No. 10",
        checkout_session_id=f"cs_test_{secrets.token_hex(8)}",
    )
    OrderLine.objects.create(
        order=order,
        product=product,
        title=product.title,
        unit="pcs",
        unit_price=150_000,
        quantity=1,
    )
    return order


def completed_event(order, **session):
    obj = {
        "id": order.checkout_session_id,
        "object": "checkout.session",
        "amount_total": order.amount_minor,
        "currency": "idr",
        "client_reference_id": order.reference,
        "metadata": {"order_reference": order.reference},
        "payment_status": "paid",
        "status": "complete",
        **session,
    }
    return {
        "id": f"evt_{secrets.token_hex(12)}",
        "object": "event",
        "created": int(time.time()),
        "type": "checkout.session.completed",
        "data": {"object": obj},
    }


def post_signed(body):
    header = stripe.WebhookSignature.generate_signature_header(
        body, SECRET, timestamp=int(time.time())
    )
    client = Client(raise_request_exception=False)
    return client.post(
        "/stripe/webhook/", data=body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
    )


def without_data(order):
    event = completed_event(order)
    del event["data"]
    return json.dumps(event)


def data_not_an_object(order):
    return json.dumps({**completed_event(order), "data": "paid"})


def object_not_an_object(order):
    return json.dumps({**completed_event(order), "data": {"object": ["paid"]}})


def a_json_array(order):
    return json.dumps([completed_event(order)])


def a_json_string(order):
    return json.dumps("checkout.session.completed")


def nul_in_the_event_id(order):
    return json.dumps({**completed_event(order), "id": "evt_1\u0000x"})


def event_id_not_a_string(order):
    return json.dumps({**completed_event(order), "id": {"evt": 1}})


def no_type(order):
    event = completed_event(order)
    del event["type"]
    return json.dumps(event)


def nul_in_the_reference(order):
    return json.dumps(completed_event(order, client_reference_id=order.reference + "\u0000"))


def metadata_a_list(order):
    return json.dumps(completed_event(order, client_reference_id=None, metadata=["x"]))


def amount_a_string(order):
    return json.dumps(completed_event(order, amount_total="15000000"))


def not_json(order):
    return "{'id': 'evt_1'"


MALFORMED = [
    without_data,
    data_not_an_object,
    object_not_an_object,
    a_json_array,
    a_json_string,
    nul_in_the_event_id,
    event_id_not_a_string,
    no_type,
    nul_in_the_reference,
    metadata_a_list,
    amount_a_string,
    not_json,
]


@pytest.mark.parametrize("build", MALFORMED, ids=[build.__name__ for build in MALFORMED])
def test_a_signed_malformed_body_is_refused_logged_and_changes_nothing(order, build, caplog):
    with caplog.at_level(logging.WARNING, logger="orders.views"):
        response = post_signed(build(order))
    assert response.status_code == 400
    assert any("webhook refused" in record.getMessage() for record in caplog.records)
    assert PaymentEvent.objects.count() == 0
    order.refresh_from_db()
    assert order.status == Order.Status.PENDING


def test_a_well_formed_signed_event_still_pays_the_order(order, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_signed(json.dumps(completed_event(order)))
    assert response.status_code == 200
    order.refresh_from_db()
    assert order.status == Order.Status.PAID
    assert PaymentEvent.objects.count() == 1
