"""Stripe that hangs or crawls (issue #15): the call gives up within its bound, the order is
marked failed, the buyer gets the clear 503 form with Retry-After, and nothing is charged
twice (the library's retry reuses the order's idempotency key).

Stripe's stub (orders/stripe_stub.py) sits behind scripts/faultproxy.py. No timing assertion:
the request runs under a watchdog that cuts the proxy after a generous limit, and the test
asserts it never had to.
"""

import time
from urllib.parse import urlparse

import pytest
from order_helpers import order_data

from orders.models import Order
from scripts.faultproxy import FaultProxy

pytestmark = pytest.mark.django_db
WATCHDOG_SECONDS = 20


@pytest.fixture
def stripe_proxy(buying, settings):
    stub = urlparse(buying.url)
    with FaultProxy((stub.hostname, stub.port)) as proxy:
        settings.STRIPE_API_BASE = f"http://{proxy.address}"
        settings.STRIPE_TIMEOUT_SECONDS = 0.5
        settings.STRIPE_MAX_NETWORK_RETRIES = 1
        yield proxy
        proxy.set_mode("pass")


def watchdog(proxy):
    return proxy.watchdog(WATCHDOG_SECONDS, "the order waited on Stripe")


def assert_failed_with_the_503_form(response):
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "tidak ada yang ditagih" in response.content.decode()
    order = Order.objects.get()
    assert order.status == Order.Status.FAILED
    assert not order.checkout_url


def test_a_hanging_stripe_fails_the_order_with_the_503_form(client, shop, stripe_proxy, buying):
    stripe_proxy.set_mode("hang")
    with watchdog(stripe_proxy):
        response = client.post(f"/beli/{shop.product_a.pk}/", order_data(shop.product_a))
    assert_failed_with_the_503_form(response)
    assert buying.creates == []  # nothing reached Stripe


def test_a_slow_stripe_is_retried_with_the_same_idempotency_key(client, shop, stripe_proxy, buying):
    stripe_proxy.set_mode("slow", delay=2)  # each answer arrives after the client gave up
    with watchdog(stripe_proxy):
        response = client.post(f"/beli/{shop.product_a.pk}/", order_data(shop.product_a))
    assert_failed_with_the_503_form(response)
    for _ in range(100):  # the delayed requests reach the stub after the buyer's answer
        if len(buying.creates) == 2:
            break
        time.sleep(0.1)
    keys = {request.headers.get("idempotency-key") for request in buying.creates}
    assert len(buying.creates) == 2  # the first attempt and the library's one retry
    assert keys == {f"checkout-{Order.objects.get().reference}"}
    assert len(buying.sessions) == 1  # so at most one session could ever be paid
