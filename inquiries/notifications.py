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
    notifications = queue_for_owners(inquiry)
    if inquiry.email:
        notifications.append(
            _buyer_notification(inquiry, "inquiries/email/buyer.txt", inquiry.vendor.email)
        )
    return notifications


def queue_for_list(inquiries):
    """For a list sent to several IKM (inquiries/inquiry_list.py): each IKM's notification,
    and one confirmation to the buyer listing every reference (kept with the first inquiry)."""
    notifications = []
    for inquiry in inquiries:
        notifications.extend(queue_for_owners(inquiry))
    first = inquiries[0]
    if first.email:
        notifications.append(
            _buyer_notification(
                first, "inquiries/email/buyer_list.txt", "", inquiries=list(inquiries)
            )
        )
    return notifications


def queue_for_owners(inquiry):
    """The IKM owners' notification of a new inquiry, as a list of zero or one row."""
    owner_emails = sorted({u.email for u in owners_of(inquiry.vendor) if u.email})
    if inquiry.vendor.email and inquiry.vendor.email not in owner_emails:
        owner_emails.append(inquiry.vendor.email)
    if not owner_emails:
        logger.warning("Inquiry %s: IKM %s has no email to notify", inquiry, inquiry.vendor_id)
        return []
    subject, body = _render("inquiries/email/owner.txt", inquiry, "id")
    return [
        Notification.objects.create(
            inquiry=inquiry,
            kind=Notification.Kind.OWNER,
            recipients=",".join(owner_emails),
            subject=subject,
            body=body,
            reply_to=inquiry.email,
            language="id",
        )
    ]


def _buyer_notification(inquiry, template, reply_to, **extra):
    subject, body = _render(template, inquiry, inquiry.language, **extra)
    return Notification.objects.create(
        inquiry=inquiry,
        kind=Notification.Kind.BUYER,
        recipients=inquiry.email,
        subject=subject,
        body=body,
        reply_to=reply_to,
        language=inquiry.language,
    )


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
