"""What each payment event does to its order: the only code that marks an order paid.

`handle_event` runs in one transaction: the event id is stored first (a replay is answered and
ignored), the order row is locked, then the order moves on and the stock is taken under row
locks on the products, so two payments for the last unit cannot both have it. Events that
arrive late or out of order do nothing an order's state does not allow: an order is paid once;
an expiry or a failed payment only ends an order still waiting for its payment.
"""

import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from catalog.models import ProductPage
from pagecache import tags as cache_tags
from pagecache.purge import purge_after_commit

from .models import Order, OrderEmail, PaymentEvent
from .notifications import queue

logger = logging.getLogger(__name__)

SETTLED = (Order.Status.PAID, Order.Status.SHIPPED, Order.Status.NEEDS_REFUND)


def handle_event(event):
    """Apply one verified webhook event; returns what happened (stored with the event)."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = PaymentEvent.objects.create(event_id=event.id, type=event.type)
        except IntegrityError:
            return "duplicate"
        order = locked_order(event.session) if event.session else None
        handler = HANDLERS.get(event.type)
        if order is None or handler is None:
            outcome = "ignored" if handler is None else "unknown order"
        else:
            outcome = handler(order, event.session)
        record.order = order
        record.outcome = outcome
        record.save(update_fields=["order", "outcome"])
    logger.info("Payment event %s (%s): %s", event.id, event.type, outcome)
    return outcome


def locked_order(session):
    """The session's order, locked for this transaction; None if it is not one of ours."""
    reference = session.client_reference_id or session.order_reference
    if not reference:
        return None
    order = Order.objects.select_for_update().filter(reference=reference).first()
    if order is None:
        return None
    if order.checkout_session_id and session.id and order.checkout_session_id != session.id:
        logger.error(
            "Order %s: event for session %s, not %s", order, session.id, order.checkout_session_id
        )
        return None
    return order


def completed(order, session):
    if session.payment_status != "paid":
        return "awaiting payment"  # a delayed method: async_payment_succeeded follows
    return mark_paid(order, session)


def async_succeeded(order, session):
    return mark_paid(order, session)


def async_failed(order, session):
    return end_waiting(order, Order.Status.FAILED)


def expired(order, session):
    return end_waiting(order, Order.Status.EXPIRED)


def end_waiting(order, status):
    if order.status != Order.Status.PENDING:
        return f"no change ({order.status})"
    Order.objects.filter(pk=order.pk).update(status=status)
    order.status = status
    return status


def mark_paid(order, session):
    """Paid exactly once: take the stock, or flag the order for a refund if it is gone."""
    if order.status in SETTLED:
        return f"already {order.status}"
    if session.amount_total != order.amount_minor or session.currency != order.currency:
        problem = (
            f"amount {session.amount_total} {session.currency} "
            f"!= {order.amount_minor} {order.currency}"
        )
        logger.error("Order %s: paid %s", order, problem)
        return flag(order, problem, notify=False)
    now = timezone.now()
    if take_stock(order):
        order.status, order.paid_at = Order.Status.PAID, now
        order.save(update_fields=["status", "paid_at"])
        queue(order, OrderEmail.Kind.BUYER_PAID)
        queue(order, OrderEmail.Kind.OWNER_PAID)
        return "paid"
    order.paid_at = now
    return flag(order, "oversold")


def flag(order, problem, notify=True):
    """Money came in but the order cannot be fulfilled: an operator refunds it."""
    order.status, order.problem = Order.Status.NEEDS_REFUND, problem[:255]
    order.save(update_fields=["status", "problem", "paid_at"])
    if notify:
        queue(order, OrderEmail.Kind.OWNER_OVERSOLD)
        queue(order, OrderEmail.Kind.BUYER_OVERSOLD)
    return f"needs refund ({problem})"


def take_stock(order):
    """Take every line's quantity from its product under row locks, all or nothing.

    Products are locked in primary-key order, so two orders never wait on each other crosswise.
    """
    lines = list(order.lines.all())
    ids = sorted({line.product_id for line in lines if line.product_id})
    products = {
        p.pk: p
        for p in ProductPage.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .order_by("pk")
    }
    for line in lines:
        product = products.get(line.product_id)
        if (
            product is None
            or product.availability != ProductPage.Availability.READY
            or (product.stock or 0) < line.quantity
        ):
            return False
    for line in lines:
        product = products[line.product_id]
        taken = ProductPage.objects.filter(pk=product.pk, stock__gte=line.quantity).update(
            stock=F("stock") - line.quantity
        )
        if not taken:  # cannot happen under the lock; never let stock go below zero
            raise IntegrityError(f"stock of product {product.pk} changed under its lock")
        take_from_latest_revision(product, line.quantity)
    # The stock shows on the product page, in its buy box and in the availability facet.
    purged = [cache_tags.ALL]
    for product in products.values():
        purged.extend(cache_tags.product_tags(product))
        purged.extend(product.cache_purge_tags())
    purge_after_commit(*purged)
    return True


def take_from_latest_revision(product, quantity):
    """Publishing the owner's next revision must not put the sold units back on the shelf."""
    revision = product.latest_revision
    if revision is None:
        return
    stock = revision.content.get("stock")
    if isinstance(stock, int):
        revision.content["stock"] = max(0, stock - quantity)
        revision.save(update_fields=["content"])


HANDLERS = {
    "checkout.session.completed": completed,
    "checkout.session.async_payment_succeeded": async_succeeded,
    "checkout.session.async_payment_failed": async_failed,
    "checkout.session.expired": expired,
}
