"""Payments behind a small interface: what the order code needs from a payment provider.

`PaymentProvider` is the contract; `StripeCheckout` (Stripe Checkout Sessions, through the
official `stripe` library) is its only implementation. The rest of the app sees plain
`CheckoutSession` and `WebhookEvent` values, never a Stripe object.
"""

import json
import re
from dataclasses import dataclass
from typing import Protocol

import stripe
from django.conf import settings

from .models import CURRENCY, MINOR_UNITS_PER_RUPIAH


class PaymentError(Exception):
    """The provider could not be reached or refused the request; nothing was charged."""


class InvalidWebhook(Exception):
    """A webhook whose signature or body does not verify: answer 400 and do nothing."""


@dataclass(frozen=True)
class CheckoutSession:
    id: str
    url: str
    status: str  # open, complete, expired
    payment_status: str  # paid, unpaid, no_payment_required
    amount_total: int | None
    currency: str
    client_reference_id: str
    order_reference: str  # from the metadata


@dataclass(frozen=True)
class WebhookEvent:
    id: str
    type: str
    session: CheckoutSession | None  # for checkout.session.* events


class PaymentProvider(Protocol):
    def create_checkout(self, order, success_url, cancel_url) -> CheckoutSession: ...

    def retrieve(self, session_id) -> CheckoutSession: ...

    def parse_webhook(self, payload: bytes, signature: str) -> WebhookEvent: ...


def buying_enabled():
    """Online payment is offered only with both Stripe keys set (see README, "Buying online")."""
    return bool(
        settings.BUYING_ENABLED and settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET
    )


def get_provider() -> PaymentProvider:
    return StripeCheckout(
        settings.STRIPE_SECRET_KEY,
        settings.STRIPE_WEBHOOK_SECRET,
        api_base=settings.STRIPE_API_BASE,
    )


# Stripe's ids and event types; anything else (a NUL, a space, a list) is not one of its events.
_EVENT_ID = re.compile(r"^[A-Za-z0-9_]{1,255}$")
_EVENT_TYPE = re.compile(r"^[a-z0-9_.]{1,100}$")
_SESSION_TEXT = ("id", "url", "status", "payment_status", "currency", "client_reference_id")


def webhook_event(data) -> WebhookEvent:
    """The parts of a verified event body we use; InvalidWebhook for a body not shaped like a
    Stripe event (signed or not, it must never reach the database as it is)."""
    if not isinstance(data, dict):
        raise InvalidWebhook("the body is not a JSON object")
    event_id, event_type = data.get("id"), data.get("type")
    if not (isinstance(event_id, str) and _EVENT_ID.match(event_id)):
        raise InvalidWebhook("the event has no valid id")
    if not (isinstance(event_type, str) and _EVENT_TYPE.match(event_type)):
        raise InvalidWebhook("the event has no valid type")
    body = data.get("data")
    obj = body.get("object") if isinstance(body, dict) else None
    if not isinstance(obj, dict):
        raise InvalidWebhook("the event has no data object")
    session = None
    if event_type.startswith("checkout.session."):
        _check_session(obj)
        session = _session(obj)
    return WebhookEvent(id=event_id, type=event_type, session=session)


def _check_session(obj):
    metadata = obj.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise InvalidWebhook("the session's metadata is not an object")
    texts = [obj.get(name) for name in _SESSION_TEXT] + [(metadata or {}).get("order_reference")]
    if any(value is not None and not _clean_text(value) for value in texts):
        raise InvalidWebhook("a session field is not plain text")
    amount = obj.get("amount_total")
    if amount is not None and (type(amount) is not int or not 0 <= amount < 2**63):
        raise InvalidWebhook("the session's amount is not a whole number")


def _clean_text(value):
    return isinstance(value, str) and len(value) <= 2048 and value.isprintable()


def _session(stripe_object) -> CheckoutSession:
    obj = stripe_object if isinstance(stripe_object, dict) else stripe_object.to_dict()
    metadata = obj.get("metadata") or {}
    return CheckoutSession(
        id=obj.get("id") or "",
        url=obj.get("url") or "",
        status=obj.get("status") or "",
        payment_status=obj.get("payment_status") or "",
        amount_total=obj.get("amount_total"),
        currency=(obj.get("currency") or "").lower(),
        client_reference_id=obj.get("client_reference_id") or "",
        order_reference=metadata.get("order_reference") or "",
    )


class StripeCheckout:
    """Stripe Checkout Sessions in payment mode, one per order.

    The order reference is the idempotency key, so a retried request (ours or the library's)
    never opens a second session for the same order.

    Bounded well under the web worker's timeout (gunicorn: 30 s): each attempt gives up after
    STRIPE_TIMEOUT_SECONDS (6) and the library retries STRIPE_MAX_NETWORK_RETRIES times (1,
    after at most a second), so a Stripe that hangs costs the buyer about 13 s, then the order
    is marked failed and the form answers 503 (PaymentError).
    """

    def __init__(self, secret_key, webhook_secret, api_base=None):
        self.webhook_secret = webhook_secret
        self.client = stripe.StripeClient(
            secret_key,
            base_addresses={"api": api_base} if api_base else None,
            max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
            http_client=stripe.RequestsClient(timeout=settings.STRIPE_TIMEOUT_SECONDS),
        )

    def create_checkout(self, order, success_url, cancel_url):
        line_items = [
            {
                "quantity": line.quantity,
                "price_data": {
                    "currency": CURRENCY,
                    "unit_amount": line.unit_price * MINOR_UNITS_PER_RUPIAH,
                    "product_data": {"name": line.title[:250]},
                },
            }
            for line in order.lines.all()
        ]
        params = {
            "mode": "payment",
            "line_items": line_items,
            "client_reference_id": order.reference,
            "metadata": {"order_reference": order.reference},
            "payment_intent_data": {"metadata": {"order_reference": order.reference}},
            "customer_email": order.email,
            "locale": "en" if order.language == "en" else "id",
            "success_url": success_url,
            "cancel_url": cancel_url,
        }
        try:
            session = self.client.v1.checkout.sessions.create(
                params=params, options={"idempotency_key": f"checkout-{order.reference}"}
            )
        except stripe.StripeError as error:
            raise PaymentError(str(error)) from error
        return _session(session)

    def retrieve(self, session_id):
        try:
            return _session(self.client.v1.checkout.sessions.retrieve(session_id))
        except stripe.StripeError as error:
            raise PaymentError(str(error)) from error

    def parse_webhook(self, payload, signature):
        try:
            stripe.WebhookSignature.verify_header(
                payload, signature, self.webhook_secret, stripe.Webhook.DEFAULT_TOLERANCE
            )
            data = json.loads(payload)
        except (ValueError, RecursionError, stripe.SignatureVerificationError) as error:
            raise InvalidWebhook(str(error)) from error
        return webhook_event(data)
