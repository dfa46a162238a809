"""Emails about orders: rows written in the order's transaction, sent after the commit.

A failing mail server never loses or undoes an order: the payment is recorded first, the email
row keeps its failed attempts, and `send_order_emails` tries again.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from catalog.ownership import owners_of

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
    transaction.on_commit(lambda: deliver_ids([email.pk]))
    return email


def deliver_ids(ids):
    for email in OrderEmail.objects.filter(pk__in=ids, sent_at__isnull=True):
        deliver(email)


def deliver(email):
    """Try to send one email and record the outcome; never raises."""
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.recipient_list,
    )
    email.attempts += 1
    OrderEmail.objects.filter(pk=email.pk).update(attempts=email.attempts)
    try:
        message.send(fail_silently=False)
    except Exception as error:  # any mail failure: SMTP, DNS, timeouts, a broken backend
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        OrderEmail.objects.filter(pk=email.pk).update(last_error=email.last_error)
        logger.warning("Order email %s (%s) failed: %s", email.pk, email.order_id, email.last_error)
        return False
    email.sent_at = timezone.now()
    OrderEmail.objects.filter(pk=email.pk).update(sent_at=email.sent_at, last_error="")
    return True


def deliver_pending():
    """Send every email not sent yet (up to the attempt limit); returns (sent, failed)."""
    sent = failed = 0
    pending = OrderEmail.objects.filter(
        sent_at__isnull=True, attempts__lt=settings.NOTIFICATION_MAX_ATTEMPTS
    )
    for email in pending:
        if deliver(email):
            sent += 1
        else:
            failed += 1
    return sent, failed
