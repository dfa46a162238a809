"""The buyer's side: the order form, the pages Stripe returns to, and the webhook."""

import logging

from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from catalog.models import ProductPage
from config.unavailable import RETRY_AFTER_SECONDS
from inquiries.views import focus_first_error

from .checkout import can_buy, open_checkout, place_order
from .forms import OrderForm
from .fulfilment import handle_event
from .models import Order
from .payments import InvalidWebhook, PaymentError, buying_enabled, get_provider

logger = logging.getLogger(__name__)


def buyable_product(product_id):
    """A product buyers can see and buy online; 404 otherwise (no payment wording at all)."""
    if not buying_enabled():
        raise Http404
    product = (
        ProductPage.visible().select_related("vendor").filter(pk=product_id).first()
        if 0 < product_id < 2**63
        else None
    )
    if product is None or not can_buy(product):
        raise Http404
    return product


def initial_quantity(request, product):
    try:
        quantity = int(request.GET.get("jumlah", ""))
    except ValueError:
        return product.min_order
    return min(max(quantity, product.min_order), product.stock)


@never_cache
@require_http_methods(["GET", "POST"])
def order_form(request, product_id):
    """Who and where to ship; a valid form saves a pending order and goes to the payment page."""
    product = buyable_product(product_id)
    status = 200
    if request.method == "POST":
        form = OrderForm(request.POST, product=product)
        if form.is_valid():
            order = place_order(form, product)
            try:
                url = open_checkout(order, get_provider(), request)
            except PaymentError as error:
                logger.error("Order %s: checkout session not created: %s", order, error)
                form.add_error(
                    None,
                    _(
                        "Halaman pembayaran tidak dapat dibuka saat ini; tidak ada yang ditagih. "
                        "Coba lagi sebentar lagi."
                    ),
                )
                status = 503
            else:
                return HttpResponseRedirect(url, status=303)
        else:
            status = 400
    else:
        form = OrderForm(
            product=product,
            initial={"quantity": initial_quantity(request, product)},
        )
    focus_first_error(form)
    response = render(
        request,
        "orders/order_form.html",
        {"form": form, "product": product, "vendor": product.vendor},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def order_by_token(token):
    if not 20 <= len(token) <= 64:
        raise Http404
    return get_object_or_404(
        Order.objects.select_related("vendor").prefetch_related("lines"), token=token
    )


def payment_seen(order):
    """Whether the provider already reports the payment of a still-pending order (shown as
    "being confirmed"; only the signed webhook marks it paid)."""
    if order.status != Order.Status.PENDING or not order.checkout_session_id:
        return False
    if not buying_enabled():
        return False
    try:
        session = get_provider().retrieve(order.checkout_session_id)
    except PaymentError as error:
        logger.warning("Order %s: session not retrieved: %s", order, error)
        return False
    return session.payment_status == "paid"


def order_page(request, token, returned_from):
    order = order_by_token(token)
    response = render(
        request,
        "orders/order_status.html",
        {
            "order": order,
            "lines": order.lines.all(),
            "vendor": order.vendor,
            "returned_from": returned_from,
            "payment_seen": returned_from == "success" and payment_seen(order),
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"  # the token is in the URL
    return response


@never_cache
@require_GET
def order_success(request, token):
    return order_page(request, token, "success")


@never_cache
@require_GET
def order_cancel(request, token):
    return order_page(request, token, "cancel")


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe's signed events: 400 (logged) unless the signature verifies on the raw body and
    the body is shaped like a Stripe event, else 200."""
    if not buying_enabled():
        raise Http404
    signature = request.headers.get("Stripe-Signature", "")
    try:
        event = get_provider().parse_webhook(request.body, signature)
    except InvalidWebhook as error:
        logger.warning("Stripe webhook refused: %s", error)
        return HttpResponseBadRequest("invalid webhook")
    outcome = handle_event(event)
    return HttpResponse(outcome, content_type="text/plain")
