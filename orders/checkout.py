"""Placing an order: when a product can be bought, the pending order, the provider's session."""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils.translation import get_language

from catalog.models import ProductPage

from .models import Order, OrderLine
from .payments import buying_enabled

logger = logging.getLogger(__name__)


def can_buy(product):
    """Buying is offered when payments are configured, the IKM sells online, and the product
    has a price and is ready stock with enough left for its minimum order."""
    vendor = product.vendor
    return bool(
        buying_enabled()
        and vendor is not None
        and vendor.sells_online
        and product.price
        and product.availability == ProductPage.Availability.READY
        and (product.stock or 0) >= max(product.min_order, 1)
    )


def place_order(form, product):
    """Save the order as PENDING with its line at the server's price (not the form's)."""
    quantity = form.cleaned_data["quantity"]
    with transaction.atomic():
        order = form.save(commit=False)
        order.vendor = product.vendor
        order.total = product.price * quantity
        order.language = (get_language() or "id")[:2]
        order.save()
        OrderLine.objects.create(
            order=order,
            product=product,
            title=product.title,
            sku=product.sku,
            unit=product.get_price_unit_display(),
            unit_price=product.price,
            quantity=quantity,
        )
    return order


def open_checkout(order, provider, request):
    """Create the provider's checkout session for the order; returns the URL to pay at.

    Raises PaymentError (nothing charged); the order is then marked FAILED, not left waiting.
    """
    success = request.build_absolute_uri(reverse("order_success", args=[order.token]))
    cancel = request.build_absolute_uri(reverse("order_cancel", args=[order.token]))
    try:
        session = provider.create_checkout(order, success, cancel)
    except Exception:
        Order.objects.filter(pk=order.pk).update(
            status=Order.Status.FAILED, problem="checkout session not created"
        )
        raise
    Order.objects.filter(pk=order.pk).update(
        checkout_session_id=session.id, checkout_url=session.url
    )
    return session.url
