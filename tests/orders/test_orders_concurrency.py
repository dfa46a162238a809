"""Two buyers pay for the last unit at the same moment: on PostgreSQL, with real row locks,
one order is paid, the other flagged for a refund, and the stock ends at 0, never below.

SQLite has no row locks (it serialises whole-database writes instead), so this runs on
PostgreSQL only: `DATABASE_URL=postgres://... pytest tests/orders`.
"""

import threading

import pytest
from django.db import connection, connections
from order_helpers import make_order, post_webhook, session_event

from catalog.models import ProductPage
from orders.models import Order

WEBHOOK_SECRET = "whsec_test_etalase_orders"  # noqa: S105 (the conftest's test value)

pytestmark = [
    # Transactional (each thread commits); serialized_rollback restores the site tree that an
    # earlier transactional test flushed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks (SELECT ... FOR UPDATE) need PostgreSQL; SQLite has none to test",
    ),
]


def test_two_payments_for_the_last_unit_at_once_sell_it_once(buying, shop):
    ProductPage.objects.filter(pk=shop.product_b.pk).update(stock=1)
    orders = [make_order(shop.product_b, email=f"pembeli{i}@example.test") for i in range(2)]
    events = [session_event(order) for order in orders]
    start = threading.Barrier(2)
    responses, errors = [None, None], []

    def pay(index):
        try:
            start.wait(timeout=10)
            responses[index] = post_webhook(events[index], WEBHOOK_SECRET)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=pay, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert [r.status_code for r in responses] == [200, 200]
    statuses = sorted(
        Order.objects.filter(pk__in=[o.pk for o in orders]).values_list("status", flat=True)
    )
    assert statuses == [Order.Status.NEEDS_REFUND, Order.Status.PAID]
    assert ProductPage.objects.get(pk=shop.product_b.pk).stock == 0
