"""Emails about inquiries: written to the database first, then sent; retried when they fail."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from catalog.ownership import owners_of

from .models import Notification

logger = logging.getLogger(__name__)


def _render(template, inquiry, language, **extra):
    with translation.override(language):
        text = render_to_string(
            template, {"inquiry": inquiry, "site_url": settings.WAGTAILADMIN_BASE_URL, **extra}
        )
    subject, _sep, body = text.strip().partition("\n")
    return subject.strip(), body.strip() + "\n"


def queue_for_new_inquiry(inquiry):
    """The owners' notification and the buyer's confirmation, as rows (call in the transaction)."""
    notifications = []
    owner_emails = sorted({u.email for u in owners_of(inquiry.vendor) if u.email})
    if inquiry.vendor.email and inquiry.vendor.email not in owner_emails:
        owner_emails.append(inquiry.vendor.email)
    if owner_emails:
        subject, body = _render("inquiries/email/owner.txt", inquiry, "id")
        notifications.append(
            Notification.objects.create(
                inquiry=inquiry,
                kind=Notification.Kind.OWNER,
                recipients=",".join(owner_emails),
                subject=subject,
                body=body,
                reply_to=inquiry.email,
                language="id",
            )
        )
    else:
        logger.warning("Inquiry %s: IKM %s has no email to notify", inquiry, inquiry.vendor_id)
    if inquiry.email:
        subject, body = _render("inquiries/email/buyer.txt", inquiry, inquiry.language)
        notifications.append(
            Notification.objects.create(
                inquiry=inquiry,
                kind=Notification.Kind.BUYER,
                recipients=inquiry.email,
                subject=subject,
                body=body,
                reply_to=inquiry.vendor.email,
                language=inquiry.language,
            )
        )
    return notifications


def queue_reply(inquiry, user, subject, body):
    """A reply written in the admin, logged as a notification to the buyer."""
    return Notification.objects.create(
        inquiry=inquiry,
        kind=Notification.Kind.REPLY,
        recipients=inquiry.email,
        subject=subject,
        body=body,
        reply_to=user.email or inquiry.vendor.email,
        language=inquiry.language,
        sent_by=user,
    )


def send_after_commit(notifications):
    ids = [n.pk for n in notifications]
    transaction.on_commit(lambda: deliver_ids(ids))


def deliver_ids(ids):
    for notification in Notification.objects.filter(pk__in=ids, sent_at__isnull=True):
        deliver(notification)


def deliver(notification):
    """Try to send one email; record the outcome. Never raises: the inquiry is already safe."""
    message = EmailMessage(
        subject=notification.subject,
        body=notification.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=notification.recipient_list,
        reply_to=[notification.reply_to] if notification.reply_to else None,
    )
    Notification.objects.filter(pk=notification.pk).update(attempts=notification.attempts + 1)
    notification.attempts += 1
    try:
        message.send(fail_silently=False)
    except Exception as error:  # any mail failure: SMTP, DNS, timeouts, a broken backend
        notification.last_error = f"{type(error).__name__}: {error}"[:2000]
        Notification.objects.filter(pk=notification.pk).update(last_error=notification.last_error)
        logger.warning(
            "Email %s for %s failed: %s",
            notification.pk,
            notification.inquiry_id,
            notification.last_error,
        )
        return False
    notification.sent_at = timezone.now()
    Notification.objects.filter(pk=notification.pk).update(
        sent_at=notification.sent_at, last_error=""
    )
    return True


def pending():
    return Notification.objects.filter(
        sent_at__isnull=True, attempts__lt=settings.NOTIFICATION_MAX_ATTEMPTS
    ).select_related("inquiry")


def deliver_pending():
    """Send every email not sent yet; returns (sent, failed)."""
    sent = failed = 0
    for notification in pending():
        if deliver(notification):
            sent += 1
        else:
            failed += 1
    return sent, failed
