"""Emails about inquiries: outbox rows written with the inquiry, sent by a background task."""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from catalog.ownership import owners_of
from outbox import tasks

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
    """Hand the rows to the background queue once the inquiry's transaction commits."""
    tasks.send_after_commit(notifications)


def retry_now(notifications):
    """A person's "try again now": enqueue these saved rows past their retry time and limit."""
    tasks.enqueue(Notification, [n.pk for n in notifications], force=True)
