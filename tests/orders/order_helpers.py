"""Builders shared by the orders tests: order form data, pending orders, signed Stripe events."""

import json
import secrets
import time

import stripe
from django.test import Client

from orders.models import Order, OrderLine

ADDRESS = {
    "name": "Siti Aminah",
    "email": "siti@example.test",
    "phone": "0812 3456 7890",
    "province": "Jawa Barat",
    "city": "Kota Bandung",
    "district": "Coblong",
    "postal_code": "40132",
    "street": "Jl. Dago No. 10, RT 02/RW 05",
}


def order_data(for_product, **overrides):
    data = {**ADDRESS, "quantity": 1, "product": for_product.pk, "price": for_product.price}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def make_order(product, quantity=1, session_id=None, status=Order.Status.PENDING, **fields):
    """A pending order as the order form makes it (without asking Stripe)."""
    values = {**ADDRESS, "phone": "+6281234567890", **fields}
    order = Order.objects.create(
        vendor=product.vendor,
        total=product.price * quantity,
        status=status,
        checkout_session_id=session_id or f"cs_test_{secrets.token_hex(8)}",
        **values,
    )
    OrderLine.objects.create(
        order=order,
        product=product,
        title=product.title,
        unit="pcs",
        unit_price=product.price,
        quantity=quantity,
    )
    return order


def session_event(order, event_type="checkout.session.completed", **session):
    """A Stripe Event around a Checkout Session object for `order`, shaped like Stripe's."""
    obj = {
        "id": order.checkout_session_id,
        "object": "checkout.session",
        "amount_total": order.amount_minor,
        "currency": "idr",
        "client_reference_id": order.reference,
        "metadata": {"order_reference": order.reference},
        "mode": "payment",
        "payment_status": "paid",
        "status": "complete",
    }
    obj.update(session)
    return {
        "id": f"evt_{secrets.token_hex(12)}",
        "object": "event",
        "api_version": "2025-03-31.basil",
        "created": int(time.time()),
        "livemode": False,
        "type": event_type,
        "data": {"object": obj},
    }


def signed(event, secret, timestamp=None, body=None):
    """(body, Stripe-Signature header) with a real signature over the exact body."""
    payload = body if body is not None else json.dumps(event)
    header = stripe.WebhookSignature.generate_signature_header(
        payload, secret, timestamp=timestamp if timestamp is not None else int(time.time())
    )
    return payload, header


def post_raw(payload, header, client=None):
    return (client or Client()).post(
        "/stripe/webhook/",
        data=payload,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=header,
    )


def post_webhook(event, secret, client=None, **kwargs):
    return post_raw(*signed(event, secret, **kwargs), client=client)
