"""Emails about orders: rows written in the order's transaction, sent by a background task.

A failing mail server never loses or undoes an order: the payment is recorded first, the email
row (an outbox row, outbox/) keeps its failed attempts and is retried.
"""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from catalog.ownership import owners_of
from outbox import delivery
from outbox.tasks import send_after_commit

from .models import OrderEmail

logger = logging.getLogger(__name__)

TEMPLATES = {
    OrderEmail.Kind.BUYER_PAID: "orders/email/buyer_paid.txt",
    OrderEmail.Kind.OWNER_PAID: "orders/email/owner_paid.txt",
    OrderEmail.Kind.BUYER_OVERSOLD: "orders/email/buyer_oversold.txt",
    OrderEmail.Kind.OWNER_OVERSOLD: "orders/email/owner_oversold.txt",
    OrderEmail.Kind.BUYER_SHIPPED: "orders/email/buyer_shipped.txt",
}


def owner_emails(vendor):
    emails = sorted({u.email for u in owners_of(vendor) if u.email})
    if vendor.email and vendor.email not in emails:
        emails.append(vendor.email)
    return emails


def queue(order, kind):
    """Write one email row (call inside the transaction that changed the order)."""
    to_buyer = kind.startswith("buyer_")
    recipients = [order.email] if to_buyer else owner_emails(order.vendor)
    if not recipients:
        logger.warning("Order %s: IKM %s has no email to notify", order, order.vendor_id)
        return None
    language = order.language if to_buyer else "id"
    with translation.override(language):
        text = render_to_string(
            TEMPLATES[kind],
            {
                "order": order,
                "lines": list(order.lines.all()),
                "site_url": settings.WAGTAILADMIN_BASE_URL,
            },
        )
    subject, _sep, body = text.strip().partition("\n")
    email = OrderEmail.objects.create(
        order=order,
        kind=kind,
        recipients=",".join(recipients),
        subject=subject.strip(),
        body=body.strip() + "\n",
    )
    send_after_commit([email])
    return email


def deliver_pending():
    """Send every order email not sent yet (up to the attempt limit); returns (sent, failed)."""
    return delivery.deliver_due([OrderEmail], force_retry=True)
